package io.argus.timeseries.methods;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link Series2Graph}.
 *
 * @param window pattern length ℓ; 0 = the training part's period (TSB-AD's rule)
 * @param queryFactor query length ℓ_q as a multiple of ℓ
 * @param rays number of radial rays (the paper's rate r)
 */
public record Series2GraphParams(
        @Param(doc = "pattern length; 0 = the training part's period", min = 0, max = 100_000) int window,
        @Param(doc = "query length as a multiple of the pattern length", min = 1, max = 100) int queryFactor,
        @Param(doc = "number of radial rays that define the nodes", min = 4, max = 1000) int rays) {

    /** Defaults: the period, queries of 2ℓ, 30 rays. */
    public static final Series2GraphParams DEFAULTS = new Series2GraphParams(0, 2, Series2Graph.RAYS_DEFAULT);

    public Series2GraphParams {
        Params.checkRange("window", window, 0, 100_000);
        Params.checkRange("queryFactor", queryFactor, 1, 100);
        Params.checkRange("rays", rays, 4, 1000);
    }
}
