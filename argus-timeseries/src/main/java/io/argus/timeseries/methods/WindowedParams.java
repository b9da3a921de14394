package io.argus.timeseries.methods;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Window choice of the windowed table methods ({@link WindowedTable}).
 *
 * @param window window length; 0 = the training part's period (TSB-AD's autocorrelation rule)
 * @param periods multiple of the estimated period when window = 0 (TSB-AD's {@code periodicity})
 */
public record WindowedParams(
        @Param(doc = "window length; 0 = the training part's period (TSB-AD's autocorrelation rule)", min = 0, max = 100_000) int window,
        @Param(doc = "multiple of the estimated period used as the window when window = 0", min = 0.1, max = 100) double periods) {

    /** TSB-AD's default: one estimated period. */
    public static final WindowedParams DEFAULTS = new WindowedParams(0, 1.0);

    public WindowedParams {
        Params.checkRange("window", window, 0, 100_000);
        Params.checkRange("periods", periods, 0.1, 100);
    }
}
