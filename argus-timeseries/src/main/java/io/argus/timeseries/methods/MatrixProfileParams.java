package io.argus.timeseries.methods;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link MatrixProfileDetector}.
 *
 * @param window subsequence length m; 0 estimates it from the training part (TSB-AD's period rule)
 * @param periods multiple of the estimated period used as the window (TSB-AD's {@code periodicity} = 1)
 */
public record MatrixProfileParams(
        @Param(doc = "subsequence length; 0 = the training part's period (TSB-AD's autocorrelation rule)", min = 0, max = 1_000_000) int window,
        @Param(doc = "multiple of the estimated period used as the window when window = 0", min = 0.1, max = 100) double periods) {

    /** TSB-AD's defaults: the estimated period, once. */
    public static final MatrixProfileParams DEFAULTS = new MatrixProfileParams(0, 1.0);

    public MatrixProfileParams {
        Params.checkRange("window", window, 0, 1_000_000);
        if (window == 1) {
            throw new IllegalArgumentException("parameter window = 1 is out of range; allowed: 0 (automatic) or [2, 1000000]");
        }
        Params.checkRange("periods", periods, 0.1, 100);
    }
}
