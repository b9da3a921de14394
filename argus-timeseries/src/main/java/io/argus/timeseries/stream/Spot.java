package io.argus.timeseries.stream;

import java.util.Arrays;
import java.util.Objects;

/**
 * SPOT and DSPOT, streaming thresholds from extreme value theory: Siffer, Fouque, Termier, Largouët,
 * "Anomaly Detection in Streams with Extreme Value Theory", KDD 2017 (Algorithms 1–4). Usable on top of
 * any score stream (higher = more anomalous); it never sees labels.
 *
 * <p>SPOT: from n calibration values, t is their {@code level} quantile; the excesses over t (peaks)
 * are fitted by a generalised Pareto distribution ({@link Gpd}, Grimshaw's trick) and the alarm
 * threshold is z_q = t + (σ/γ)((q·n/N_t)^(−γ) − 1). Then, for each new value x: x &gt; z_q is an alarm
 * (and is not learned); t &lt; x ≤ z_q is a new peak (the GPD is refitted and z_q updated); otherwise only n
 * grows. DSPOT runs the same on x − M, M the mean of the last d normal values (drift), and learns the
 * normal values into that window.
 *
 * <p>Bounded memory: the fit uses the last {@code maxPeaks} peaks, while N_t/n counts all of them.
 * Time O(maxPeaks) per refit (one refit per peak, about 1 − level of the values), O(1) otherwise.
 * Not thread-safe.
 */
public final class Spot {

    private final SpotParams params;
    private double t;
    private double zq;
    private long n;
    private long nt;
    private double[] peaks;
    private int peakCount;
    private int peakHead;
    private double[] window;
    private int windowHead;
    private double windowSum;
    private boolean initialized;

    /** A threshold that must be {@link #initialize initialized} before use. */
    public Spot(SpotParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /**
     * Calibrates on the first values of the stream (for DSPOT, the first d fill the moving window and
     * the rest are taken relative to it).
     *
     * @throws IllegalArgumentException when a value is not finite, or fewer values than needed are given
     *         (DSPOT: d + 10; SPOT: 10), or no calibration value exceeds the initial threshold
     */
    public void initialize(double[] calibration) {
        Objects.requireNonNull(calibration, "calibration");
        int d = params.depth();
        if (calibration.length < d + 10) {
            throw new IllegalArgumentException("SPOT calibration needs at least " + (d + 10) + " values (depth " + d + " + 10), got "
                    + calibration.length);
        }
        for (int i = 0; i < calibration.length; i++) {
            if (!Double.isFinite(calibration[i])) {
                throw new IllegalArgumentException("calibration value " + i + " is " + calibration[i]);
            }
        }
        double[] x;
        if (d > 0) {
            window = Arrays.copyOf(calibration, d);
            windowSum = 0;
            for (double v : window) {
                windowSum += v;
            }
            x = new double[calibration.length - d];
            double s = windowSum;
            for (int i = d; i < calibration.length; i++) {
                x[i - d] = calibration[i] - s / d;
                s += calibration[i] - calibration[i - d];
            }
            // The window holds the last d calibration values.
            window = Arrays.copyOfRange(calibration, calibration.length - d, calibration.length);
            windowSum = 0;
            for (double v : window) {
                windowSum += v;
            }
            windowHead = 0;
        } else {
            x = calibration.clone();
        }
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        // numpy's np.sort(init_data)[int(level * n_init)], as the reference code.
        t = sorted[Math.min(sorted.length - 1, (int) (params.level() * sorted.length))];
        peaks = new double[Math.min(params.maxPeaks(), Math.max(16, x.length))];
        peakCount = 0;
        peakHead = 0;
        nt = 0;
        for (double v : x) {
            if (v > t) {
                addPeak(v - t);
                nt++;
            }
        }
        n = x.length;
        if (nt == 0) {
            throw new IllegalArgumentException("SPOT calibration: no value exceeds the initial threshold (the " + params.level()
                    + " quantile, " + t + "); the calibration values are too few or constant at the top");
        }
        refit();
        initialized = true;
    }

    /**
     * Processes one value: true when it is an alarm (above z_q; not learned), false otherwise (learned).
     *
     * @throws IllegalStateException before {@link #initialize}
     */
    public boolean step(double value) {
        if (!initialized) {
            throw new IllegalStateException("SPOT: initialize() must be called first");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("SPOT: value is " + value);
        }
        int d = params.depth();
        double x = d > 0 ? value - windowSum / d : value;
        if (x > zq) {
            return true;
        }
        if (x > t) {
            addPeak(x - t);
            nt++;
            n++;
            refit();
        } else {
            n++;
        }
        if (d > 0) {
            windowSum += value - window[windowHead];
            window[windowHead] = value;
            windowHead = (windowHead + 1) % d;
        }
        return false;
    }

    /** The current alarm threshold in the units of the values (for DSPOT, z_q plus the moving mean). */
    public double threshold() {
        return params.depth() > 0 ? zq + windowSum / params.depth() : zq;
    }

    /** The initial threshold t (relative to the moving mean for DSPOT). */
    public double initialThreshold() {
        return t;
    }

    /** The current GPD fit. */
    public Gpd gpd() {
        return fit;
    }

    private Gpd fit;

    private void addPeak(double y) {
        if (peakCount < peaks.length) {
            peaks[(peakHead + peakCount) % peaks.length] = y;
            peakCount++;
        } else if (peaks.length < params.maxPeaks()) {
            double[] grown = new double[Math.min(params.maxPeaks(), peaks.length * 2)];
            for (int i = 0; i < peakCount; i++) {
                grown[i] = peaks[(peakHead + i) % peaks.length];
            }
            peaks = grown;
            peakHead = 0;
            peaks[peakCount++] = y;
        } else {
            peaks[peakHead] = y;
            peakHead = (peakHead + 1) % peaks.length;
        }
    }

    private void refit() {
        // The fit depends only on the multiset of peaks, so the ring's order does not matter.
        fit = Gpd.fit(peaks, peakCount);
        zq = fit.quantile(t, params.q(), n, nt);
    }

}
