package io.argus.timeseries.methods;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link Poly}.
 *
 * @param window history length w; 0 = the training part's period (TSB-AD's rule)
 * @param power polynomial degree (TSB-UAD's default 3)
 */
public record PolyParams(
        @Param(doc = "history length; 0 = the training part's period (TSB-AD's autocorrelation rule)", min = 0, max = 100_000) int window,
        @Param(doc = "degree of the extrapolating polynomial", min = 0, max = 10) int power) {

    /** TSB-UAD's default degree. */
    public static final int POWER_DEFAULT = 3;

    /** Defaults: the estimated period and degree 3. */
    public static final PolyParams DEFAULTS = new PolyParams(0, POWER_DEFAULT);

    public PolyParams {
        Params.checkRange("window", window, 0, 100_000);
        Params.checkRange("power", power, 0, 10);
        if (window > 0 && window <= power) {
            throw new IllegalArgumentException("parameter window = " + window + " must exceed power = " + power);
        }
    }
}
