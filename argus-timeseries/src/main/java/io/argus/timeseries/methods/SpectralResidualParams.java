package io.argus.timeseries.methods;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link SpectralResidual}; defaults are the paper's (Ren et al., KDD 2019, §4.1 and §5:
 * q = 3, z = 21) and the reference code's extension of 5 points.
 *
 * @param magWindow trailing average window q of the log-amplitude spectrum
 * @param scoreWindow trailing average window z of the saliency map
 * @param extension estimated points appended before the transform
 */
public record SpectralResidualParams(
        @Param(doc = "trailing average window q of the log-amplitude spectrum", min = 1, max = 10_000) int magWindow,
        @Param(doc = "trailing average window z of the saliency map", min = 1, max = 1_000_000) int scoreWindow,
        @Param(doc = "estimated points appended to the series before the transform", min = 0, max = 1000) int extension) {

    /** The paper's defaults. */
    public static final SpectralResidualParams DEFAULTS = new SpectralResidualParams(SpectralResidual.MAG_WINDOW_DEFAULT,
            SpectralResidual.SCORE_WINDOW_DEFAULT, SpectralResidual.EXTENSION_DEFAULT);

    public SpectralResidualParams {
        Params.checkRange("magWindow", magWindow, 1, 10_000);
        Params.checkRange("scoreWindow", scoreWindow, 1, 1_000_000);
        Params.checkRange("extension", extension, 0, 1000);
    }
}
