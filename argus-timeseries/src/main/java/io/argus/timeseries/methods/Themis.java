package io.argus.timeseries.methods;

import io.argus.core.Context;
import io.argus.core.data.Table;
import io.argus.core.linalg.Pca;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import io.argus.tabular.lof.LocalOutlierFactor;
import io.argus.tabular.lof.LofParams;
import io.argus.timeseries.prep.Periods;
import io.argus.timeseries.prep.Windows;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * THEMIS's scoring stage: embed the windows of a series, build their cosine self-similarity matrix and
 * score each window by how poorly it fits the matrix's structure.
 *
 * <p>"THEMIS: Unlocking Pretrained Knowledge with Foundation Model Embeddings for Anomaly Detection in
 * Time Series", arXiv 2510.03911 (2025); the details follow the reconstruction in the project's paper
 * notes (no code was found). <b>Substitution:</b> THEMIS embeds windows with the Chronos (T5) encoder;
 * no time-series foundation model is reachable here, so the embedding is the projection of each
 * z-normalised window onto the first {@code components} principal axes of the training part's
 * z-normalised windows (a linear stand-in for the encoder's mean-pooled states). The scoring stage is
 * THEMIS's:
 * <ol>
 * <li>windows of w steps (w = the training part's period when {@code window} = 0), at the stride that
 *     keeps at most {@code maxWindows} of them (the matrix is N×N);</li>
 * <li>S_ij = |cos(e_i, e_j)| (a constant window has embedding 0: similarity 1 to another constant
 *     window, 0 to any other), set to 0 outside the band |i − j| ≤ {@code band} windows when band &gt; 0
 *     (the "windowed absolute similarity matrix");</li>
 * <li>one adapter: {@link Adapter#SPECTRAL} (default) reconstructs S from its top-{@code rank}
 *     eigenpairs and scores ‖S_i − Ŝ_i‖ (the paper reports robustness for rank 2..20); {@link Adapter#LOF}
 *     runs LOF (k = 20) on the rows of S; {@link Adapter#MEAN} scores 1 − mean_j S_ij;
 *     {@link Adapter#TOPK} scores 1 − the mean of the row's {@code rank} largest off-diagonal similarities;</li>
 * <li>window scores go back to steps as the mean over the windows covering each step.</li>
 * </ol>
 *
 * <p>Time O(N²·d + N³) for N windows (the eigen-decomposition), memory O(N²).
 */
public final class Themis implements UnivariateDetector {

    /** The adapter that turns the similarity matrix into window scores. */
    public enum Adapter {
        /** Residual of the rank-k eigen-reconstruction of S. */
        SPECTRAL,
        /** LOF on the rows of S. */
        LOF,
        /** One minus the mean similarity. */
        MEAN,
        /** One minus the mean of the k largest off-diagonal similarities. */
        TOPK
    }

    private final ThemisParams params;

    /** A detector with the given parameters. */
    public Themis(ThemisParams params) {
        this.params = params;
    }

    @Override
    public String name() {
        return ThemisProvider.NAME;
    }

    @Override
    public UnivariateModel fit(double[] train, Context ctx) {
        float[] f = new float[train.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) train[i];
        }
        int w = Periods.window(params.window(), 1.0, f);
        if (train.length < w + 1) {
            throw new IllegalArgumentException("themis: training part has " + train.length + " steps, needs more than the window " + w);
        }
        double[] windows = zWindows(train, w, strideFor(train.length, w, 4 * params.maxWindows()));
        int n = windows.length / w;
        int k = Math.min(params.components(), Math.min(n, w));
        if (n < 2) {
            throw new IllegalArgumentException("themis: training part gives " + n + " window(s), needs at least 2");
        }
        Pca pca = Pca.fit(windows, n, w, k, ctx);
        return new Fitted(params, w, pca.mean(), pca.componentRows());
    }

    static UnivariateModel restore(ThemisParams params, Map<String, Tensor> state) {
        double[] mean = StateTensors.doubles(state, "mean");
        int w = mean.length;
        double[] axes = StateTensors.doubles(state, "axes");
        if (axes.length % w != 0) {
            throw new IllegalArgumentException("model state tensor 'axes' has " + axes.length + " values, not a multiple of the window " + w);
        }
        return new Fitted(params, w, mean, axes);
    }

    private static int strideFor(int steps, int w, int max) {
        int count = steps - w + 1;
        return Math.max(1, (count + max - 1) / max);
    }

    /** Windows at the given stride, each z-normalised (a constant window becomes zeros). */
    static double[] zWindows(double[] x, int w, int stride) {
        int n = (x.length - w) / stride + 1;
        double[] out = new double[n * w];
        for (int r = 0; r < n; r++) {
            int off = r * stride;
            double mu = 0;
            for (int k = 0; k < w; k++) {
                mu += x[off + k];
            }
            mu /= w;
            double ss = 0;
            for (int k = 0; k < w; k++) {
                ss += (x[off + k] - mu) * (x[off + k] - mu);
            }
            double sd = Math.sqrt(ss / w);
            for (int k = 0; k < w; k++) {
                out[r * w + k] = sd > 1e-8 * Math.max(1, Math.abs(mu)) ? (x[off + k] - mu) / sd : 0;
            }
        }
        return out;
    }

    /** The window length and the embedding axes. */
    static final class Fitted implements UnivariateModel {
        private final ThemisParams params;
        private final int window;
        private final double[] mean;
        private final double[] axes;

        Fitted(ThemisParams params, int window, double[] mean, double[] axes) {
            this.params = params;
            this.window = window;
            this.mean = mean;
            this.axes = axes;
        }

        @Override
        public double[] score(double[] x, Context ctx) {
            int w = window;
            if (x.length < w + 1) {
                throw new IllegalArgumentException("themis: series has " + x.length + " steps, needs more than the window " + w);
            }
            int stride = strideFor(x.length, w, params.maxWindows());
            double[] win = zWindows(x, w, stride);
            int n = win.length / w;
            int d = axes.length / w;
            double[] e = new double[n * d];
            boolean[] zero = new boolean[n];
            for (int i = 0; i < n; i++) {
                double norm = 0;
                for (int a = 0; a < d; a++) {
                    double p = 0;
                    for (int k = 0; k < w; k++) {
                        p += (win[i * w + k] - mean[k]) * axes[a * w + k];
                    }
                    e[i * d + a] = p;
                    norm += p * p;
                }
                norm = Math.sqrt(norm);
                zero[i] = norm <= 1e-12;
                for (int a = 0; a < d; a++) {
                    e[i * d + a] = norm > 0 ? e[i * d + a] / norm : 0;
                }
            }
            double[] s = new double[n * n];
            int band = params.band();
            ctx.parallelFor(n, 64, (from, to) -> {
                for (int i = from; i < to; i++) {
                    for (int j = 0; j < n; j++) {
                        if (band > 0 && Math.abs(i - j) > band) {
                            continue;
                        }
                        double c = 0;
                        if (zero[i] || zero[j]) {
                            c = zero[i] && zero[j] ? 1 : 0; // constant windows are alike, and unlike any shape
                        } else {
                            for (int a = 0; a < d; a++) {
                                c += e[i * d + a] * e[j * d + a];
                            }
                        }
                        s[i * n + j] = Math.abs(c);
                    }
                }
            });
            double[] ws = adapt(s, n, ctx);
            return Windows.spreadMean(ws, w, stride, x.length);
        }

        private double[] adapt(double[] s, int n, Context ctx) {
            double[] out = new double[n];
            int rank = Math.min(params.rank(), n);
            switch (params.adapter()) {
                case SPECTRAL -> {
                    RobustEigen eig = RobustEigen.of(s, n);
                    double[] rec = new double[n * n];
                    for (int k = 0; k < rank; k++) {
                        double[] v = eig.vector(k);
                        double l = eig.value(k);
                        for (int i = 0; i < n; i++) {
                            double li = l * v[i];
                            for (int j = 0; j < n; j++) {
                                rec[i * n + j] += li * v[j];
                            }
                        }
                    }
                    for (int i = 0; i < n; i++) {
                        double r = 0;
                        for (int j = 0; j < n; j++) {
                            double dlt = s[i * n + j] - rec[i * n + j];
                            r += dlt * dlt;
                        }
                        out[i] = Math.sqrt(r);
                    }
                }
                case LOF -> {
                    float[] rows = new float[n * n];
                    for (int i = 0; i < rows.length; i++) {
                        rows[i] = (float) s[i];
                    }
                    int k = Math.min(LofParams.K_DEFAULT, n - 1);
                    return new LocalOutlierFactor(new LofParams(Math.max(1, k))).fitScore(Table.of(n, n, rows, null, null, null), ctx)
                            .trainingScores().toArray();
                }
                case MEAN -> {
                    for (int i = 0; i < n; i++) {
                        double m = 0;
                        for (int j = 0; j < n; j++) {
                            m += s[i * n + j];
                        }
                        out[i] = 1 - m / n;
                    }
                }
                case TOPK -> {
                    double[] row = new double[n - 1];
                    for (int i = 0; i < n; i++) {
                        int o = 0;
                        for (int j = 0; j < n; j++) {
                            if (j != i) {
                                row[o++] = s[i * n + j];
                            }
                        }
                        Arrays.sort(row);
                        int kk = Math.max(1, Math.min(rank, row.length));
                        double m = 0;
                        for (int q = 0; q < kk; q++) {
                            m += row[row.length - 1 - q];
                        }
                        out[i] = 1 - m / kk;
                    }
                }
                default -> throw new IllegalStateException("unknown adapter " + params.adapter());
            }
            return out;
        }

        @Override
        public Map<String, Tensor> state() {
            Map<String, Tensor> st = new LinkedHashMap<>();
            st.put("mean", Tensor.f64(mean.clone(), mean.length));
            st.put("axes", Tensor.f64(axes.clone(), axes.length / window, window));
            return st;
        }
    }
}
