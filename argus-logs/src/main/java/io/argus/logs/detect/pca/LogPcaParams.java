package io.argus.logs.detect.pca;

import io.argus.core.params.Param;
import io.argus.core.params.Params;
import io.argus.logs.detect.CountFeatures;

/**
 * Parameters of {@link LogPca}. Defaults: loglizer's {@code PCA(n_components=0.95, c_alpha=3.2905)} on
 * features from {@code FeatureExtractor(term_weighting='tf-idf', normalization='zero-mean')} (loglizer's
 * {@code demo/PCA_demo.py}); unseen events counted (see {@link CountFeatures}).
 *
 * @param components below 1: the share of variance the normal subspace keeps; from 1: its dimension
 * @param cAlpha the normal deviate of the Q-statistic's confidence level (3.2905: loglizer's value for α = 0.001)
 * @param weighting term weighting of the counts
 * @param normalization column normalisation
 * @param oov whether one column counts events unseen in training
 */
public record LogPcaParams(
        @Param(doc = "share of variance kept by the normal subspace (< 1), or its dimension (>= 1)", min = 1e-9, max = 10000) double components,
        @Param(doc = "normal deviate of the Q-statistic threshold (3.2905: alpha = 0.001)", min = 0, max = 100) double cAlpha,
        @Param(doc = "term weighting of the event counts") CountFeatures.Weighting weighting,
        @Param(doc = "column normalisation") CountFeatures.Normalization normalization,
        @Param(doc = "count events unseen in training in one extra column") boolean oov) {

    /** loglizer's defaults. */
    public static final LogPcaParams DEFAULTS = new LogPcaParams(0.95, 3.2905, CountFeatures.Weighting.TFIDF,
            CountFeatures.Normalization.ZERO_MEAN, true);

    public LogPcaParams {
        Params.checkRange("components", components, 1e-9, 10000);
        if (components > 1 && components != Math.rint(components)) {
            throw new IllegalArgumentException("parameter components = " + components + " must be a share in (0, 1) or a whole number of components");
        }
        Params.checkRange("cAlpha", cAlpha, 0, 100);
        if (weighting == null || normalization == null) {
            throw new IllegalArgumentException("weighting and normalization must be given");
        }
    }
}
