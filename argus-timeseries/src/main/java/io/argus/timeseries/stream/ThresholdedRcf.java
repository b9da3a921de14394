package io.argus.timeseries.stream;

import com.amazon.randomcutforest.parkservices.AnomalyDescriptor;
import com.amazon.randomcutforest.parkservices.ThresholdedRandomCutForest;
import java.util.Objects;

/**
 * Random Cut Forest with AWS's streaming thresholder ({@code ThresholdedRandomCutForest} of
 * {@code randomcutforest-parkservices} 4.4.0): the forest of Guha et al. (ICML 2016) plus a running
 * estimate of the score distribution that flags a step when its score exceeds the running mean by
 * {@code zFactor} deviations, after AWS's corrections (a flagged shingle suppresses the steps it still
 * covers). The threshold never sees labels: it is learned from the scores alone.
 *
 * <p>The step's score is the anomaly grade (0 unless flagged, so the grade is also a label-free binary
 * decision: grade &gt; 0) or, with {@code output=score}, the forest's raw score. Timestamps given to the
 * library are the step indices.
 *
 * <p>Time and memory as {@link Rcf}, plus O(shingle·C) for the thresholder. Not thread-safe.
 */
public final class ThresholdedRcf implements OnlineDetector {

    private final ThresholdedRandomCutForest forest;
    private final ThresholdedRcfParams params;
    private final int channels;
    private long step;
    private double lastGrade;
    private double lastScore;

    /** A thresholded forest for {@code channels} values per step, seeded with {@code seed}. */
    public ThresholdedRcf(ThresholdedRcfParams params, int channels, long seed) {
        this.params = Objects.requireNonNull(params, "params");
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be >= 1, got " + channels);
        }
        this.channels = channels;
        this.forest = ThresholdedRandomCutForest.builder()
                .dimensions(channels * params.shingleSize())
                .shingleSize(params.shingleSize())
                .internalShinglingEnabled(true)
                .numberOfTrees(params.trees())
                .sampleSize(params.sampleSize())
                .timeDecay(params.timeDecay())
                .anomalyRate(params.anomalyRate())
                .zFactor(params.zFactor())
                .randomSeed(seed)
                .parallelExecutionEnabled(false)
                .build();
    }

    @Override
    public double scoreAndUpdate(float[] point) {
        Points.requireChannels(point, channels);
        Points.requireFinite(point);
        double[] p = new double[channels];
        for (int c = 0; c < channels; c++) {
            p[c] = point[c];
        }
        AnomalyDescriptor d = forest.process(p, step++);
        lastGrade = d.getAnomalyGrade();
        lastScore = d.getRCFScore();
        return params.output() == ThresholdedRcfParams.Output.GRADE ? lastGrade : lastScore;
    }

    /** The anomaly grade of the last step (0 unless flagged). */
    public double lastGrade() {
        return lastGrade;
    }

    /** The forest's raw score of the last step. */
    public double lastScore() {
        return lastScore;
    }
}
