package io.argus.timeseries.methods;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link KShapeAd}.
 *
 * @param window subsequence length; 0 = the training part's period (TSB-AD's rule)
 * @param clusters number of k-Shape clusters
 * @param maxTrainWindows largest number of training subsequences clustered (sets the stride)
 */
public record KShapeAdParams(
        @Param(doc = "subsequence length; 0 = the training part's period", min = 0, max = 100_000) int window,
        @Param(doc = "number of k-Shape clusters", min = 1, max = 100) int clusters,
        @Param(doc = "largest number of training subsequences clustered", min = 10, max = 1_000_000) int maxTrainWindows) {

    /** TSB-AD's KShapeAD cluster count (as recalled). */
    public static final int CLUSTERS_DEFAULT = 3;

    /** Defaults: the period, 3 clusters, at most 2000 training subsequences. */
    public static final KShapeAdParams DEFAULTS = new KShapeAdParams(0, CLUSTERS_DEFAULT, 2000);

    public KShapeAdParams {
        Params.checkRange("window", window, 0, 100_000);
        Params.checkRange("clusters", clusters, 1, 100);
        Params.checkRange("maxTrainWindows", maxTrainWindows, 10, 1_000_000);
    }
}
