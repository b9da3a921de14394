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
 * baseline, Katser's ControlCharts ({@code core/t2.py} in github.com/waico/SKAB), runs). This is also
 * TSB-AD-M's "PCA" leader class (reconstruction error of a linear subspace).
 *
 * <p>Fit: standardise each channel on the training part ({@link Normalizer}, scikit-learn's
 * {@code StandardScaler} as SKAB uses it), eigen-decompose the training covariance (divisor n − 1) and
 * keep the fewest leading components whose share of the variance reaches {@code varianceKept} (default
 * 0.85, SKAB's {@code explained_variance}). For a step z: T² = Σ_{j≤k} (v_jᵀz)²/λ_j (SKAB: t'·inv(cov of
 * the training scores)·t, the same number since the scores' covariance is diag(λ)) and
 * Q = ‖z − Σ_{j≤k} v_j v_jᵀz‖² (SKAB: x'(I − PP')x). Limits at level α ({@code alpha}, default 0.01):
 * UCL_T² = k(n+1)(n−1)/(n(n−k))·F_{1−α}(k, n−k) (a new observation, phase II; SKAB's {@code _t2_ucl}
 * uses the same formula but finds the F quantile on a 10,000-point grid of [0, 15], here it is exact);
 * with {@code qlimit=textbook}, UCL_Q = θ₁[c_α√(2θ₂h₀²)/θ₁ + 1 + θ₂h₀(h₀−1)/θ₁²]^{1/h₀} with
 * θ_i = Σ_{j&gt;k} λ_j^i, h₀ = 1 − 2θ₁θ₃/(3θ₂²) and c_α the standard normal 1−α quantile; with
 * {@code qlimit=skab}, SKAB's variant θ_i = (Σ_{j&gt;k} λ_j)^i (so h₀ = 1/3) and
 * UCL_Q = θ₁(1 + c_α h₀√(2θ₂)/θ₁ + θ₂h₀(h₀−1)/θ₁²)^{1/h₀} (see {@link PcaT2QParams.QLimit}).
 *
 * <p>Score: with {@code smooth} = w &gt; 1, T² and Q are each replaced by their trailing rolling median
 * over the last w steps of the scored series (SKAB's {@code predict(..., window_size=5)}: pandas
 * {@code rolling(w).median()}); the first w − 1 steps have no full window, SKAB leaves them undefined and
 * unflagged, and they score 0 here. The score is max(T²/UCL_T², Q/UCL_Q), so a step is out of control
 * (the classic rule "T² &gt; UCL or Q &gt; UCL") exactly when its score exceeds 1 ({@link #CONTROL_LIMIT});
 * without discarded components (k = C) Q is identically 0 and only T² counts. Discarded components with
 * numerically zero training variance (training data lying exactly in the principal subspace) enter θ_i
 * at the floor {@link #ZERO_VARIANCE}·Σλ, so UCL_Q is tiny but finite and any residual off that subspace
 * is flagged. Localization: each channel's squared residual over UCL_Q (its share of the unsmoothed Q),
 * which names the channel that broke the correlation structure.
 *
 * <p>Time: fit O(n·C² + C³), score O(T·C·k + T·w log w). Memory O(C²).
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
            double ca = new NormalDistribution().inverseCumulativeProbability(1 - params.alpha());
            uclQ = switch (params.qlimit()) {
                case TEXTBOOK -> jacksonMudholkar(theta1, theta2, theta3, ca);
                case SKAB -> skabQLimit(theta1, ca);
            };
        }
        return new Fitted(norm, mean, comps, kept, uclT2, uclQ, params.smooth());
    }

    /** Jackson and Mudholkar's limit from θ_i = Σ λ_j^i over the discarded eigenvalues. */
    static double jacksonMudholkar(double theta1, double theta2, double theta3, double ca) {
        double h0 = 1 - 2 * theta1 * theta3 / (3 * theta2 * theta2);
        double base = ca * Math.sqrt(2 * theta2 * h0 * h0) / theta1 + 1 + theta2 * h0 * (h0 - 1) / (theta1 * theta1);
        return theta1 * Math.pow(Math.max(base, 1e-12), 1 / h0);
    }

    /**
     * SKAB's limit ({@code core/t2.py}, {@code _q_ucl}): θ_i = S^i with S the sum of the discarded
     * eigenvalues, then the Jackson–Mudholkar expression as SKAB writes it (c_α·h₀·√(2θ₂), not
     * c_α·√(2θ₂h₀²)). With these θ, h₀ = 1 − 2S⁴/(3S⁴) = 1/3 and the limit is
     * S·(1 + c_α√2/3 − 2/9)³, linear in S.
     */
    static double skabQLimit(double residualSum, double ca) {
        double t1 = residualSum;
        double t2 = residualSum * residualSum;
        double t3 = t2 * residualSum;
        double h0 = 1 - 2 * t1 * t3 / (3 * t2 * t2);
        return t1 * Math.pow(1 + ca * h0 * Math.sqrt(2 * t2) / t1 + t2 * h0 * (h0 - 1) / (t1 * t1), 1 / h0);
    }

    /**
     * Trailing rolling median of window w (pandas' {@code Series.rolling(w).median()}): out[t] is the
     * median of x[t−w+1..t] (the mean of the two middle values when w is even), NaN for t &lt; w − 1. w = 1
     * returns a copy. O(T·w log w).
     */
    static double[] trailingMedian(double[] x, int w) {
        if (w == 1) {
            return x.clone();
        }
        double[] out = new double[x.length];
        double[] buf = new double[w];
        for (int t = 0; t < x.length; t++) {
            if (t < w - 1) {
                out[t] = Double.NaN;
                continue;
            }
            System.arraycopy(x, t - w + 1, buf, 0, w);
            java.util.Arrays.sort(buf);
            out[t] = (w & 1) == 1 ? buf[w / 2] : 0.5 * (buf[w / 2 - 1] + buf[w / 2]);
        }
        return out;
    }

    /** Restores a model saved by {@link Fitted#state()} with the default (no) smoothing. */
    public static Model<Series> restore(Map<String, Tensor> state) {
        return restore(PcaT2QParams.DEFAULTS, state);
    }

    /** Restores a model saved by {@link Fitted#state()}; the smoothing window comes from the parameters. */
    public static Model<Series> restore(PcaT2QParams params, Map<String, Tensor> state) {
        Normalizer norm = Normalizer.restore(state, "norm.");
        int c = norm.channels();
        double[] mean = StateTensors.doubles(state, "mean", c);
        double[] lambda = StateTensors.doubles(state, "variances");
        int k = lambda.length;
        double[] comps = StateTensors.doubles(state, "components", k * c);
        double[] limits = StateTensors.doubles(state, "limits", 2);
        return new Fitted(norm, mean, comps, lambda, limits[0], limits[1], params.smooth());
    }

    /** The standardisation, the principal subspace and the two control limits. */
    static final class Fitted implements Model<Series>, ControlLimited {
        private final Normalizer norm;
        private final double[] mean;
        private final double[] comps;
        private final double[] lambda;
        private final double uclT2;
        private final double uclQ;
        private final int smooth;

        Fitted(Normalizer norm, double[] mean, double[] comps, double[] lambda, double uclT2, double uclQ, int smooth) {
            this.norm = norm;
            this.mean = mean;
            this.comps = comps;
            this.lambda = lambda;
            this.uclT2 = uclT2;
            this.uclQ = uclQ;
            this.smooth = smooth;
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
            double[] t2s = new double[n];
            double[] qs = new double[n];
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
                    t2s[t] = t2;
                    qs[t] = q;
                }
            });
            double[] t2m = trailingMedian(t2s, smooth);
            double[] qm = trailingMedian(qs, smooth);
            double[] out = new double[n];
            for (int t = 0; t < n; t++) {
                // NaN: no full window yet (SKAB leaves the step undefined, hence unflagged)
                out[t] = Double.isNaN(t2m[t]) ? 0 : Math.max(t2m[t] / uclT2, Double.isInfinite(uclQ) ? 0 : qm[t] / uclQ);
            }
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
