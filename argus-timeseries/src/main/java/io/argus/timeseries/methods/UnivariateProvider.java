package io.argus.timeseries.methods;

import io.argus.core.model.Tensor;
import java.util.Map;

/**
 * A registered method whose scoring rule is univariate, so that {@link ChannelIndependentProvider} can
 * run it per channel with a chosen aggregation.
 *
 * @param <P> the method's parameter record
 */
public interface UnivariateProvider<P extends Record> {

    /** The univariate scoring rule with these parameters. */
    UnivariateDetector univariate(P params);

    /** Rebuilds one channel's model from its state. */
    UnivariateModel restoreUnivariate(P params, Map<String, Tensor> state);
}
