package io.argus.tabular.cblof;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link Cblof}; defaults are PyOD's {@code CBLOF()} (k-means with 8 clusters, alpha 0.9,
 * beta 5, unweighted) with scikit-learn 1.2's 10 k-means restarts.
 *
 * @param clusters number of k-means clusters
 * @param alpha the large clusters together hold at least this share of the rows
 * @param beta a size ratio of at least beta between consecutive clusters (sorted by size) also marks the boundary
 * @param useWeights multiply each score by the size of the row's cluster, as the paper's CBLOF does
 * @param restarts k-means++ restarts; the clustering with the lowest inertia is kept
 */
public record CblofParams(
        @Param(doc = "number of k-means clusters", min = 2, max = 100_000) int clusters,
        @Param(doc = "the large clusters hold at least this share of the rows", min = 0.5, max = 1) double alpha,
        @Param(doc = "size ratio between consecutive clusters that marks the large/small boundary", min = 1, max = 1e9) double beta,
        @Param(doc = "multiply scores by the size of the row's cluster (the paper's weighting)") boolean useWeights,
        @Param(doc = "k-means++ restarts; the lowest-inertia clustering is kept", min = 1, max = 1000) int restarts) {

    /** PyOD's number of clusters. */
    public static final int CLUSTERS_DEFAULT = 8;

    /** PyOD's (and the paper's) alpha. */
    public static final double ALPHA_DEFAULT = 0.9;

    /** PyOD's (and the paper's) beta. */
    public static final double BETA_DEFAULT = 5;

    /** PyOD's default: no size weighting. */
    public static final boolean USE_WEIGHTS_DEFAULT = false;

    /** scikit-learn 1.2's KMeans n_init, which PyOD's CBLOF inherits. */
    public static final int RESTARTS_DEFAULT = 10;

    /** PyOD's defaults. */
    public static final CblofParams DEFAULTS = new CblofParams(CLUSTERS_DEFAULT, ALPHA_DEFAULT, BETA_DEFAULT, USE_WEIGHTS_DEFAULT,
            RESTARTS_DEFAULT);

    public CblofParams {
        Params.checkRange("clusters", clusters, 2, 100_000);
        Params.checkRange("alpha", alpha, 0.5, 1);
        Params.checkRange("beta", beta, 1, 1e9);
        Params.checkRange("restarts", restarts, 1, 1000);
    }
}
