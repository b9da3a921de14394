package io.argus.timeseries.prep;

import io.argus.core.data.Series;
import io.argus.core.data.Table;
import java.util.Arrays;

/**
 * Sliding windows (shingles) over a series and the way window scores go back to steps.
 *
 * <p>A window of length w starting at step i holds steps i..i+w−1 of every channel, flattened
 * step-major (w·C values), so a series of T steps has T − w + 1 windows at stride 1. Scores of windows
 * go back to steps the way TSB-AD does it ({@code TSB_AD/models/*}: {@code np.array([s[0]]*ceil((w−1)/2)
 * + list(s) + [s[−1]]*((w−1)//2))}): window i's score is assigned to its centre step, and the first and
 * last scores are repeated over the half-windows at each end.
 *
 * <p>Time and memory O(T·w·C) for the windows; O(T) for the spreading.
 */
public final class Windows {

    private Windows() {
    }

    /**
     * Checks that a series has at least {@code window} steps.
     *
     * @throws IllegalArgumentException naming the series, its length and the window
     */
    public static void requireLength(Series series, int window, String method) {
        if (series.steps() < window) {
            throw new IllegalArgumentException(method + ": series " + (series.source() == null ? "" : series.source() + " ") + "has "
                    + series.steps() + " steps, shorter than the window " + window + "; use a smaller window or a longer series");
        }
    }

    /** The windows of {@code series} at stride 1 as a table of T − w + 1 rows and w·C columns. */
    public static Table of(Series series, int window) {
        return of(series, window, 1);
    }

    /** The windows of {@code series} starting at steps 0, stride, 2·stride, ... as a table of w·C columns. */
    public static Table of(Series series, int window, int stride) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1, got " + window);
        }
        if (stride < 1) {
            throw new IllegalArgumentException("stride must be >= 1, got " + stride);
        }
        requireLength(series, window, "windows");
        int c = series.channels();
        int rows = (series.steps() - window) / stride + 1;
        int cols = window * c;
        float[] src = series.values();
        float[] out = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(src, r * stride * c, out, r * cols, cols);
        }
        return Table.of(rows, cols, out, null, null, series.source());
    }

    /** The windows of a univariate array at stride 1, row-major (T − w + 1) × w, as doubles. */
    public static double[] of(double[] x, int window) {
        int rows = x.length - window + 1;
        if (window < 1 || rows < 1) {
            throw new IllegalArgumentException("series has " + x.length + " steps, shorter than the window " + window);
        }
        double[] out = new double[rows * window];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(x, r, out, r * window, window);
        }
        return out;
    }

    /**
     * Spreads one score per window (window i = steps i..i+w−1) back to {@code steps} step scores, centred
     * as TSB-AD pads: ⌈(w−1)/2⌉ copies of the first score on the left, ⌊(w−1)/2⌋ of the last on the right.
     *
     * @throws IllegalArgumentException when windowScores.length ≠ steps − w + 1
     */
    public static double[] spreadCentred(double[] windowScores, int window, int steps) {
        if (windowScores.length != steps - window + 1 || windowScores.length < 1) {
            throw new IllegalArgumentException("expected " + (steps - window + 1) + " window scores for " + steps + " steps and window "
                    + window + ", got " + windowScores.length);
        }
        double[] out = new double[steps];
        int left = window / 2; // ceil((w-1)/2)
        Arrays.fill(out, 0, left, windowScores[0]);
        System.arraycopy(windowScores, 0, out, left, windowScores.length);
        Arrays.fill(out, left + windowScores.length, steps, windowScores[windowScores.length - 1]);
        return out;
    }

    /**
     * Spreads window scores to steps by the mean over every window covering the step (TSB-UAD's
     * alternative for methods whose windows are not centred); windows at stride s start at 0, s, 2s, ...;
     * steps not covered by any window (a tail shorter than the stride) take the last window's score.
     */
    public static double[] spreadMean(double[] windowScores, int window, int stride, int steps) {
        double[] sum = new double[steps + 1];
        int[] count = new int[steps + 1];
        for (int w = 0; w < windowScores.length; w++) {
            int from = w * stride;
            int to = Math.min(steps, from + window);
            for (int t = from; t < to; t++) {
                sum[t] += windowScores[w];
                count[t]++;
            }
        }
        double[] out = new double[steps];
        double last = windowScores[windowScores.length - 1];
        for (int t = 0; t < steps; t++) {
            out[t] = count[t] == 0 ? last : sum[t] / count[t];
        }
        return out;
    }
}
