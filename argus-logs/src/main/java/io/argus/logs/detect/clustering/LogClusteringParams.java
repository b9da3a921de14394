package io.argus.logs.detect.clustering;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link LogClustering}. Defaults: loglizer's {@code LogClustering(max_dist=0.3,
 * anomaly_threshold=0.3, mode='online', num_bootstrap_samples=1000)} on tf-idf weighted counts
 * (loglizer's {@code demo/LogClustering_demo.py}); unseen events counted (see
 * {@link io.argus.logs.detect.CountFeatures}).
 *
 * @param maxDistance cosine distance below which sessions join a cluster
 * @param anomalyThreshold distance to the nearest cluster above which a session is anomalous
 * @param bootstrap training sessions clustered offline (complete linkage) before the rest join online
 * @param oov whether one column counts events unseen in training
 */
public record LogClusteringParams(
        @Param(doc = "cosine distance below which sessions join a cluster", min = 0, max = 2) double maxDistance,
        @Param(doc = "distance to the nearest cluster above which a session is anomalous", min = 0, max = 2) double anomalyThreshold,
        @Param(doc = "training sessions clustered offline before the rest join online", min = 1, max = 100000) int bootstrap,
        @Param(doc = "count events unseen in training in one extra column") boolean oov) {

    /** loglizer's defaults. */
    public static final LogClusteringParams DEFAULTS = new LogClusteringParams(0.3, 0.3, 1000, true);

    public LogClusteringParams {
        Params.checkRange("maxDistance", maxDistance, 0, 2);
        Params.checkRange("anomalyThreshold", anomalyThreshold, 0, 2);
        Params.checkRange("bootstrap", bootstrap, 1, 100000);
    }
}
