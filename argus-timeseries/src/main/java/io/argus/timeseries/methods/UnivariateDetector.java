package io.argus.timeseries.methods;

import io.argus.core.Context;

/**
 * A detector of one channel: the scoring rule of a univariate method, which {@link ChannelIndependent}
 * applies to every channel of a {@link io.argus.core.data.Series}.
 */
public interface UnivariateDetector {

    /** The method's registry name, for messages. */
    String name();

    /**
     * Fits on one channel's training values (finite).
     *
     * @throws IllegalArgumentException when the training part is too short for the method's window
     */
    UnivariateModel fit(double[] train, Context ctx);
}
