package io.argus.tabular.cof;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link ConnectivityOutlierFactor}.
 *
 * @param k neighbourhood size
 */
public record CofParams(@Param(doc = "neighbourhood size (the set-based nearest path runs over the row and its k neighbours)",
        min = 1, max = 100_000) int k) {

    /** PyOD's default neighbourhood size. */
    public static final int K_DEFAULT = 20;

    /** k = 20. */
    public static final CofParams DEFAULTS = new CofParams(K_DEFAULT);

    public CofParams {
        Params.checkRange("k", k, 1, 100_000);
    }
}
