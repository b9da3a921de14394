package io.argus.timeseries.stream;

import io.argus.core.linalg.SymmetricEigen;
import java.util.Objects;

/**
 * KNN-CAD, conformal k-nearest-neighbour anomaly detection: Burnaev &amp; Ishimtsev, "Conformalized
 * density- and distance-based anomaly detection in time-series data", arXiv:1608.04585, 2016, as the
 * authors' entry of the Numenta Anomaly Benchmark runs it ({@code nab/detectors/knncad}, NAB standard
 * score 58.0).
 *
 * <p>Each step closes a window of the last {@code window} steps (all channels, flattened). The windows
 * of the probationary period (P steps) form the reference set X. The distance between windows is
 * (a − b)ᵀ Σ (a − b) with Σ = (XᵀX)⁻¹, recomputed whenever the step count modulo P is 0 or ⌊P/2⌋
 * (NAB's schedule: first at step P; when XᵀX is singular the previous Σ, initially the identity,
 * stays). The non-conformity of a window is the sum of its k smallest distances to X. The calibration
 * scores start as X's own non-conformities (each window counts itself, at distance 0, among k + 1).
 * A step's score is the fraction of calibration scores strictly below its window's non-conformity,
 * in [0, 1]. Every scored window's non-conformity then replaces the oldest calibration score, and the
 * window itself joins X one probationary period later (from step 2P on, X drops its oldest window for
 * the oldest waiting one), so X and the calibration scores keep constant sizes. At a score ≥
 * {@code alertThreshold} the next ⌊P/5⌋ steps report 0.5 (NAB's suppression value) instead of their
 * score; learning continues during suppression.
 *
 * <p>Σ is applied through the eigen-decomposition XᵀX = VΛVᵀ: windows are stored projected,
 * y = Λ^(−1/2)Vᵀx, so that (a − b)ᵀΣ(a − b) = ‖y_a − y_b‖² and a distance costs O(w) instead of O(w²)
 * for w = window·C.
 *
 * <p>Time O(R·w + R) per step for R reference windows (R ≤ probation), plus O(R·w²) at each Σ update.
 * Memory O(R·w). Not thread-safe.
 */
public final class KnnCad implements OnlineDetector {

    private final KnnCadParams params;
    private final int channels;
    private final int w;
    /** The last `window` steps, a ring of w values. */
    private final float[] recent;
    private int recentFilled;
    private int recentHead;

    /** Reference (training) windows, raw and projected, in a ring of capacity `probation`. */
    private double[][] raw;
    private double[][] transformed;
    private int refSize;
    private int refHead;
    /** Calibration scores: a ring of refSize values, oldest at scoreHead. */
    private double[] calibration;
    private int scoreHead;
    private boolean calibrated;
    /** Windows scored but not yet moved into the reference set (FIFO, at most `period`). */
    private final java.util.ArrayDeque<double[]> pending = new java.util.ArrayDeque<>();

    private double[] projection; // w×w row-major, null = identity
    private long records;
    private long learned;
    private long period = -1;
    private long suppressed = -1;
    private final double[] dist;

    /** A detector for {@code channels} values per step. */
    public KnnCad(KnnCadParams params, int channels) {
        this.params = Objects.requireNonNull(params, "params");
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be >= 1, got " + channels);
        }
        this.channels = channels;
        this.w = params.window() * channels;
        this.recent = new float[w];
        this.raw = new double[params.probation()][];
        this.transformed = new double[params.probation()][];
        this.dist = new double[params.probation()];
    }

    @Override
    public void learn(float[] point) {
        if (period >= 0) {
            throw new IllegalStateException("knn-cad: learn() after scoring started");
        }
        push(point);
        records++;
        learned++;
        if (recentFilled == params.window()) {
            addReference(currentWindow());
        }
    }

    @Override
    public double scoreAndUpdate(float[] point) {
        if (period < 0) {
            // The learned steps are the probationary period (at most `probation` of them are kept).
            period = learned > 0 ? Math.min(learned, params.probation()) + 1 : params.probation();
        }
        push(point);
        records++;
        if (recentFilled < params.window()) {
            return 0;
        }
        if (records < period) {
            addReference(currentWindow());
            return 0;
        }
        long ost = records % period;
        if (ost == 0 || ost == period / 2) {
            updateMetric();
        }
        if (refSize == 0) {
            return 0;
        }
        if (!calibrated) {
            calibrate();
        }
        double[] item = currentWindow();
        double ncm = ncm(transform(item), false);
        int below = 0;
        for (int i = 0; i < refSize; i++) {
            if (calibration[i] < ncm) {
                below++;
            }
        }
        double result = (double) below / refSize;
        // The reference set lags the stream by one probationary period: from step 2P on, the oldest
        // reference window is replaced by the oldest scored one.
        if (records >= 2 * period && !pending.isEmpty()) {
            replaceOldestReference(pending.poll());
        }
        calibration[scoreHead] = ncm;
        scoreHead = (scoreHead + 1) % refSize;
        pending.add(item);
        if (suppressed > 0) {
            suppressed--;
            return 0.5;
        }
        if (result >= params.alertThreshold()) {
            suppressed = period / 5;
        }
        return result;
    }

    private void push(float[] point) {
        Points.requireChannels(point, channels);
        Points.requireFinite(point);
        System.arraycopy(point, 0, recent, recentHead * channels, channels);
        recentHead = (recentHead + 1) % params.window();
        recentFilled = Math.min(recentFilled + 1, params.window());
    }

    /** The last `window` steps, oldest first, flattened step-major. */
    private double[] currentWindow() {
        double[] out = new double[w];
        int steps = params.window();
        for (int s = 0; s < steps; s++) {
            int src = ((recentHead + s) % steps) * channels;
            for (int c = 0; c < channels; c++) {
                out[s * channels + c] = recent[src + c];
            }
        }
        return out;
    }

    /** Appends a training window, dropping the oldest when the ring is full. */
    private void addReference(double[] item) {
        int cap = raw.length;
        int slot;
        if (refSize < cap) {
            slot = (refHead + refSize) % cap;
            refSize++;
        } else {
            slot = refHead;
            refHead = (refHead + 1) % cap;
        }
        raw[slot] = item;
        transformed[slot] = transform(item);
    }

    /** Drops the oldest reference window and appends {@code item} (the set keeps its size). */
    private void replaceOldestReference(double[] item) {
        raw[refHead] = item;
        transformed[refHead] = transform(item);
        refHead = (refHead + 1) % refSize;
    }

    private void calibrate() {
        // From now on the reference set keeps its size: compact it into rings of exactly refSize.
        double[][] r = new double[refSize][];
        double[][] t = new double[refSize][];
        for (int i = 0; i < refSize; i++) {
            r[i] = raw[(refHead + i) % raw.length];
            t[i] = transformed[(refHead + i) % raw.length];
        }
        raw = r;
        transformed = t;
        refHead = 0;
        calibration = new double[refSize];
        for (int i = 0; i < refSize; i++) {
            calibration[i] = ncm(transformed[(refHead + i) % raw.length], true);
        }
        scoreHead = 0;
        calibrated = true;
    }

    /** Sum of the k (k + 1 when the item is itself a reference window) smallest distances to the reference set. */
    private double ncm(double[] t, boolean inSet) {
        int n = refSize;
        for (int i = 0; i < n; i++) {
            double[] r = transformed[(refHead + i) % raw.length];
            double s = 0;
            for (int j = 0; j < w; j++) {
                double d = r[j] - t[j];
                s += d * d;
            }
            dist[i] = s;
        }
        int kk = Math.min(params.k() + (inSet ? 1 : 0), n);
        if (kk < n) {
            select(dist, n, kk);
        }
        double sum = 0;
        for (int i = 0; i < kk; i++) {
            sum += dist[i];
        }
        return sum;
    }

    /** Partially sorts a[0..n) so that its k smallest values occupy a[0..k) (quickselect). */
    private static void select(double[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            double pivot = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k - 1 <= j) {
                hi = j;
            } else if (k - 1 >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    private double[] transform(double[] x) {
        if (projection == null) {
            return x.clone();
        }
        double[] y = new double[w];
        for (int k = 0; k < w; k++) {
            double s = 0;
            int off = k * w;
            for (int j = 0; j < w; j++) {
                s += projection[off + j] * x[j];
            }
            y[k] = s;
        }
        return y;
    }

    /**
     * Σ = (XᵀX)⁻¹ over the reference windows, applied as the projection y = Λ^(−1/2)Vᵀx of XᵀX = VΛVᵀ
     * (so that xᵀΣx = ‖y‖²); unchanged when XᵀX is singular (an eigenvalue at rounding level, below
     * w·ε·λ_max, where numpy's inverse raises for the exactly singular matrices of constant windows).
     */
    private void updateMetric() {
        if (refSize == 0) {
            return;
        }
        double[] g = new double[w * w];
        for (int r = 0; r < refSize; r++) {
            double[] x = raw[(refHead + r) % raw.length];
            for (int i = 0; i < w; i++) {
                double xi = x[i];
                int off = i * w;
                for (int j = 0; j <= i; j++) {
                    g[off + j] += xi * x[j];
                }
            }
        }
        for (int i = 0; i < w; i++) {
            for (int j = 0; j < i; j++) {
                g[j * w + i] = g[i * w + j];
            }
        }
        SymmetricEigen eig = SymmetricEigen.of(g, w);
        double max = Math.abs(eig.value(0));
        double[] p = new double[w * w];
        for (int k = 0; k < w; k++) {
            double lambda = Math.abs(eig.value(k));
            if (!(lambda > w * Math.ulp(1.0) * max)) {
                return; // singular: keep the previous metric
            }
            double scale = 1 / Math.sqrt(lambda);
            double[] v = eig.vector(k);
            for (int j = 0; j < w; j++) {
                p[k * w + j] = v[j] * scale;
            }
        }
        projection = p;
        for (int r = 0; r < refSize; r++) {
            int slot = (refHead + r) % raw.length;
            transformed[slot] = transform(raw[slot]);
        }
    }

    /** Reference windows held now. */
    int referenceSize() {
        return refSize;
    }

    @Override
    public String toString() {
        return "KnnCad" + params + "[reference=" + refSize + ", records=" + records + ", calibrated=" + calibrated + "]";
    }
}
