package io.argus.tabular.eif;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link ExtendedIsolationForest}; defaults are the paper's (Hariri, Carrasco Kind, Brunner,
 * IEEE TKDE 2021): 100 trees of ψ = 256 rows, fully extended.
 *
 * @param trees number of isolation trees
 * @param maxSamples sub-sample size ψ per tree; min(ψ, n) is used, so small data sets use every row
 * @param extensionLevel how many coordinates beyond one a split hyperplane may tilt in: 0 gives
 *        axis-parallel splits (Isolation Forest), d − 1 fully random directions; {@value #EXTENSION_LEVEL_FULL}
 *        means d − 1 whatever the width d of the data
 */
public record ExtendedIsolationForestParams(
        @Param(doc = "number of isolation trees", min = 1, max = 100_000) int trees,
        @Param(doc = "rows sub-sampled (without replacement) per tree; min(maxSamples, n) is used", min = 2, max = 1 << 30) int maxSamples,
        @Param(doc = "extension level: 0 = axis-parallel splits (Isolation Forest), d-1 = fully extended; -1 means d-1",
                min = -1, max = 1_000_000) int extensionLevel) {

    /** The paper's number of trees. */
    public static final int TREES_DEFAULT = 100;

    /** The paper's sub-sample size ψ. */
    public static final int MAX_SAMPLES_DEFAULT = 256;

    /** The extension level that stands for d − 1 (fully extended) on data of any width d. */
    public static final int EXTENSION_LEVEL_FULL = -1;

    /** The paper's recommended default: fully extended. */
    public static final int EXTENSION_LEVEL_DEFAULT = EXTENSION_LEVEL_FULL;

    /** 100 trees of 256 rows, fully extended. */
    public static final ExtendedIsolationForestParams DEFAULTS =
            new ExtendedIsolationForestParams(TREES_DEFAULT, MAX_SAMPLES_DEFAULT, EXTENSION_LEVEL_DEFAULT);

    public ExtendedIsolationForestParams {
        Params.checkRange("trees", trees, 1, 100_000);
        Params.checkRange("maxSamples", maxSamples, 2, 1 << 30);
        Params.checkRange("extensionLevel", extensionLevel, -1, 1_000_000);
    }

    /**
     * The extension level on data with d columns.
     *
     * @throws IllegalArgumentException when the level exceeds d − 1, naming the allowed range
     */
    public int extensionLevel(int d) {
        if (extensionLevel == EXTENSION_LEVEL_FULL) {
            return d - 1;
        }
        if (extensionLevel > d - 1) {
            throw new IllegalArgumentException("parameter extensionLevel = " + extensionLevel + " is too large for " + d
                    + " columns; allowed: [-1, " + (d - 1) + "] (-1 means d - 1, fully extended)");
        }
        return extensionLevel;
    }
}
