package io.argus.tabular.mahalanobis;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link MinCovDetMahalanobis}.
 *
 * @param supportFraction share of rows in the raw MCD support; 0 for scikit-learn's default
 *        ⌈(n + d + 1)/2⌉ rows (the estimator's maximal breakdown point)
 */
public record McdParams(
        @Param(doc = "share of rows in the raw support; 0 = (n + d + 1)/2 rows", min = 0, max = 1) double supportFraction) {

    /** scikit-learn's default (support_fraction=None). */
    public static final double SUPPORT_FRACTION_DEFAULT = 0;

    /** The default: support of ⌈(n + d + 1)/2⌉ rows. */
    public static final McdParams DEFAULTS = new McdParams(SUPPORT_FRACTION_DEFAULT);

    public McdParams {
        Params.checkRange("supportFraction", supportFraction, 0, 1);
    }
}
