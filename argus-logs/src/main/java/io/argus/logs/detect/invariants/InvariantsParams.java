package io.argus.logs.detect.invariants;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link InvariantsMining}. Defaults: loglizer's {@code InvariantsMiner(percentage=0.98,
 * epsilon=0.5, longest_invarant=None, scale_list=[1, 2, 3])} (epsilon 0.5 as in its {@code demo/InvariantsMiner_demo.py}),
 * on raw event counts; unseen events counted (see {@link io.argus.logs.detect.CountFeatures}).
 *
 * @param percentage share of training sessions an invariant must hold on
 * @param epsilon |x·v| below which a session lies on an eigenvector, when estimating the invariant space
 * @param longestInvariant most events in one invariant, 0 = no limit
 * @param maxScale integer scales 1..maxScale tried when rounding an invariant to integers
 * @param oov whether one column counts events unseen in training
 * @param maxCandidates most candidate invariants checked before the search stops (an Argus bound; loglizer has none)
 */
public record InvariantsParams(
        @Param(doc = "share of training sessions an invariant must hold on", min = 0.5, max = 1) double percentage,
        @Param(doc = "tolerance |x.v| when estimating the dimension of the invariant space", min = 0, max = 1e6) double epsilon,
        @Param(doc = "most events in one invariant (0 = no limit)", min = 0, max = 64) int longestInvariant,
        @Param(doc = "integer scales 1..maxScale tried when rounding an invariant", min = 1, max = 100) int maxScale,
        @Param(doc = "count events unseen in training in one extra column") boolean oov,
        @Param(doc = "most candidate invariants checked before the search stops", min = 1, max = 1e9) int maxCandidates) {

    /** The Argus bound on the search: candidate checks before it stops. */
    public static final int MAX_CANDIDATES_DEFAULT = 100_000;

    /** loglizer's defaults. */
    public static final InvariantsParams DEFAULTS = new InvariantsParams(0.98, 0.5, 0, 3, true, MAX_CANDIDATES_DEFAULT);

    public InvariantsParams {
        Params.checkRange("percentage", percentage, 0.5, 1);
        Params.checkRange("epsilon", epsilon, 0, 1e6);
        Params.checkRange("longestInvariant", longestInvariant, 0, 64);
        Params.checkRange("maxScale", maxScale, 1, 100);
        Params.checkRange("maxCandidates", maxCandidates, 1, 1e9);
    }
}
