package io.argus.tabular.lof;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link LocalOutlierFactor}.
 *
 * @param k neighbourhood size (the paper's MinPts)
 */
public record LofParams(@Param(doc = "neighbourhood size (the paper's MinPts)", min = 1, max = 100_000) int k) {

    /** scikit-learn's and ADBench's default neighbourhood size. */
    public static final int K_DEFAULT = 20;

    /** k = 20. */
    public static final LofParams DEFAULTS = new LofParams(K_DEFAULT);

    public LofParams {
        Params.checkRange("k", k, 1, 100_000);
    }
}
