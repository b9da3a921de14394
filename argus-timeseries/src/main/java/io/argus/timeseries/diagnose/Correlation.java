package io.argus.timeseries.diagnose;

import java.util.Arrays;

/**
 * The channel-correlation measures of the cross-channel test, each a C×C matrix over the columns of a
 * segment (channel-major arrays, all of the same length).
 */
public enum Correlation {

    /** Pearson's r. */
    PEARSON {
        @Override
        double pair(double[] a, double[] b) {
            return pearson(a, b);
        }
    },
    /** Spearman's ρ: Pearson's r of the ranks (average ranks for ties). */
    SPEARMAN {
        @Override
        double[] prepare(double[] a) {
            return ranks(a);
        }

        @Override
        double pair(double[] a, double[] b) {
            return pearson(a, b);
        }
    },
    /**
     * Distance correlation: the bias-corrected (U-centred) squared distance correlation of Székely &amp;
     * Rizzo ("The distance correlation t-test of independence in high dimension", J. Multivariate
     * Analysis 2013), clipped to [0, 1], as the paper's code ({@code dcor.u_distance_correlation_sqr}).
     * O(n²) per pair: segments longer than {@link #DCOR_MAX_POINTS} are sub-sampled at even strides.
     */
    DISTANCE {
        @Override
        double[] prepare(double[] a) {
            if (a.length <= DCOR_MAX_POINTS) {
                return a;
            }
            double[] out = new double[DCOR_MAX_POINTS];
            for (int i = 0; i < out.length; i++) {
                out[i] = a[(int) ((long) i * a.length / out.length)];
            }
            return out;
        }

        @Override
        double pair(double[] a, double[] b) {
            return uDcorSquared(a, b);
        }
    };

    /** Longest segment the distance correlation uses whole. */
    public static final int DCOR_MAX_POINTS = 1000;

    double[] prepare(double[] a) {
        return a;
    }

    abstract double pair(double[] a, double[] b);

    /** The C×C matrix (row-major) of the correlation between every pair of channels; the diagonal is 1. */
    public double[] matrix(double[][] channels) {
        int c = channels.length;
        double[][] p = new double[c][];
        for (int i = 0; i < c; i++) {
            p[i] = prepare(channels[i]);
        }
        double[] out = new double[c * c];
        for (int i = 0; i < c; i++) {
            out[i * c + i] = 1;
            for (int j = 0; j < i; j++) {
                double r = pair(p[i], p[j]);
                out[i * c + j] = r;
                out[j * c + i] = r;
            }
        }
        return out;
    }

    /** Pearson's r; NaN when a column is constant. */
    static double pearson(double[] a, double[] b) {
        int n = a.length;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            double da = a[i] - ma;
            double db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return sab / Math.sqrt(saa * sbb);
    }

    /** Average ranks, 1-based (scipy's rankdata 'average'). */
    static double[] ranks(double[] a) {
        int n = a.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (x, y) -> Double.compare(a[x], a[y]));
        double[] r = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && a[idx[j + 1]] == a[idx[i]]) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[idx[k]] = avg;
            }
            i = j + 1;
        }
        return r;
    }

    /** Bias-corrected squared distance correlation of two samples, clipped to [0, 1]; NaN below 4 points. */
    static double uDcorSquared(double[] x, double[] y) {
        int n = x.length;
        if (n < 4) {
            return Double.NaN;
        }
        double[] a = uCentered(x);
        double[] b = uCentered(y);
        double xy = 0;
        double xx = 0;
        double yy = 0;
        for (int i = 0; i < n * n; i++) {
            xy += a[i] * b[i];
            xx += a[i] * a[i];
            yy += b[i] * b[i];
        }
        // the U-statistic inner product divides by n(n − 3); the ratio does not need it.
        double denom = Math.sqrt(xx * yy);
        if (!(denom > 0)) {
            return 0;
        }
        return Math.max(0, Math.min(1, xy / denom));
    }

    /** The U-centred distance matrix (Székely &amp; Rizzo 2014, eq. 2.1), diagonal 0. */
    private static double[] uCentered(double[] x) {
        int n = x.length;
        double[] d = new double[n * n];
        double[] row = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = Math.abs(x[i] - x[j]);
                d[i * n + j] = v;
                row[i] += v;
            }
            total += row[i];
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i * n + j] = i == j ? 0 : d[i * n + j] - row[i] / (n - 2) - row[j] / (n - 2) + total / ((double) (n - 1) * (n - 2));
            }
        }
        return d;
    }
}
