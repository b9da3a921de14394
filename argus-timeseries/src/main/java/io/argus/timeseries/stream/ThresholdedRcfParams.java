package io.argus.timeseries.stream;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link ThresholdedRcf}: the forest's (see {@link RcfParams} for their defaults) and the
 * thresholder's, whose defaults are {@code randomcutforest-parkservices} 4.4.0's
 * ({@code ThresholdedRandomCutForest.Builder}: anomaly rate 0.01, z-factor 3.0, read from the 4.4.0
 * builder's fields and {@code BasicThresholder.DEFAULT_Z_FACTOR}).
 *
 * @param trees number of trees
 * @param sampleSize reservoir sample per tree
 * @param shingleSize consecutive steps per forest point
 * @param timeDecay reservoir time decay
 * @param anomalyRate the expected fraction of anomalies, which sets how fast the threshold adapts
 * @param zFactor standard deviations of the score above its running mean for a point to be flagged
 * @param output what a step's score is: the anomaly grade (0 unless flagged, in (0, 1] when flagged) or
 *        the forest's raw score
 */
public record ThresholdedRcfParams(
        @Param(doc = "number of random cut trees", min = 1, max = 1000) int trees,
        @Param(doc = "points sampled per tree (reservoir)", min = 4, max = 1 << 16) int sampleSize,
        @Param(doc = "consecutive steps concatenated into one forest point", min = 1, max = 1024) int shingleSize,
        @Param(doc = "reservoir time decay; larger forgets faster", min = 0, max = 1) double timeDecay,
        @Param(doc = "expected fraction of anomalous steps (threshold adaptation)", min = 1e-6, max = 0.5) double anomalyRate,
        @Param(doc = "standard deviations above the running score mean to flag a point", min = 0.5, max = 100) double zFactor,
        @Param(doc = "step score: grade (0 unless flagged) or score (the forest's raw score)") Output output) {

    /** What a step's score is. */
    public enum Output {
        /** The anomaly grade: 0 when not flagged, in (0, 1] when flagged. */
        GRADE,
        /** The forest's raw anomaly score, as {@link Rcf}. */
        SCORE
    }

    /** parkservices' default anomaly rate. */
    public static final double ANOMALY_RATE_DEFAULT = 0.01;

    /** parkservices' default z-factor. */
    public static final double Z_FACTOR_DEFAULT = 3.0;

    /** The defaults. */
    public static final ThresholdedRcfParams DEFAULTS = new ThresholdedRcfParams(RcfParams.TREES_DEFAULT, RcfParams.SAMPLE_SIZE_DEFAULT,
            RcfParams.SHINGLE_SIZE_DEFAULT, RcfParams.TIME_DECAY_DEFAULT, ANOMALY_RATE_DEFAULT, Z_FACTOR_DEFAULT, Output.GRADE);

    public ThresholdedRcfParams {
        Params.checkRange("trees", trees, 1, 1000);
        Params.checkRange("sampleSize", sampleSize, 4, 1 << 16);
        Params.checkRange("shingleSize", shingleSize, 1, 1024);
        Params.checkRange("timeDecay", timeDecay, 0, 1);
        Params.checkRange("anomalyRate", anomalyRate, 1e-6, 0.5);
        Params.checkRange("zFactor", zFactor, 0.5, 100);
        if (output == null) {
            throw new IllegalArgumentException("parameter output must be one of grade|score");
        }
    }
}
