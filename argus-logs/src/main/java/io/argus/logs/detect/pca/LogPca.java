package io.argus.logs.detect.pca;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.Scores;
import io.argus.core.linalg.SymmetricEigen;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import io.argus.logs.detect.CountFeatures;
import io.argus.logs.detect.EventReason;
import io.argus.logs.detect.ExplainsSessions;
import io.argus.logs.detect.IntrinsicThreshold;
import io.argus.logs.detect.Explanations;
import io.argus.logs.session.EventSessions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * PCA on event-count vectors with the Q-statistic threshold: a session is anomalous when the squared
 * prediction error (its distance to the normal subspace spanned by the main principal components of the
 * training sessions) exceeds the Q-statistic at confidence α.
 *
 * <p>Xu, Huang, Fox, Patterson, Jordan, "Detecting Large-Scale System Problems by Mining Console Logs",
 * SOSP 2009; as loglizer's {@code models/PCA.py}: C = XᵀX / n of the feature rows, eigen-decomposed; the
 * first k components keep the share {@code components} of the variance; SPE = ‖(I − PPᵀ)x‖²; the
 * threshold is Jackson and Mudholkar's Q_α = φ₁[c_α √(2φ₂h₀²)/φ₁ + 1 + φ₂h₀(h₀ − 1)/φ₁²]^{1/h₀} with
 * φᵢ = Σ_{j>k} λⱼⁱ and h₀ = 1 − 2φ₁φ₃/(3φ₂²), flagging SPE &gt; Q_α. When the residual variance is zero
 * (φ₁ = 0) Q_α is 0 (any residual is anomalous); when the formula is not finite, the largest training SPE
 * is used instead.
 *
 * <p>Score: the SPE, higher = more anomalous; {@link Trained#threshold()} is just above Q_α. Explanation:
 * the events with the largest squared residuals. Deterministic. Time: fit O(n m² + m³), score O(m k) per
 * session for m event columns; memory O(m²).
 */
public final class LogPca implements Detector<EventSessions> {

    private final LogPcaParams params;

    /** A detector with these parameters. */
    public LogPca(LogPcaParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public Model<EventSessions> fit(EventSessions train, Context ctx) {
        CountFeatures f = CountFeatures.fit(train, params.weighting(), params.normalization(), params.oov());
        double[][] x = f.transform(train);
        int n = x.length;
        int m = f.width();
        double[] cov = new double[m * m];
        for (double[] row : x) {
            for (int a = 0; a < m; a++) {
                double va = row[a];
                if (va == 0) {
                    continue;
                }
                for (int b = 0; b < m; b++) {
                    cov[a * m + b] += va * row[b];
                }
            }
        }
        for (int i = 0; i < cov.length; i++) {
            cov[i] /= n;
        }
        SymmetricEigen eig = SymmetricEigen.of(cov, m);
        double[] sigma = eig.values().clone();
        for (int j = 0; j < m; j++) {
            sigma[j] = Math.max(0, sigma[j]);
        }
        int k;
        if (params.components() < 1) {
            double total = 0;
            for (double s : sigma) {
                total += s;
            }
            k = m;
            double acc = 0;
            for (int i = 0; i < m; i++) {
                acc += sigma[i];
                if (total > 0 && acc / total >= params.components()) {
                    k = i + 1;
                    break;
                }
            }
            if (total == 0) {
                k = 0;
            }
        } else {
            k = (int) Math.min(m, params.components());
        }
        double[] p = new double[m * k];
        for (int c = 0; c < k; c++) {
            double[] v = eig.vector(c);
            for (int j = 0; j < m; j++) {
                p[j * k + c] = v[j];
            }
        }
        double[] phi = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int j = k; j < m; j++) {
                phi[i] += Math.pow(sigma[j], i + 1);
            }
        }
        double q;
        if (phi[0] <= 0) {
            q = 0;
        } else {
            double h0 = 1.0 - 2 * phi[0] * phi[2] / (3.0 * phi[1] * phi[1]);
            q = phi[0] * Math.pow(params.cAlpha() * Math.sqrt(2 * phi[1] * h0 * h0) / phi[0] + 1.0 + phi[1] * h0 * (h0 - 1) / (phi[0] * phi[0]), 1.0 / h0);
        }
        Trained model = new Trained(f, m, k, p, q);
        if (!Double.isFinite(q)) {
            double max = 0;
            for (double[] row : x) {
                max = Math.max(max, model.spe(row, null));
            }
            model = new Trained(f, m, k, p, max);
        }
        return model;
    }

    /** A fitted PCA model. Immutable. */
    public static final class Trained implements Model<EventSessions>, ExplainsSessions, IntrinsicThreshold {
        private final CountFeatures features;
        private final int m;
        private final int k;
        private final double[] p;
        private final double q;

        Trained(CountFeatures features, int m, int k, double[] p, double q) {
            this.features = features;
            this.m = m;
            this.k = k;
            this.p = p;
            this.q = q;
        }

        /** The dimension of the normal subspace. */
        public int components() {
            return k;
        }

        /** Q_α, the Q-statistic threshold on the SPE. */
        public double qAlpha() {
            return q;
        }

        @Override
        public double threshold() {
            return Math.nextUp(q);
        }

        double spe(double[] x, double[] residual) {
            double[] proj = new double[k];
            for (int j = 0; j < m; j++) {
                double v = x[j];
                if (v != 0) {
                    for (int c = 0; c < k; c++) {
                        proj[c] += v * p[j * k + c];
                    }
                }
            }
            double s = 0;
            for (int j = 0; j < m; j++) {
                double r = x[j];
                for (int c = 0; c < k; c++) {
                    r -= p[j * k + c] * proj[c];
                }
                if (residual != null) {
                    residual[j] = r;
                }
                s += r * r;
            }
            return s;
        }

        @Override
        public Scores score(EventSessions data, Context ctx) {
            double[][] x = features.transform(data);
            double[] out = new double[x.length];
            ctx.parallelFor(x.length, 1024, (from, to) -> {
                for (int i = from; i < to; i++) {
                    out[i] = spe(x[i], null);
                }
            });
            return Scores.of(out);
        }

        @Override
        public List<EventReason> explain(EventSessions data, int i, int limit) {
            Explanations.check(i, data.size(), limit);
            double[] x = features.transform(data.select(new int[] {i}))[0];
            double[] raw = features.rawCounts(data.select(new int[] {i}))[0];
            double[] r = new double[m];
            double spe = spe(x, r);
            double[] w = new double[m];
            for (int j = 0; j < m; j++) {
                w[j] = r[j] * r[j];
            }
            return Explanations.top(w, limit, features::columnName, j -> String.format(Locale.ROOT,
                    "%.0f occurrence(s); %.0f%% of the squared prediction error %.4g (Q threshold %.4g)", raw[j], 100 * w[j] / spe, spe, q));
        }

        @Override
        public Map<String, Tensor> state() {
            Map<String, Tensor> s = new LinkedHashMap<>(features.state("features."));
            s.put("components", Tensor.f64(p, m, k));
            s.put("q", Tensor.f64(new double[] {q}));
            return s;
        }

        /** Rebuilds a model from {@link #state()}. */
        public static Trained restore(Map<String, Tensor> state) {
            CountFeatures f = CountFeatures.restore(state, "features.");
            long[] shape = StateTensors.shape(state, "components", 2);
            if (shape[0] != f.width() || shape[1] < 0 || shape[1] > shape[0]) {
                throw new IllegalArgumentException("model state tensor 'components' has shape [" + shape[0] + ", " + shape[1] + "], expected ["
                        + f.width() + ", k <= " + f.width() + "]");
            }
            int m = (int) shape[0];
            int k = (int) shape[1];
            double[] p = StateTensors.doubles(state, "components", m * k);
            double q = StateTensors.doubles(state, "q", 1)[0];
            if (!(q >= 0) || Double.isInfinite(q)) {
                throw new IllegalArgumentException("model state tensor 'q' = " + q + " must be finite and >= 0");
            }
            return new Trained(f, m, k, p, q);
        }
    }
}
