package io.argus.timeseries.methods;

import io.argus.core.Context;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import io.argus.timeseries.prep.Periods;
import io.argus.timeseries.prep.Windows;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * KShape-AD: k-Shape clusters of the training part's subsequences form the normal model; a subsequence
 * scores its shape-based distance (SBD) to the nearest cluster centroid.
 *
 * <p>Paparrizos and Gravano, "k-Shape: Efficient and Accurate Clustering of Time Series", ACM SIGMOD
 * 2015 (SBD, shape extraction, the refinement loop); used for anomaly detection as TSB-AD's
 * {@code KShapeAD} (second on TSB-AD-U's VUS-PR leaderboard), itself the offline form of Boniol,
 * Paparrizos, Palpanas, Franklin, "SAND: Streaming Subsequence Anomaly Detection", PVLDB 2021. Following
 * TSB-AD's k-means/k-Shape detectors, the score of a window is its distance to the nearest centroid and
 * step scores are the mean over the windows covering the step. Defaults: window = the training part's
 * period (TSB-AD's {@code periodicity} = 1), k = 3 clusters (as recalled from TSB-AD's
 * {@code run_KShapeAD}; not re-checked), at most 100 refinement iterations (the k-Shape paper's).
 *
 * <p>SBD(x, y) = 1 − max_s NCC_s(x, y), with NCC_s the cross-correlation at shift s divided by ‖x‖‖y‖,
 * computed by FFT. Shape extraction: members aligned to the current centroid by their best shift, then
 * the centroid is the top eigenvector of QᵀSQ (S = Σ xxᵀ, Q = I − 11ᵀ/m), signed towards the members and
 * z-normalised. Initial assignment is random (the context's seed); an emptied cluster is reseeded with a
 * random subsequence. Training uses at most {@code maxTrainWindows} subsequences (stride chosen to fit).
 *
 * <p>Time: fit O(iterations·N·k·m log m + k·m³), score O(T·k·m log m). Memory O(N·m).
 */
public final class KShapeAd implements UnivariateDetector {

    static final int MAX_ITERATIONS = 100;

    private final KShapeAdParams params;

    /** A detector with the given parameters. */
    public KShapeAd(KShapeAdParams params) {
        this.params = params;
    }

    @Override
    public String name() {
        return KShapeAdProvider.NAME;
    }

    @Override
    public UnivariateModel fit(double[] train, Context ctx) {
        float[] f = new float[train.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) train[i];
        }
        int m = Periods.window(params.window(), 1.0, f);
        if (train.length < m + 1) {
            throw new IllegalArgumentException("kshape-ad: training part has " + train.length + " steps, needs more than the window " + m);
        }
        int count = train.length - m + 1;
        int stride = Math.max(1, (count + params.maxTrainWindows() - 1) / params.maxTrainWindows());
        double[] x = Themis.zWindows(train, m, stride);
        int n = x.length / m;
        int k = Math.min(params.clusters(), n);
        double[] centroids = kShape(x, n, m, k, ctx.random(0x6b53L), ctx);
        return new Fitted(m, centroids);
    }

    static UnivariateModel restore(Map<String, Tensor> state) {
        long[] shape = StateTensors.shape(state, "centroids", 2);
        double[] c = StateTensors.doubles(state, "centroids");
        return new Fitted((int) shape[1], c);
    }

    /** k-Shape clustering of n z-normalised rows of length m; returns k centroids row-major. */
    static double[] kShape(double[] x, int n, int m, int k, SplittableRandom rnd, Context ctx) {
        int[] assign = new int[n];
        for (int i = 0; i < n; i++) {
            assign[i] = rnd.nextInt(k);
        }
        double[] cent = new double[k * m];
        Correlator corr = new Correlator(m);
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            ctx.checkCancelled();
            for (int j = 0; j < k; j++) {
                double[] c = extractShape(x, n, m, assign, j, Arrays.copyOfRange(cent, j * m, (j + 1) * m), corr);
                if (c == null) {
                    int pick = rnd.nextInt(n);
                    c = Arrays.copyOfRange(x, pick * m, (pick + 1) * m);
                    assign[pick] = j;
                }
                System.arraycopy(c, 0, cent, j * m, m);
            }
            Correlator.Spectra[] cs = new Correlator.Spectra[k];
            for (int j = 0; j < k; j++) {
                cs[j] = corr.spectra(cent, j * m);
            }
            int[] next = new int[n];
            ctx.parallelFor(n, 256, (from, to) -> {
                for (int i = from; i < to; i++) {
                    Correlator.Spectra si = corr.spectra(x, i * m);
                    double best = Double.POSITIVE_INFINITY;
                    int arg = 0;
                    for (int j = 0; j < k; j++) {
                        double d = corr.sbd(si, cs[j]).distance();
                        if (d < best) {
                            best = d;
                            arg = j;
                        }
                    }
                    next[i] = arg;
                }
            });
            boolean same = Arrays.equals(next, assign);
            assign = next;
            if (same) {
                break;
            }
        }
        return cent;
    }

    /** k-Shape's shape extraction for cluster j; null when the cluster is empty. */
    private static double[] extractShape(double[] x, int n, int m, int[] assign, int j, double[] current, Correlator corr) {
        boolean zero = true;
        for (double v : current) {
            zero &= v == 0;
        }
        Correlator.Spectra cs = zero ? null : corr.spectra(current, 0);
        double[] s = new double[m * m];
        double[] first = null;
        int members = 0;
        for (int i = 0; i < n; i++) {
            if (assign[i] != j) {
                continue;
            }
            double[] a = new double[m];
            if (cs == null) {
                System.arraycopy(x, i * m, a, 0, m);
            } else {
                int shift = corr.sbd(cs, corr.spectra(x, i * m)).shift();
                // shift s: the member aligned to the centroid is y[t] = x[t - s] (zero-padded)
                for (int t = 0; t < m; t++) {
                    int src = t - shift;
                    a[t] = src >= 0 && src < m ? x[i * m + src] : 0;
                }
            }
            if (first == null) {
                first = a;
            }
            for (int p = 0; p < m; p++) {
                if (a[p] == 0) {
                    continue;
                }
                for (int q = 0; q < m; q++) {
                    s[p * m + q] += a[p] * a[q];
                }
            }
            members++;
        }
        if (members == 0) {
            return null;
        }
        // M = Q S Q with Q = I − 11ᵀ/m: double-centre S.
        double[] rowMean = new double[m];
        double all = 0;
        for (int p = 0; p < m; p++) {
            for (int q = 0; q < m; q++) {
                rowMean[p] += s[p * m + q] / m;
            }
            all += rowMean[p] / m;
        }
        double[] mm = new double[m * m];
        for (int p = 0; p < m; p++) {
            for (int q = 0; q < m; q++) {
                mm[p * m + q] = s[p * m + q] - rowMean[p] - rowMean[q] + all;
            }
        }
        double[] c = RobustEigen.of(mm, m).vector(0);
        double dPlus = 0;
        double dMinus = 0;
        for (int p = 0; p < m; p++) {
            dPlus += (first[p] - c[p]) * (first[p] - c[p]);
            dMinus += (first[p] + c[p]) * (first[p] + c[p]);
        }
        if (dMinus < dPlus) {
            for (int p = 0; p < m; p++) {
                c[p] = -c[p];
            }
        }
        return Themis.zWindows(c, m, 1);
    }

    /** Cross-correlation of length-m rows through zero-padded power-of-two FFTs. */
    static final class Correlator {
        final int m;
        final int size;

        record Spectra(double[] re, double[] im, double norm) {
        }

        record Match(double distance, int shift) {
        }

        Correlator(int m) {
            this.m = m;
            int sz = 1;
            while (sz < 2 * m - 1) {
                sz <<= 1;
            }
            this.size = sz; // linear (not circular) correlation of two length-m rows
        }

        Spectra spectra(double[] x, int off) {
            double[] re = new double[size];
            double[] im = new double[size];
            double norm = 0;
            for (int t = 0; t < m; t++) {
                re[t] = x[off + t];
                norm += x[off + t] * x[off + t];
            }
            Fft.transform(re, im, false);
            return new Spectra(re, im, Math.sqrt(norm));
        }

        /** SBD of y against reference x and the shift s maximising Σ_t x[t]·y[t − s]. */
        Match sbd(Spectra x, Spectra y) {
            if (x.norm == 0 || y.norm == 0) {
                return new Match(x.norm == 0 && y.norm == 0 ? 0 : 1, 0);
            }
            double[] re = new double[size];
            double[] im = new double[size];
            for (int i = 0; i < size; i++) {
                // X · conj(Y): circular cross-correlation r[s] = Σ_t x[t]·y[t − s]
                re[i] = x.re[i] * y.re[i] + x.im[i] * y.im[i];
                im[i] = x.im[i] * y.re[i] - x.re[i] * y.im[i];
            }
            Fft.transform(re, im, true);
            double best = Double.NEGATIVE_INFINITY;
            int shift = 0;
            for (int s = -(m - 1); s <= m - 1; s++) {
                double v = re[s >= 0 ? s : size + s];
                if (v > best) {
                    best = v;
                    shift = s;
                }
            }
            return new Match(1 - best / (x.norm * y.norm), shift);
        }
    }

    /** The window and the centroids. */
    static final class Fitted implements UnivariateModel {
        private final int m;
        private final double[] centroids;

        Fitted(int m, double[] centroids) {
            if (m < 2 || centroids.length == 0 || centroids.length % m != 0) {
                throw new IllegalArgumentException("model state tensor 'centroids' must be k x m with m >= 2, got " + centroids.length
                        + " values for m = " + m);
            }
            this.m = m;
            this.centroids = centroids;
        }

        @Override
        public double[] score(double[] x, Context ctx) {
            if (x.length < m) {
                throw new IllegalArgumentException("kshape-ad: series has " + x.length + " steps, shorter than the window " + m);
            }
            int k = centroids.length / m;
            Correlator corr = new Correlator(m);
            Correlator.Spectra[] cs = new Correlator.Spectra[k];
            for (int j = 0; j < k; j++) {
                cs[j] = corr.spectra(centroids, j * m);
            }
            double[] win = Themis.zWindows(x, m, 1);
            int n = win.length / m;
            double[] ws = new double[n];
            ctx.parallelFor(n, 512, (from, to) -> {
                for (int i = from; i < to; i++) {
                    Correlator.Spectra si = corr.spectra(win, i * m);
                    double best = Double.POSITIVE_INFINITY;
                    for (int j = 0; j < k; j++) {
                        best = Math.min(best, corr.sbd(cs[j], si).distance());
                    }
                    ws[i] = best;
                }
            });
            return Windows.spreadMean(ws, m, 1, x.length);
        }

        @Override
        public Map<String, Tensor> state() {
            Map<String, Tensor> s = new LinkedHashMap<>();
            s.put("centroids", Tensor.f64(centroids.clone(), centroids.length / m, m));
            return s;
        }
    }
}
