package io.argus.tabular.iforest;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link IsolationForest}; defaults are the paper's (Liu, Ting, Zhou, ICDM 2008, §4).
 *
 * @param trees number of isolation trees
 * @param maxSamples sub-sample size ψ per tree; min(ψ, n) is used, so small data sets use every row
 */
public record IsolationForestParams(
        @Param(doc = "number of isolation trees", min = 1, max = 100_000) int trees,
        @Param(doc = "rows sub-sampled (without replacement) per tree; min(maxSamples, n) is used", min = 2, max = 1 << 30) int maxSamples) {

    /** The paper's number of trees. */
    public static final int TREES_DEFAULT = 100;

    /** The paper's sub-sample size ψ. */
    public static final int MAX_SAMPLES_DEFAULT = 256;

    /** The paper's defaults: 100 trees of 256 rows. */
    public static final IsolationForestParams DEFAULTS = new IsolationForestParams(TREES_DEFAULT, MAX_SAMPLES_DEFAULT);

    public IsolationForestParams {
        Params.checkRange("trees", trees, 1, 100_000);
        Params.checkRange("maxSamples", maxSamples, 2, 1 << 30);
    }
}
