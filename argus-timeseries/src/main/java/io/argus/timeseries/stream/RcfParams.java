package io.argus.timeseries.stream;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link Rcf} and {@link ThresholdedRcf}. Defaults are those of AWS's
 * {@code randomcutforest-core} 4.4.0 builder (50 trees, 256 points per tree, time decay 1/(10·256),
 * output after 64 = 256/4 points), except the shingle: 8 consecutive steps, the shingle size of AWS's
 * examples and of the OpenSearch anomaly-detection plugin's default, because an unshingled forest sees
 * no temporal context.
 *
 * @param trees number of trees
 * @param sampleSize reservoir sample (points) per tree
 * @param shingleSize consecutive steps concatenated into one point of the forest
 * @param timeDecay the reservoir's time decay λ (recent points are more likely kept)
 * @param outputAfter points seen before scores start (earlier steps score 0)
 */
public record RcfParams(
        @Param(doc = "number of random cut trees", min = 1, max = 1000) int trees,
        @Param(doc = "points sampled per tree (reservoir)", min = 4, max = 1 << 16) int sampleSize,
        @Param(doc = "consecutive steps concatenated into one forest point", min = 1, max = 1024) int shingleSize,
        @Param(doc = "reservoir time decay; larger forgets faster", min = 0, max = 1) double timeDecay,
        @Param(doc = "points seen before scores start (earlier steps score 0)", min = 1, max = 1 << 30) int outputAfter) {

    /** RCF's default number of trees. */
    public static final int TREES_DEFAULT = 50;

    /** RCF's default sample size per tree. */
    public static final int SAMPLE_SIZE_DEFAULT = 256;

    /** AWS's example and OpenSearch AD's default shingle. */
    public static final int SHINGLE_SIZE_DEFAULT = 8;

    /** RCF's default time decay 1/(10·sampleSize). */
    public static final double TIME_DECAY_DEFAULT = 1.0 / (10 * SAMPLE_SIZE_DEFAULT);

    /** RCF's default outputAfter, sampleSize/4. */
    public static final int OUTPUT_AFTER_DEFAULT = SAMPLE_SIZE_DEFAULT / 4;

    /** The defaults. */
    public static final RcfParams DEFAULTS = new RcfParams(TREES_DEFAULT, SAMPLE_SIZE_DEFAULT, SHINGLE_SIZE_DEFAULT, TIME_DECAY_DEFAULT,
            OUTPUT_AFTER_DEFAULT);

    public RcfParams {
        Params.checkRange("trees", trees, 1, 1000);
        Params.checkRange("sampleSize", sampleSize, 4, 1 << 16);
        Params.checkRange("shingleSize", shingleSize, 1, 1024);
        Params.checkRange("timeDecay", timeDecay, 0, 1);
        Params.checkRange("outputAfter", outputAfter, 1, 1 << 30);
    }
}
