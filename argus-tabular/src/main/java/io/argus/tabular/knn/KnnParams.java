package io.argus.tabular.knn;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link KnnDistance}.
 *
 * @param k number of neighbours
 * @param aggregate how the k distances become one score: the k-th (largest) or their mean
 */
public record KnnParams(
        @Param(doc = "number of nearest neighbours", min = 1, max = 100_000) int k,
        @Param(doc = "score = distance to the k-th neighbour (largest) or mean distance to the k neighbours (mean)") Aggregate aggregate) {

    /** How the distances to the k neighbours become one score. */
    public enum Aggregate {
        /** The distance to the k-th nearest neighbour (Ramaswamy et al.'s D^k). */
        LARGEST,
        /** The mean distance to the k nearest neighbours (Angiulli and Pizzuti's weight, divided by k). */
        MEAN
    }

    /** PyOD's and ADBench's default k. */
    public static final int K_DEFAULT = 5;

    /** k = 5, largest. */
    public static final KnnParams DEFAULTS = new KnnParams(K_DEFAULT, Aggregate.LARGEST);

    public KnnParams {
        Params.checkRange("k", k, 1, 100_000);
        if (aggregate == null) {
            throw new IllegalArgumentException("parameter aggregate must be largest or mean");
        }
    }
}
