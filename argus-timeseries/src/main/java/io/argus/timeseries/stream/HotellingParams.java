package io.argus.timeseries.stream;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link Hotelling}. α = 0 (the default) is Hotelling's chart with the running estimates
 * of everything seen so far, the classical in-control estimate; α &gt; 0 forgets with an effective memory
 * of 1/α steps (which should exceed C² for a stable covariance). The ridge 10⁻⁶ of the mean variance is
 * about float32 resolution: it only keeps directions the data never varies in from dividing by zero.
 *
 * @param alpha smoothing constant of the mean and covariance; 0 = cumulative
 * @param warmup steps learned before scores start (at least 2·C + 1 are used in any case)
 * @param ridge added to the covariance's diagonal, relative to its mean variance
 * @param window steps over which T² is averaged (1 = the step's own T²); the average of w consecutive
 *        T² is the moving-window chart statistic, χ²-distributed with w·C degrees of freedom in control,
 *        and it sees a change of structure that shows in most but not every step of a stretch
 */
public record HotellingParams(
        @Param(doc = "smoothing constant of the mean and covariance; 0 = cumulative (Hotelling's in-control estimate)", min = 0, max = 0.5)
        double alpha,
        @Param(doc = "steps learned before scores start (at least 2C+1)", min = 2, max = 1 << 30) int warmup,
        @Param(doc = "ridge on the covariance diagonal, relative to the mean variance", min = 0, max = 1) double ridge,
        @Param(doc = "steps over which T² is averaged (1 = each step's own)", min = 1, max = 100_000) int window) {

    /** Cumulative estimates. */
    public static final double ALPHA_DEFAULT = 0;

    /** The default warm-up. */
    public static final int WARMUP_DEFAULT = 30;

    /** Each step's own T². */
    public static final int WINDOW_DEFAULT = 1;

    /** The default relative ridge. */
    public static final double RIDGE_DEFAULT = 1e-6;

    /** The defaults. */
    public static final HotellingParams DEFAULTS = new HotellingParams(ALPHA_DEFAULT, WARMUP_DEFAULT, RIDGE_DEFAULT, WINDOW_DEFAULT);

    public HotellingParams {
        Params.checkRange("alpha", alpha, 0, 0.5);
        Params.checkRange("warmup", warmup, 2, 1 << 30);
        Params.checkRange("ridge", ridge, 0, 1);
        Params.checkRange("window", window, 1, 100_000);
    }
}
