package io.argus.metrics.series;

import java.util.Arrays;
import java.util.List;

/**
 * Volume Under the Surface (VUS-ROC, VUS-PR) and range-AUC of per-step anomaly scores against labelled
 * ranges: Paparrizos, Boniol, Palpanas, Tsay, Elmore, Franklin, "Volume Under the Surface: A New
 * Accuracy Evaluation Measure for Time-Series Anomaly Detection", PVLDB 15(11), 2022, as implemented by
 * TSB-AD (Liu &amp; Paparrizos, NeurIPS 2024 Datasets and Benchmarks; {@code TheDatumOrg/TSB-AD},
 * {@code basic_metrics.py: RangeAUC_volume_opt}, {@code metrics.py: get_metrics}).
 *
 * <p><b>Definition.</b> P = number of anomalous steps, n = series length. Thresholds: the scores sorted
 * in decreasing order, taken at positions {@code (int)(k·(n−1)/(T−1))}, k = 0..T−1 (numpy's
 * {@code linspace(0, n−1, T).astype(int)}, T = {@value #THRESHOLDS_DEFAULT}); a step is predicted when
 * its score is ≥ the threshold. For each buffer w = 0..ℓ:
 * <ul>
 *   <li>soft labels: 1 on every labelled step; on the ⌊w/2⌋ steps after a range end e, √(1 − (x−e)/w);
 *       on the ⌊w/2⌋ steps before a range start s, √(1 − (s−x)/w); contributions of neighbouring
 *       ranges add up, then are clipped at 1;</li>
 *   <li>L_w = the ranges widened by ⌊w/2⌋ on each side and merged when they touch or overlap;</li>
 *   <li>per threshold: TP = Σ soft·pred, with the buffer steps counting only where predicted;
 *       P' = P + ½·Σ_{buffer} soft·pred; recall = min(TP/P', 1); TPR = recall · (segments of L_w
 *       holding a predicted step)/|L_w|; FPR = (#pred − TP)/(n − P'); precision = TP/#pred;</li>
 *   <li>AUC_w = trapezoid of (FPR, TPR) from (0, 0) through the T points to (1, 1);
 *       AP_w = Σ_k (TPR_k − TPR_{k−1})·precision_k with TPR_{−1} = 0.</li>
 * </ul>
 * VUS-ROC = mean of AUC_w over w = 0..ℓ, VUS-PR = mean of AP_w. The range-AUC at one buffer w is the
 * surface's slice AUC_w / AP_w (TSB-AD's older stand-alone {@code RangeAUC} widens the right side one
 * step less; the volume's definition is used here throughout).
 *
 * <p><b>Sanity link.</b> At w = 0 with a single labelled range and n ≤ T (so that every distinct score
 * is a threshold) AUC_0 equals the point AUROC and AP_0 the average precision
 * ({@link io.argus.metrics.BinaryMetrics}). With several ranges the existence ratio multiplies the TPR,
 * so AUC_0 can be lower than the point AUROC: that is TSB-AD's definition, kept on purpose.
 *
 * <p><b>Sliding window ℓ.</b> TSB-AD passes {@code find_length_rank(data, rank=1)} of the raw series
 * ({@code slidingWindows.py}; see {@link #slidingWindow(double[])}); {@code get_metrics} defaults to
 * {@value #SLIDING_WINDOW_DEFAULT} when none is given.
 *
 * <p>Complexity: O(n log n + ℓ·(n + T + R·ℓ)) time for R labelled ranges (the per-threshold counts are
 * prefix sums over the first threshold at which each step turns positive, instead of TSB-AD's
 * O(ℓ·T·n) rescans), O(n + T) memory. Scores range over all reals; higher = more anomalous.
 */
public final class Vus {

    /** Number of thresholds T, as TSB-AD ({@code thre=250}). */
    public static final int THRESHOLDS_DEFAULT = 250;

    /** Sliding window ℓ when none is given and no series is at hand: TSB-AD's {@code get_metrics} default. */
    public static final int SLIDING_WINDOW_DEFAULT = 100;

    /** Window returned by {@link #slidingWindow} when the ACF has no usable peak, as TSB-AD. */
    public static final int SLIDING_WINDOW_FALLBACK = 125;

    /**
     * The two threshold-free range-aware areas.
     *
     * @param roc VUS-ROC (or range-AUC-ROC at one buffer), in [0, 1]
     * @param pr  VUS-PR (or range-AUC-PR at one buffer), in [0, 1]
     */
    public record Result(double roc, double pr) {
    }

    private Vus() {
    }

    /**
     * VUS-ROC and VUS-PR with buffers w = 0..{@code slidingWindow} and {@value #THRESHOLDS_DEFAULT}
     * thresholds.
     *
     * @throws IllegalArgumentException on a length mismatch, a non-finite score, bad ranges, a negative
     *         window, or labels without an anomaly or without a normal step (undefined)
     */
    public static Result vus(double[] scores, List<Range> labels, int slidingWindow) {
        return vus(scores, labels, slidingWindow, THRESHOLDS_DEFAULT);
    }

    /** {@link #vus(double[], List, int)} with {@code thresholds} thresholds (T ≥ 1). */
    public static Result vus(double[] scores, List<Range> labels, int slidingWindow, int thresholds) {
        if (slidingWindow < 0) {
            throw new IllegalArgumentException("sliding window must be >= 0, got " + slidingWindow);
        }
        Surface s = new Surface(scores, labels, thresholds);
        double roc = 0;
        double pr = 0;
        for (int w = 0; w <= slidingWindow; w++) {
            double[] slice = s.slice(w);
            roc += slice[0];
            pr += slice[1];
        }
        return new Result(roc / (slidingWindow + 1), pr / (slidingWindow + 1));
    }

    /** VUS on 0/1 labels per step. */
    public static Result vus(double[] scores, int[] labels, int slidingWindow) {
        if (labels == null) {
            throw new IllegalArgumentException("labels must not be null");
        }
        Ranges.validateScores(scores, labels.length, "labels");
        return vus(scores, Ranges.rangesOf(labels, "label"), slidingWindow);
    }

    /**
     * Range-AUC-ROC and range-AUC-PR at the single buffer {@code buffer}: the slice of the VUS surface
     * (see the class Javadoc). At buffer 0 with one labelled range this is the point AUROC / AP.
     */
    public static Result rangeAuc(double[] scores, List<Range> labels, int buffer) {
        if (buffer < 0) {
            throw new IllegalArgumentException("buffer must be >= 0, got " + buffer);
        }
        double[] slice = new Surface(scores, labels, THRESHOLDS_DEFAULT).slice(buffer);
        return new Result(slice[0], slice[1]);
    }

    /**
     * TSB-AD's sliding window from the autocorrelation ({@code find_length_rank(data, rank=1)}): the ACF
     * of the first min(20000, n) values at lags 0..400 (mean removed, biased estimator as statsmodels'
     * {@code acf}), restricted to lags ≥ 3; among its strict local maxima the highest one (the first on
     * ties) gives the window, its lag. When there is no local maximum, or the lag is below 6 or above
     * 303 (TSB-AD's bounds 3 and 300 on the lag minus 3), the window is {@value #SLIDING_WINDOW_FALLBACK}.
     * Note: the highest local maximum, not the first one. O(min(n, 20000)·400) time.
     */
    public static int slidingWindow(double[] series) {
        if (series == null) {
            throw new IllegalArgumentException("series must not be null");
        }
        int n = Math.min(20000, series.length);
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(series[i])) {
                throw new IllegalArgumentException("series value " + i + " is " + series[i] + "; values must be finite");
            }
        }
        final int base = 3;
        int maxLag = Math.min(400, n - 1);
        if (maxLag < base + 2) {
            return SLIDING_WINDOW_FALLBACK;
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += series[i];
        }
        mean /= n;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = series[i] - mean;
        }
        double c0 = 0;
        for (int i = 0; i < n; i++) {
            c0 += d[i] * d[i];
        }
        if (c0 == 0) {
            return SLIDING_WINDOW_FALLBACK; // constant series: statsmodels gives NaN, TSB-AD falls back
        }
        double[] acf = new double[maxLag - base + 1]; // acf[i] = ACF at lag i + base
        for (int lag = base; lag <= maxLag; lag++) {
            double c = 0;
            for (int t = 0; t + lag < n; t++) {
                c += d[t] * d[t + lag];
            }
            acf[lag - base] = c / c0;
        }
        int best = -1;
        for (int i = 1; i + 1 < acf.length; i++) {
            if (acf[i] > acf[i - 1] && acf[i] > acf[i + 1] && (best < 0 || acf[i] > acf[best])) {
                best = i;
            }
        }
        if (best < 0 || best < 3 || best > 300) {
            return SLIDING_WINDOW_FALLBACK;
        }
        return best + base;
    }

    /** Precomputed threshold structure shared by all buffers. */
    private static final class Surface {
        private final int n;
        private final int t;
        private final List<Range> labels;
        private final boolean[] labelled;
        /** Index of the first threshold at which each step is predicted (t when never). */
        private final int[] firstK;
        /** Number of predicted steps per threshold. */
        private final long[] nPred;
        /** Number of predicted labelled steps per threshold. */
        private final long[] origTp;
        /** Per labelled range, the smallest firstK over its steps. */
        private final int[] rangeMinK;
        private final long p;

        Surface(double[] scores, List<Range> labels, int thresholds) {
            if (thresholds < 1) {
                throw new IllegalArgumentException("thresholds must be >= 1, got " + thresholds);
            }
            if (labels == null) {
                throw new IllegalArgumentException("labels must not be null");
            }
            Ranges.validateScores(scores, scores == null ? 0 : scores.length, "labels");
            n = scores.length;
            Ranges.validate(labels, n, "labels");
            Ranges.requireAnomaly(labels, "VUS");
            p = Ranges.totalLength(labels);
            if (p == n) {
                throw new IllegalArgumentException("VUS undefined: the labels hold no normal step");
            }
            this.labels = labels;
            this.t = thresholds;
            double[] sorted = scores.clone();
            Arrays.sort(sorted);
            // thr[k] = k-th sampled value of the scores sorted in decreasing order.
            double[] thr = new double[t];
            double step = t > 1 ? (double) (n - 1) / (t - 1) : 0;
            for (int k = 0; k < t; k++) {
                int idx = k == t - 1 && t > 1 ? n - 1 : (int) (k * step);
                thr[k] = sorted[n - 1 - idx];
            }
            labelled = new boolean[n];
            for (Range r : labels) {
                Arrays.fill(labelled, r.start(), r.endInclusive() + 1, true);
            }
            firstK = new int[n];
            long[] predAt = new long[t + 1];
            long[] tpAt = new long[t + 1];
            for (int i = 0; i < n; i++) {
                int k = firstThreshold(thr, scores[i]);
                firstK[i] = k;
                predAt[k]++;
                if (labelled[i]) {
                    tpAt[k]++;
                }
            }
            nPred = new long[t];
            origTp = new long[t];
            long a = 0;
            long b = 0;
            for (int k = 0; k < t; k++) {
                a += predAt[k];
                b += tpAt[k];
                nPred[k] = a;
                origTp[k] = b;
            }
            rangeMinK = new int[labels.size()];
            for (int r = 0; r < labels.size(); r++) {
                int m = t;
                for (int i = labels.get(r).start(); i <= labels.get(r).endInclusive(); i++) {
                    m = Math.min(m, firstK[i]);
                }
                rangeMinK[r] = m;
            }
        }

        /** Smallest k with thr[k] ≤ s (thr is non-increasing), or thr.length when none. */
        private static int firstThreshold(double[] thr, double s) {
            int lo = 0;
            int hi = thr.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (thr[mid] <= s) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo;
        }

        /** {AUC_w, AP_w} for buffer w. */
        double[] slice(int w) {
            int half = w / 2;
            double[] bufTpAt = new double[t + 1];
            if (half > 0) {
                double[] ext = new double[n];
                int[] touched = new int[(int) Math.min((long) n, 2L * half * labels.size())];
                int nt = 0;
                for (Range r : labels) {
                    int s = r.start();
                    int e = r.endInclusive();
                    for (int x = e + 1; x <= Math.min(e + half, n - 1); x++) {
                        if (!labelled[x]) {
                            if (ext[x] == 0) {
                                touched[nt++] = x;
                            }
                            ext[x] += Math.sqrt(1 - (double) (x - e) / w);
                        }
                    }
                    for (int x = Math.max(s - half, 0); x < s; x++) {
                        if (!labelled[x]) {
                            if (ext[x] == 0) {
                                touched[nt++] = x;
                            }
                            ext[x] += Math.sqrt(1 - (double) (s - x) / w);
                        }
                    }
                }
                for (int i = 0; i < nt; i++) {
                    int x = touched[i];
                    bufTpAt[firstK[x]] += Math.min(1.0, ext[x]);
                }
            }
            // Existence per merged widened segment: the first threshold at which it holds a prediction.
            long[] existAt = new long[t + 1];
            int segments = 0;
            int i = 0;
            while (i < labels.size()) {
                int m = rangeMinK[i];
                int segStart = Math.max(labels.get(i).start() - half, 0);
                m = Math.min(m, minK(segStart, labels.get(i).start() - 1));
                int j = i;
                while (j + 1 < labels.size() && labels.get(j).endInclusive() + half >= labels.get(j + 1).start() - half) {
                    m = Math.min(m, minK(labels.get(j).endInclusive() + 1, labels.get(j + 1).start() - 1));
                    m = Math.min(m, rangeMinK[j + 1]);
                    j++;
                }
                int segEnd = Math.min(labels.get(j).endInclusive() + half, n - 1);
                m = Math.min(m, minK(labels.get(j).endInclusive() + 1, segEnd));
                existAt[m]++;
                segments++;
                i = j + 1;
            }
            double auc = 0;
            double ap = 0;
            double prevTpr = 0;
            double prevFpr = 0;
            double bufTp = 0;
            long exist = 0;
            for (int k = 0; k < t; k++) {
                bufTp += bufTpAt[k];
                exist += existAt[k];
                double tp = origTp[k] + bufTp;
                double pNew = p + bufTp / 2;
                double recall = Math.min(tp / pNew, 1);
                double tpr = recall * exist / segments;
                double fpr = (nPred[k] - tp) / (n - pNew);
                double precision = tp / nPred[k];
                auc += (fpr - prevFpr) * (tpr + prevTpr) / 2;
                ap += (tpr - prevTpr) * precision;
                prevTpr = tpr;
                prevFpr = fpr;
            }
            auc += (1 - prevFpr) * (1 + prevTpr) / 2;
            return new double[] {auc, ap};
        }

        private int minK(int from, int to) {
            int m = t;
            for (int x = from; x <= to; x++) {
                m = Math.min(m, firstK[x]);
            }
            return m;
        }
    }
}
