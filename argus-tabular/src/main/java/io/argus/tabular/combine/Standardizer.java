package io.argus.tabular.combine;

import java.util.Arrays;

/**
 * One detector's fitted standardisation z = (s − location) / scale, from its training scores (see
 * {@link Standardization} for the two ways to fit it).
 *
 * @param location subtracted from each score
 * @param scale what the difference is divided by; finite and &gt; 0
 */
public record Standardizer(double location, double scale) {

    /** The factor that makes the IQR of a normal distribution equal its standard deviation: 2·Φ⁻¹(0.75). */
    public static final double IQR_TO_SD = 1.3489795003921634;

    public Standardizer {
        if (!Double.isFinite(location)) {
            throw new IllegalArgumentException("standardizer location = " + location + " must be finite");
        }
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("standardizer scale = " + scale + " must be finite and > 0");
        }
    }

    /**
     * Fits location and scale on one detector's training scores.
     *
     * @throws IllegalArgumentException when there are no scores or one is not finite
     */
    public static Standardizer fit(Standardization kind, double[] training) {
        if (training.length == 0) {
            throw new IllegalArgumentException("cannot standardise on 0 training scores");
        }
        for (int i = 0; i < training.length; i++) {
            if (!Double.isFinite(training[i])) {
                throw new IllegalArgumentException("training score " + i + " is " + training[i] + "; standardisation needs finite scores");
            }
        }
        return switch (kind) {
            case ZSCORE -> zscore(training);
            case ROBUST -> robust(training);
        };
    }

    private static Standardizer zscore(double[] s) {
        double mean = mean(s);
        double sd = sd(s, mean);
        return new Standardizer(mean, sd > 0 && Double.isFinite(sd) ? sd : 1.0);
    }

    private static Standardizer robust(double[] s) {
        double[] sorted = s.clone();
        Arrays.sort(sorted);
        double median = quantile(sorted, 0.5);
        double scale = (quantile(sorted, 0.75) - quantile(sorted, 0.25)) / IQR_TO_SD;
        if (!(scale > 0)) {
            // At least half the scores are tied at the median, so the MAD is 0 as well: use the sd.
            scale = sd(s, mean(s));
        }
        return new Standardizer(median, scale > 0 && Double.isFinite(scale) ? scale : 1.0);
    }

    /** The q-quantile of sorted values with linear interpolation between order statistics (numpy's default). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double frac = pos - lo;
        return sorted[lo] + frac * (sorted[hi] - sorted[lo]);
    }

    private static double mean(double[] s) {
        double sum = 0;
        for (double v : s) {
            sum += v;
        }
        return sum / s.length;
    }

    private static double sd(double[] s, double mean) {
        double ss = 0;
        for (double v : s) {
            double c = v - mean;
            ss += c * c;
        }
        return Math.sqrt(ss / s.length);
    }

    /** The standardised value of one score. */
    public double apply(double score) {
        return (score - location) / scale;
    }

    /** The standardised values of many scores (a new array). */
    public double[] apply(double[] scores) {
        double[] out = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            out[i] = (scores[i] - location) / scale;
        }
        return out;
    }
}
