package io.argus.tabular.pca;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link PcaDetector}, named as PyOD's {@code PCA}.
 *
 * @param nComponents principal axes to fit; 0 keeps min(n, d) (PyOD's {@code n_components=None})
 * @param nSelectedComponents how many of the kept axes, counted from the smallest variance, enter the
 *        score; 0 uses all kept axes (PyOD's {@code n_selected_components=None})
 * @param weighted divide each axis's distance by its explained-variance ratio (PyOD's {@code weighted})
 * @param standardize scale every column to zero mean and unit variance first (PyOD's {@code standardization})
 */
public record PcaParams(
        @Param(doc = "principal axes to fit; 0 = min(rows, columns)", min = 0, max = 100_000) int nComponents,
        @Param(doc = "axes in the score, smallest variance first; 0 = all fitted axes", min = 0, max = 100_000) int nSelectedComponents,
        @Param(doc = "divide each axis's distance by its explained-variance ratio") boolean weighted,
        @Param(doc = "standardize columns (zero mean, unit variance) before PCA") boolean standardize) {

    /** All axes (PyOD's default None). */
    public static final int N_COMPONENTS_DEFAULT = 0;
    /** All fitted axes (PyOD's default None). */
    public static final int N_SELECTED_COMPONENTS_DEFAULT = 0;
    /** PyOD's default. */
    public static final boolean WEIGHTED_DEFAULT = true;
    /** PyOD's default. */
    public static final boolean STANDARDIZE_DEFAULT = true;

    /** PyOD's defaults: all axes, weighted, standardized. */
    public static final PcaParams DEFAULTS = new PcaParams(N_COMPONENTS_DEFAULT, N_SELECTED_COMPONENTS_DEFAULT, WEIGHTED_DEFAULT,
            STANDARDIZE_DEFAULT);

    public PcaParams {
        Params.checkRange("nComponents", nComponents, 0, 100_000);
        Params.checkRange("nSelectedComponents", nSelectedComponents, 0, 100_000);
        if (nComponents > 0 && nSelectedComponents > nComponents) {
            throw new IllegalArgumentException("parameter nSelectedComponents = " + nSelectedComponents + " exceeds nComponents = "
                    + nComponents + "; allowed: [0, " + nComponents + "]");
        }
    }
}
