package io.argus.timeseries.stream;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link Ewma}.
 *
 * <p>No paper fixes these for anomaly detection: α = 0.01 (an effective memory of about 1/α = 100
 * steps) follows the common EWMA-chart choice of a small smoothing constant (Lucas &amp; Saccucci,
 * "Exponentially Weighted Moving Average Control Schemes", Technometrics 1990, tabulate λ from 0.05
 * down), and a warm-up of 30 steps is the usual minimum sample for a stable standard deviation.
 *
 * @param alpha smoothing constant α of the mean and variance; 0 gives the running (cumulative) mean and
 *        variance of everything seen (Welford), the plain online z-score
 * @param warmup steps seen before scores start; earlier steps score 0
 */
public record EwmaParams(
        @Param(doc = "smoothing constant of the exponentially weighted mean and variance; 0 = cumulative (plain online z-score)",
                min = 0, max = 0.999) double alpha,
        @Param(doc = "steps learned before scores start (earlier steps score 0)", min = 2, max = 1 << 30) int warmup) {

    /** The default smoothing constant. */
    public static final double ALPHA_DEFAULT = 0.01;

    /** The default warm-up. */
    public static final int WARMUP_DEFAULT = 30;

    /** The defaults. */
    public static final EwmaParams DEFAULTS = new EwmaParams(ALPHA_DEFAULT, WARMUP_DEFAULT);

    public EwmaParams {
        Params.checkRange("alpha", alpha, 0, 0.999);
        Params.checkRange("warmup", warmup, 2, 1 << 30);
    }
}
