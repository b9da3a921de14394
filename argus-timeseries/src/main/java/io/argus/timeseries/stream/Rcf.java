package io.argus.timeseries.stream;

import com.amazon.randomcutforest.RandomCutForest;
import java.util.Objects;

/**
 * Random Cut Forest: Guha, Mishra, Roy, Schrijvers, "Robust Random Cut Forest Based Anomaly Detection on
 * Streams", ICML 2016, through AWS's {@code randomcutforest-core} 4.4.0. Each step's C values are
 * shingled internally with the previous steps into a point of C·shingleSize dimensions; the score is the
 * forest's anomaly score (expected inverse depth, about 1 for typical points, higher = more anomalous)
 * computed before the point is added to the trees' reservoirs.
 *
 * <p>The wrapper adds one array copy per step (float[] to the forest) and nothing else, so its
 * throughput is that of the library (measured side by side by the bench's stream speed driver).
 * Steps before {@code outputAfter} points were seen score 0, as the library returns.
 *
 * <p>Time O(trees·log sampleSize·C·shingle) per step, memory O(trees·sampleSize·C·shingle) (the point
 * store). Not thread-safe (the library's updates are not).
 */
public final class Rcf implements OnlineDetector {

    private final RandomCutForest forest;
    private final int channels;

    /** A forest for {@code channels} values per step, seeded with {@code seed}. */
    public Rcf(RcfParams params, int channels, long seed) {
        Objects.requireNonNull(params, "params");
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be >= 1, got " + channels);
        }
        this.channels = channels;
        this.forest = RandomCutForest.builder()
                .dimensions(channels * params.shingleSize())
                .shingleSize(params.shingleSize())
                .internalShinglingEnabled(true)
                .numberOfTrees(params.trees())
                .sampleSize(params.sampleSize())
                .timeDecay(params.timeDecay())
                .outputAfter(params.outputAfter())
                .randomSeed(seed)
                .parallelExecutionEnabled(false)
                .build();
    }

    @Override
    public double scoreAndUpdate(float[] point) {
        if (point.length != channels) {
            throw new IllegalArgumentException("expected " + channels + " values per step, got " + point.length);
        }
        Points.requireFinite(point);
        float[] p = point.clone();
        double s = forest.getAnomalyScore(p);
        forest.update(p);
        return s;
    }

    /** The wrapped forest, for the side-by-side speed comparison. */
    RandomCutForest forest() {
        return forest;
    }
}
