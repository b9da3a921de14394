package io.argus.core.threshold;

import java.util.Arrays;

/**
 * Maps raw scores to [0, 1] through the distribution of the training scores: the calibrated score is
 * the (interpolated) share of training scores below the raw score, so 0.99 means "higher than 99% of
 * what the model saw in training" whatever the method. Stored as at most {@link #MAX_KNOTS} quantiles,
 * so memory is constant and the mapping survives a model file round trip exactly.
 *
 * <p>Time: O(n log n) to build, O(log q) per score. Monotone non-decreasing in the raw score.
 */
public final class Calibration {

    /** Number of quantile knots kept from the training scores. */
    public static final int MAX_KNOTS = 1001;

    private final double[] knots;

    private Calibration(double[] knots) {
        this.knots = knots;
    }

    /** Builds the calibration from training scores (at least one). */
    public static Calibration fit(double[] trainingScores) {
        if (trainingScores.length == 0) {
            throw new IllegalArgumentException("calibration needs at least one training score");
        }
        double[] s = trainingScores.clone();
        Arrays.sort(s);
        int q = Math.min(MAX_KNOTS, s.length);
        double[] knots = new double[q];
        for (int i = 0; i < q; i++) {
            double pos = q == 1 ? 0 : (double) i * (s.length - 1) / (q - 1);
            int lo = (int) Math.floor(pos);
            int hi = Math.min(s.length - 1, lo + 1);
            knots[i] = s[lo] + (pos - lo) * (s[hi] - s[lo]);
        }
        return new Calibration(knots);
    }

    /** Rebuilds a calibration from its knots (sorted ascending, as {@link #knots()} returns them). */
    public static Calibration ofKnots(double[] knots) {
        if (knots.length == 0) {
            throw new IllegalArgumentException("calibration needs at least one knot");
        }
        for (int i = 1; i < knots.length; i++) {
            if (!(knots[i] >= knots[i - 1])) {
                throw new IllegalArgumentException("calibration knots must be sorted ascending; knot " + i + " is " + knots[i]
                        + " after " + knots[i - 1]);
            }
        }
        return new Calibration(knots.clone());
    }

    /** The quantile knots (a copy). */
    public double[] knots() {
        return knots.clone();
    }

    /** The calibrated score in [0, 1] of one raw score. */
    public double apply(double score) {
        int q = knots.length;
        if (q == 1) {
            return score < knots[0] ? 0 : score > knots[0] ? 1 : 0.5;
        }
        if (score <= knots[0]) {
            return 0;
        }
        if (score >= knots[q - 1]) {
            return 1;
        }
        // Last knot <= score: interpolate within [knot_i, knot_i+1); flat runs of equal knots map to the
        // top of the run, so ties in training scores do not create artificial jumps below them.
        int lo = 0;
        int hi = q - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (knots[mid] <= score) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double width = knots[hi] - knots[lo];
        double frac = width > 0 ? (score - knots[lo]) / width : 0;
        return (lo + frac) / (q - 1);
    }

    /** Calibrated scores of many raw scores. */
    public double[] apply(double[] scores) {
        double[] out = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            out[i] = apply(scores[i]);
        }
        return out;
    }
}
