package io.argus.timeseries.prep;

import io.argus.metrics.series.Vus;

/**
 * The dominant period of a series, which TSB-AD uses as the window length of its subsequence methods.
 *
 * <p>TSB-AD's rule ({@code find_length_rank(data, rank=1)}, Liu and Paparrizos, "The Elephant in the
 * Room: Towards a Reliable Time-Series Anomaly Detection Benchmark", NeurIPS 2024 Datasets and
 * Benchmarks): the autocorrelation of the first ≤ 20000 values at lags 3..400, the lag of its highest
 * local maximum, and the fallback 125 when there is none or it lies outside TSB-AD's bounds. The same
 * rule gives VUS's sliding window, so this class delegates to {@link Vus#slidingWindow(double[])} instead
 * of keeping a second copy. O(min(n, 20000)·400) time.
 */
public final class Periods {

    /** TSB-AD's fallback window when the autocorrelation has no usable peak. */
    public static final int FALLBACK = Vus.SLIDING_WINDOW_FALLBACK;

    private Periods() {
    }

    /** The estimated period of one channel (TSB-AD's rule). */
    public static int estimate(double[] channel) {
        return Vus.slidingWindow(channel);
    }

    /** The estimated period of a float channel (TSB-AD's rule). */
    public static int estimate(float[] channel) {
        double[] d = new double[channel.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = channel[i];
        }
        return Vus.slidingWindow(d);
    }

    /**
     * The window for a method: {@code requested} when positive, else the period of channel 0 (TSB-AD-M
     * also reads only the first channel) times {@code periods}, at least 2 and at most half the training
     * length when that allows 2 (so that at least two windows exist).
     */
    public static int window(int requested, double periods, float[] channel0) {
        if (requested > 0) {
            return requested;
        }
        int w = (int) Math.round(estimate(channel0) * periods);
        int cap = Math.max(2, channel0.length / 2);
        return Math.max(2, Math.min(w, cap));
    }
}
