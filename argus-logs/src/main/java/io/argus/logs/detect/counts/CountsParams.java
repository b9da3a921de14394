package io.argus.logs.detect.counts;

import io.argus.core.params.Param;
import io.argus.logs.detect.CountFeatures;

/**
 * Parameters of {@link CountVectorDetector}: which table method scores the event-count vectors, its
 * parameters, and how the counts are weighted. Defaults: Isolation Forest with its own defaults on raw
 * counts (loglizer's {@code IsolationForest} demo uses raw counts), unseen events counted.
 *
 * @param method a registered table method ({@code argus methods})
 * @param params its parameters as {@code name=value} pairs separated by commas, empty for its defaults
 * @param weighting term weighting of the counts
 * @param normalization column normalisation
 * @param oov whether one column counts events unseen in training
 */
public record CountsParams(
        @Param(doc = "a registered table method that scores the count vectors") String method,
        @Param(doc = "its parameters, name=value pairs separated by commas") String params,
        @Param(doc = "term weighting of the event counts") CountFeatures.Weighting weighting,
        @Param(doc = "column normalisation") CountFeatures.Normalization normalization,
        @Param(doc = "count events unseen in training in one extra column") boolean oov) {

    /** Isolation Forest on raw counts. */
    public static final CountsParams DEFAULTS = new CountsParams("iforest", "", CountFeatures.Weighting.NONE, CountFeatures.Normalization.NONE, true);

    public CountsParams {
        if (method == null || method.isBlank()) {
            throw new IllegalArgumentException("parameter method must name a table method");
        }
        params = params == null ? "" : params;
        if (weighting == null || normalization == null) {
            throw new IllegalArgumentException("weighting and normalization must be given");
        }
    }
}
