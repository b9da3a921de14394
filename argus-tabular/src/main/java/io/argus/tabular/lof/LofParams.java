package io.argus.tabular.lof;

import io.argus.core.neighbors.Hnsw;
import io.argus.core.neighbors.NeighborIndex;
import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link LocalOutlierFactor}.
 *
 * @param k neighbourhood size (the paper's MinPts)
 * @param neighbors exact or approximate (HNSW) neighbour search, see {@link NeighborIndex}
 * @param m HNSW links per point, see {@link Hnsw#M_DEFAULT}
 * @param efConstruction HNSW build beam width, see {@link Hnsw#EF_CONSTRUCTION_DEFAULT}
 * @param efSearch HNSW query beam width, see {@link Hnsw#EF_SEARCH_DEFAULT}
 */
public record LofParams(@Param(doc = "neighbourhood size (the paper's MinPts)", min = 1, max = 100_000) int k,
        @Param(doc = "neighbour search: auto (exact; HNSW when d > 16 and n >= 300000), exact, or hnsw (approximate graph)") NeighborIndex.Method neighbors,
        @Param(doc = "HNSW: links per point on the upper layers, 2M on layer 0 (hnswlib's default 16)", min = 2, max = 512) int m,
        @Param(doc = "HNSW: beam width while building the graph (hnswlib's default 200)", min = 1, max = 100_000) int efConstruction,
        @Param(doc = "HNSW: beam width when searching, raised to k + 1 when smaller", min = 1, max = 100_000) int efSearch) {

    /** scikit-learn's and ADBench's default neighbourhood size. */
    public static final int K_DEFAULT = 20;

    /** k = 20. */
    public static final LofParams DEFAULTS = new LofParams(K_DEFAULT);

    /** k with the default neighbour search. */
    public LofParams(int k) {
        this(k, NeighborIndex.Method.AUTO, Hnsw.M_DEFAULT, Hnsw.EF_CONSTRUCTION_DEFAULT, Hnsw.EF_SEARCH_DEFAULT);
    }

    public LofParams {
        Params.checkRange("k", k, 1, 100_000);
        if (neighbors == null) {
            throw new IllegalArgumentException("parameter neighbors must be auto, exact or hnsw");
        }
        new Hnsw.Options(m, efConstruction, efSearch);
    }

    /** The neighbour-search settings these parameters describe. */
    public NeighborIndex.Settings search() {
        return new NeighborIndex.Settings(neighbors, new Hnsw.Options(m, efConstruction, efSearch));
    }
}
