package io.argus.tabular.loda;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link Loda}; defaults are PyOD's {@code LODA()} ({@code n_bins=10, n_random_cuts=100}).
 *
 * @param bins equal-width histogram bins per projection (PyOD's n_bins)
 * @param projections number of sparse random projections, one histogram each (PyOD's n_random_cuts)
 */
public record LodaParams(
        @Param(doc = "equal-width histogram bins per projection", min = 1, max = 1_000_000) int bins,
        @Param(doc = "number of sparse random projections (one histogram each)", min = 1, max = 100_000) int projections) {

    /** PyOD's number of bins. */
    public static final int BINS_DEFAULT = 10;

    /** PyOD's number of random cuts (projections). */
    public static final int PROJECTIONS_DEFAULT = 100;

    /** PyOD's defaults. */
    public static final LodaParams DEFAULTS = new LodaParams(BINS_DEFAULT, PROJECTIONS_DEFAULT);

    public LodaParams {
        Params.checkRange("bins", bins, 1, 1_000_000);
        Params.checkRange("projections", projections, 1, 100_000);
    }
}
