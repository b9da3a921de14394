package io.argus.tabular.knn;

import io.argus.core.neighbors.Hnsw;
import io.argus.core.neighbors.NeighborIndex;
import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link KnnDistance}.
 *
 * @param k number of neighbours
 * @param aggregate how the k distances become one score: the k-th (largest) or their mean
 * @param neighbors exact or approximate (HNSW) neighbour search, see {@link NeighborIndex}
 * @param m HNSW links per point, see {@link Hnsw#M_DEFAULT}
 * @param efConstruction HNSW build beam width, see {@link Hnsw#EF_CONSTRUCTION_DEFAULT}
 * @param efSearch HNSW query beam width, see {@link Hnsw#EF_SEARCH_DEFAULT}
 */
public record KnnParams(
        @Param(doc = "number of nearest neighbours", min = 1, max = 100_000) int k,
        @Param(doc = "score = distance to the k-th neighbour (largest) or mean distance to the k neighbours (mean)") Aggregate aggregate,
        @Param(doc = "neighbour search: auto (exact; HNSW when d > 16 and n >= 300000), exact, or hnsw (approximate graph)") NeighborIndex.Method neighbors,
        @Param(doc = "HNSW: links per point on the upper layers, 2M on layer 0 (hnswlib's default 16)", min = 2, max = 512) int m,
        @Param(doc = "HNSW: beam width while building the graph (hnswlib's default 200)", min = 1, max = 100_000) int efConstruction,
        @Param(doc = "HNSW: beam width when searching, raised to k + 1 when smaller", min = 1, max = 100_000) int efSearch) {

    /** How the distances to the k neighbours become one score. */
    public enum Aggregate {
        /** The distance to the k-th nearest neighbour (Ramaswamy et al.'s D^k). */
        LARGEST,
        /** The mean distance to the k nearest neighbours (Angiulli and Pizzuti's weight, divided by k). */
        MEAN
    }

    /** PyOD's and ADBench's default k. */
    public static final int K_DEFAULT = 5;

    /** k = 5, largest, neighbours chosen by size with HNSW's defaults. */
    public static final KnnParams DEFAULTS = new KnnParams(K_DEFAULT, Aggregate.LARGEST);

    /** k and aggregate with the default neighbour search. */
    public KnnParams(int k, Aggregate aggregate) {
        this(k, aggregate, NeighborIndex.Method.AUTO, Hnsw.M_DEFAULT, Hnsw.EF_CONSTRUCTION_DEFAULT, Hnsw.EF_SEARCH_DEFAULT);
    }

    public KnnParams {
        Params.checkRange("k", k, 1, 100_000);
        if (aggregate == null) {
            throw new IllegalArgumentException("parameter aggregate must be largest or mean");
        }
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
