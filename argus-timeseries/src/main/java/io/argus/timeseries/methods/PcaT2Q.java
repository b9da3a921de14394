package io.argus.timeseries.methods;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.Scores;
import io.argus.core.data.Series;
import io.argus.core.data.StepChannelScores;
import io.argus.core.linalg.Covariance;
import io.argus.core.linalg.SymmetricEigen;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import io.argus.core.threshold.ControlLimited;
import io.argus.timeseries.prep.Normalizer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * PCA reconstruction with Hotelling's T² and the Q (squared prediction error) statistics, each divided
 * by its control limit: a multivariate, channel-dependent detector of single steps.
 *
 * <p>Jackson and Mudholkar, "Control Procedures for Residuals Associated With Principal Component
 * Analysis", Technometrics 21(3), 1979 (the Q limit); Hotelling, "Multivariate Quality Control", 1947
 * (T²); MacGregor and Kourti, "Statistical process control of multivariate processes", Control
 * Engineering Practice 3(3), 1995 (the combined T²+Q monitoring that SKAB's "T-squared+Q (PCA-based)"
 * baseline, Katser's ControlCharts, runs). This is also TSB-AD-M's "PCA" leader class (reconstruction
 * error of a linear subspace).
 *
 * <p>Fit: standardise each channel on the training part ({@link Normalizer}), eigen-decompose the
 * training covariance (divisor n − 1) and keep the fewest leading components whose share of the
 * variance reaches {@code varianceKept} (default 0.85, as recalled from ControlCharts; not re-checked).
 * For a step z: T² = Σ_{j≤k} (v_jᵀz)²/λ_j and Q = ‖z − Σ_{j≤k} v_j v_jᵀz‖². Limits at level α
 * ({@code alpha} = 0.01): UCL_T² = k(n+1)(n−1)/(n(n−k))·F_{1−α}(k, n−k) (a new observation, phase II);
 * UCL_Q = θ₁[c_α√(2θ₂h₀²)/θ₁ + 1 + θ₂h₀(h₀−1)/θ₁²]^{1/h₀} with θ_i = Σ_{j&gt;k} λ_j^i,
 * h₀ = 1 − 2θ₁θ₃/(3θ₂²) and c_α the standard normal 1−α quantile.
 *
 * <p>Score: max(T²/UCL_T², Q/UCL_Q), so a step is out of control (the classic rule "T² &gt; UCL or
 * Q &gt; UCL") exactly when its score exceeds 1 ({@link #CONTROL_LIMIT}); without discarded components
 * (k = C) Q is identically 0 and only T² counts. Discarded components with numerically zero training
 * variance (training data lying exactly in the principal subspace) enter θ_i at the floor
 * {@link #ZERO_VARIANCE}·Σλ, so UCL_Q is tiny but finite and any residual off that subspace is flagged.
 * Localization: each channel's squared residual over UCL_Q (its share of Q), which names the channel
 * that broke the correlation structure.
 *
 * <p>Time: fit O(n·C² + C³), score O(T·C·k). Memory O(C²).
 */
public final class PcaT2Q implements Detector<Series> {

    /** The score above which a step is out of control (either statistic above its limit). */
    public static final double CONTROL_LIMIT = 1.0;

    /**
     * Share of the total training variance below which an eigenvalue counts as zero: the resolution of
     * a double-precision eigen-decomposition of a covariance of float32 data. A discarded component
     * below it enters the Q limit at this value, never as 0.
     */
    static final double ZERO_VARIANCE = 1e-12;

    private final PcaT2QParams params;

    /** A detector with the given parameters. */
    public PcaT2Q(PcaT2QParams params) {
        this.params = params;
    }

    @Override
    public Model<Series> fit(Series train, Context ctx) {
        int n = train.steps();
        int c = train.channels();
        if (n < c + 2) {
            throw new IllegalArgumentException("pca-t2q needs more training steps than channels + 1: got " + n + " steps for " + c + " channels");
        }
        Normalizer norm = Normalizer.fit(train);
        Series z = norm.apply(train.withoutLabels());
        double[] x = new double[n * c];
        float[] v = z.values();
        for (int i = 0; i < x.length; i++) {
            x[i] = v[i];
        }
        double[] mean = Covariance.mean(x, n, c);
        double[] scatter = Covariance.scatter(x, n, c, mean, ctx);
        for (int i = 0; i < scatter.length; i++) {
            scatter[i] /= (n - 1);
        }
        SymmetricEigen eig = SymmetricEigen.of(scatter, c);
        double total = 0;
        double[] lambda = new double[c];
        for (int j = 0; j < c; j++) {
            lambda[j] = Math.max(0, eig.value(j));
            total += lambda[j];
        }
        if (total <= 0) {
            throw new IllegalArgumentException("pca-t2q: every channel is constant on the training part; nothing to model");
        }
        int k = 0;
        double cum = 0;
        while (k < c && cum < params.varianceKept() * total - 1e-12 * total) {
            cum += lambda[k];
            k++;
        }
        k = Math.max(1, Math.min(k, c));
        while (k > 1 && lambda[k - 1] <= ZERO_VARIANCE * total) {
            k--;
        }
        double[] comps = new double[k * c];
        for (int j = 0; j < k; j++) {
            System.arraycopy(eig.vector(j), 0, comps, j * c, c);
        }
        double[] kept = java.util.Arrays.copyOf(lambda, k);
        double uclT2 = k * (n + 1.0) * (n - 1.0) / (n * (double) (n - k))
                * new FDistribution(k, n - k).inverseCumulativeProbability(1 - params.alpha());
        // A discarded component whose training variance is numerically zero (the training part lies
        // exactly in the principal subspace) is floored at the decomposition's resolution instead of
        // being dropped: as θ → 0 the Jackson–Mudholkar limit tends to 0, so any residual is out of
        // control; ignoring Q there would blind the detector to exactly the correlation breaks it exists
        // to see.
        double floor = ZERO_VARIANCE * total;
        double theta1 = 0;
        double theta2 = 0;
        double theta3 = 0;
        for (int j = k; j < c; j++) {
            double l = Math.max(lambda[j], floor);
            theta1 += l;
            theta2 += l * l;
            theta3 += l * l * l;
        }
        double uclQ;
        if (k == c) {
            uclQ = Double.POSITIVE_INFINITY; // nothing discarded: Q is identically 0 and carries no information
        } else {
            double h0 = 1 - 2 * theta1 * theta3 / (3 * theta2 * theta2);
            double ca = new NormalDistribution().inverseCumulativeProbability(1 - params.alpha());
            double base = ca * Math.sqrt(2 * theta2 * h0 * h0) / theta1 + 1 + theta2 * h0 * (h0 - 1) / (theta1 * theta1);
            uclQ = theta1 * Math.pow(Math.max(base, 1e-12), 1 / h0);
        }
        return new Fitted(norm, mean, comps, kept, uclT2, uclQ);
    }

    /** Restores a model saved by {@link Fitted#state()}. */
    public static Model<Series> restore(Map<String, Tensor> state) {
        Normalizer norm = Normalizer.restore(state, "norm.");
        int c = norm.channels();
        double[] mean = StateTensors.doubles(state, "mean", c);
        double[] lambda = StateTensors.doubles(state, "variances");
        int k = lambda.length;
        double[] comps = StateTensors.doubles(state, "components", k * c);
        double[] limits = StateTensors.doubles(state, "limits", 2);
        return new Fitted(norm, mean, comps, lambda, limits[0], limits[1]);
    }

    /** The standardisation, the principal subspace and the two control limits. */
    static final class Fitted implements Model<Series>, ControlLimited {
        private final Normalizer norm;
        private final double[] mean;
        private final double[] comps;
        private final double[] lambda;
        private final double uclT2;
        private final double uclQ;

        Fitted(Normalizer norm, double[] mean, double[] comps, double[] lambda, double uclT2, double uclQ) {
            this.norm = norm;
            this.mean = mean;
            this.comps = comps;
            this.lambda = lambda;
            this.uclT2 = uclT2;
            this.uclQ = uclQ;
        }

        @Override
        public double controlLimit() {
            return CONTROL_LIMIT;
        }

        /** Number of principal components kept. */
        int components() {
            return lambda.length;
        }

        @Override
        public Scores score(Series data, Context ctx) {
            int c = norm.channels();
            if (data.channels() != c) {
                throw new IllegalArgumentException("pca-t2q: model was fitted on " + c + " channels, the series has " + data.channels());
            }
            int n = data.steps();
            int k = lambda.length;
            float[] v = norm.apply(data.withoutLabels()).values();
            double[] out = new double[n];
            double[] per = new double[n * c];
            ctx.parallelFor(n, 4096, (from, to) -> {
                double[] z = new double[c];
                double[] proj = new double[k];
                for (int t = from; t < to; t++) {
                    for (int j = 0; j < c; j++) {
                        z[j] = v[t * c + j] - mean[j];
                    }
                    double t2 = 0;
                    for (int a = 0; a < k; a++) {
                        double p = 0;
                        for (int j = 0; j < c; j++) {
                            p += comps[a * c + j] * z[j];
                        }
                        proj[a] = p;
                        t2 += lambda[a] > 0 ? p * p / lambda[a] : 0;
                    }
                    double q = 0;
                    for (int j = 0; j < c; j++) {
                        double rec = 0;
                        for (int a = 0; a < k; a++) {
                            rec += comps[a * c + j] * proj[a];
                        }
                        double r = z[j] - rec;
                        q += r * r;
                        per[t * c + j] = Double.isInfinite(uclQ) ? 0 : r * r / uclQ;
                    }
                    out[t] = Math.max(t2 / uclT2, Double.isInfinite(uclQ) ? 0 : q / uclQ);
                }
            });
            return Scores.of(out, new StepChannelScores(n, c, per));
        }

        @Override
        public Map<String, Tensor> state() {
            Map<String, Tensor> s = new LinkedHashMap<>();
            norm.saveTo(s, "norm.");
            s.put("mean", Tensor.f64(mean.clone(), mean.length));
            s.put("components", Tensor.f64(comps.clone(), lambda.length, mean.length));
            s.put("variances", Tensor.f64(lambda.clone(), lambda.length));
            s.put("limits", Tensor.f64(new double[] {uclT2, uclQ}, 2));
            return s;
        }
    }
}
