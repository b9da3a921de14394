package io.argus.timeseries.methods;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link PcaT2Q}.
 *
 * @param varianceKept share of the training variance the kept components must reach
 * @param alpha significance level of the T² and Q control limits
 */
public record PcaT2QParams(
        @Param(doc = "share of the training variance the kept principal components must reach", min = 0.01, max = 1) double varianceKept,
        @Param(doc = "significance level of the T² and Q control limits", min = 1e-9, max = 0.5) double alpha) {

    /** Share of variance kept (ControlCharts' default as recalled; not re-checked). */
    public static final double VARIANCE_KEPT_DEFAULT = 0.85;

    /** The customary 1% level of the control limits. */
    public static final double ALPHA_DEFAULT = 0.01;

    /** The defaults. */
    public static final PcaT2QParams DEFAULTS = new PcaT2QParams(VARIANCE_KEPT_DEFAULT, ALPHA_DEFAULT);

    public PcaT2QParams {
        Params.checkRange("varianceKept", varianceKept, 0.01, 1);
        Params.checkRange("alpha", alpha, 1e-9, 0.5);
    }
}
