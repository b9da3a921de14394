package io.argus.timeseries.methods;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.Scores;
import io.argus.core.data.Series;
import io.argus.core.data.StepChannelScores;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import io.argus.core.threshold.ControlLimited;
import io.argus.timeseries.prep.Normalizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MSET, the Multivariate State Estimation Technique: a memory of normal states estimates every new
 * step as a similarity-weighted combination of those states, and a step that the memory cannot
 * reproduce is anomalous.
 *
 * <p>Gross, Singer, Wegerich, Herzog, VanAlstine and Bockhorst, "Application of a Model-Based Fault
 * Detection System to Nuclear Plant Signals", ISAP 1997 (the estimator); the similarity operator, the
 * scaling and the alarm rule are those of SKAB's MSET baseline (github.com/waico/SKAB, {@code core/MSET.py}
 * and {@code notebooks/MSET.ipynb}), which this class reproduces.
 *
 * <p>Fit: standardise each channel on the training part ({@link Normalizer}, scikit-learn's
 * {@code StandardScaler}); the memory matrix D holds the standardised training steps as its m columns
 * (states). Similarity s(x, y) = 1 if x = y, else 1 − ‖x − y‖ / (‖x‖ + ‖y‖) (Euclidean norms);
 * G = D ⊗ D, the m × m matrix of s between states, LU-factorised once (partial pivoting; a singular G is a
 * clear error). Exactly repeated training steps are kept once: a repeated state only duplicates a row and a
 * column of G, making it singular without changing the estimate D·w (it depends on the duplicates' summed
 * weight only). A training part longer than {@code maxStates} steps is subsampled evenly (steps
 * ⌊i·n/maxStates⌋), which is logged.
 *
 * <p>Score of a step x (original units): w = G⁻¹(D ⊗ x̃) with x̃ the standardised step, estimate
 * x̂ = D·w mapped back to original units, relative error e = ‖x − x̂‖ / ‖x̂‖, then SKAB's centred moving
 * mean of window W ({@code window}, default 60): the mean of e over offsets −(W−⌈W/2⌉) … ⌈W/2⌉−1 around
 * the step, ignoring positions outside the scored series. The model is {@link ControlLimited}: a step is
 * flagged when its score exceeds {@code limit} (SKAB's UCL 0.01). Localization: each channel's share
 * |x_j − x̂_j| / ‖x̂‖, smoothed the same way (a channel's value never exceeds the step's score).
 *
 * <p>Time: fit O(n·m·C + m³) (similarities, LU), score O(T·m·C). Memory O(m²) at fit, O(m·C) after.
 */
public final class Mset implements Detector<Series> {

    private static final Logger LOG = LoggerFactory.getLogger(Mset.class);

    /**
     * The double-precision epsilon. G's diagonal is 1; an LU pivot below m·ε (the rounding a column of m
     * similarities accumulates) means G is singular to working precision.
     */
    static final double SINGULAR_PIVOT = Math.ulp(1.0);

    private final MsetParams params;

    /** A detector with the given parameters. */
    public Mset(MsetParams params) {
        this.params = params;
    }

    @Override
    public Model<Series> fit(Series train, Context ctx) {
        int n = train.steps();
        int c = train.channels();
        if (n < 1) {
            throw new IllegalArgumentException("mset needs at least 1 training step, got 0");
        }
        Normalizer norm = Normalizer.fit(train);
        float[] v = train.values();
        int[] rows = stateRows(v, n, c, params.maxStates());
        int m = rows.length;
        double[] states = new double[m * c];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < c; j++) {
                states[i * c + j] = (v[rows[i] * c + j] - norm.mean()[j]) / norm.scale()[j];
            }
        }
        double[] norms = rowNorms(states, m, c);
        double[][] g = new double[m][m];
        ctx.parallelFor(m, 64, (from, to) -> {
            for (int a = from; a < to; a++) {
                for (int b = 0; b < m; b++) {
                    g[a][b] = similarity(states, a * c, norms[a], states, b * c, norms[b], c);
                }
            }
        });
        double[] weights = solve(g, states, m, c);
        return new Fitted(norm, states, weights, params);
    }

    /**
     * The training steps that become states: every distinct step, or when there are more than
     * {@code maxStates} steps, the evenly spaced steps ⌊i·n/maxStates⌋ (distinct ones).
     */
    static int[] stateRows(float[] v, int n, int c, int maxStates) {
        int take = Math.min(n, maxStates);
        if (take < n) {
            LOG.debug("mset: {} training steps exceed maxStates = {}; keeping {} evenly spaced steps as states", n, maxStates, take);
        }
        Set<Row> seen = new HashSet<>();
        int[] out = new int[take];
        int m = 0;
        for (int i = 0; i < take; i++) {
            int t = (int) ((long) i * n / take);
            if (seen.add(new Row(Arrays.copyOfRange(v, t * c, t * c + c)))) {
                out[m++] = t;
            }
        }
        if (m < take) {
            LOG.debug("mset: {} of {} training states are exact repeats and are kept once", take - m, take);
        }
        return Arrays.copyOf(out, m);
    }

    /** A training step as a hash key (exact float equality). */
    private record Row(float[] v) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Row r && Arrays.equals(v, r.v);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(v);
        }
    }

    /** G⁻¹·S for the m × c matrix S of states (G is symmetric, so this is (S^T G⁻¹)^T, the estimator's map). */
    static double[] solve(double[][] g, double[] states, int m, int c) {
        LUDecomposition lu = new LUDecomposition(new Array2DRowRealMatrix(g, false), SINGULAR_PIVOT * m);
        DecompositionSolver solver = lu.getSolver();
        if (!solver.isNonSingular()) {
            throw new IllegalArgumentException("mset: the " + m + " x " + m + " similarity matrix of the training states is singular "
                    + "(an LU pivot below " + SINGULAR_PIVOT * m + "); the training steps are too alike to be a memory, "
                    + "use a longer or more varied training part");
        }
        RealMatrix rhs = new Array2DRowRealMatrix(m, c);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < c; j++) {
                rhs.setEntry(i, j, states[i * c + j]);
            }
        }
        RealMatrix y = solver.solve(rhs);
        double[] out = new double[m * c];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < c; j++) {
                out[i * c + j] = y.getEntry(i, j);
            }
        }
        return out;
    }

    private static double[] rowNorms(double[] x, int m, int c) {
        double[] out = new double[m];
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = 0; j < c; j++) {
                s += x[i * c + j] * x[i * c + j];
            }
            out[i] = Math.sqrt(s);
        }
        return out;
    }

    /** SKAB's similarity operator: 1 for equal vectors, else 1 − ‖x − y‖ / (‖x‖ + ‖y‖). */
    static double similarity(double[] x, int xo, double xn, double[] y, int yo, double yn, int c) {
        double d = 0;
        for (int j = 0; j < c; j++) {
            double e = x[xo + j] - y[yo + j];
            d += e * e;
        }
        return d == 0 ? 1.0 : 1.0 - Math.sqrt(d) / (xn + yn);
    }

    /**
     * SKAB's centred moving mean ({@code movmean} in {@code notebooks/MSET.ipynb}): out[t] is the mean of
     * x over t−(w−⌈w/2⌉) … t+⌈w/2⌉−1, ignoring positions outside the series (for w = 60: 30 steps back, 29
     * ahead; {@code movmean} stacks w copies shifted right by 0 … w−1 and keeps rows ⌈w/2⌉−1 onwards).
     * O(T) by prefix sums.
     */
    static double[] centredMean(double[] x, int w) {
        int n = x.length;
        double[] prefix = new double[n + 1];
        for (int t = 0; t < n; t++) {
            prefix[t + 1] = prefix[t] + x[t];
        }
        int back = w - (w + 1) / 2;
        int ahead = (w + 1) / 2 - 1;
        double[] out = new double[n];
        for (int t = 0; t < n; t++) {
            int lo = Math.max(0, t - back);
            int hi = Math.min(n - 1, t + ahead);
            out[t] = (prefix[hi + 1] - prefix[lo]) / (hi - lo + 1);
        }
        return out;
    }

    /** Restores a model saved by {@link Fitted#state()}. */
    public static Model<Series> restore(MsetParams params, Map<String, Tensor> state) {
        Normalizer norm = Normalizer.restore(state, "norm.");
        int c = norm.channels();
        double[] states = StateTensors.doubles(state, "states");
        if (states.length == 0 || states.length % c != 0) {
            throw new IllegalArgumentException("mset: tensor states has " + states.length + " values, expected a positive multiple of "
                    + c + " channels");
        }
        double[] weights = StateTensors.doubles(state, "weights", states.length);
        return new Fitted(norm, states, weights, params);
    }

    /** The scaling, the memory of states and the map from similarities to estimates. */
    static final class Fitted implements Model<Series>, ControlLimited {
        private final Normalizer norm;
        private final double[] states;
        private final double[] stateNorms;
        private final double[] weights;
        private final MsetParams params;

        Fitted(Normalizer norm, double[] states, double[] weights, MsetParams params) {
            this.norm = norm;
            this.states = states;
            this.weights = weights;
            this.params = params;
            this.stateNorms = rowNorms(states, states.length / norm.channels(), norm.channels());
        }

        /** Number of states in the memory. */
        int states() {
            return stateNorms.length;
        }

        @Override
        public double controlLimit() {
            return params.limit();
        }

        /** The unsmoothed relative errors and per-channel shares (step-major), for tests. */
        double[][] relativeErrors(Series data, Context ctx) {
            int c = norm.channels();
            if (data.channels() != c) {
                throw new IllegalArgumentException("mset: model was fitted on " + c + " channels, the series has " + data.channels());
            }
            int n = data.steps();
            int m = stateNorms.length;
            double[] mean = norm.mean();
            double[] scale = norm.scale();
            float[] v = data.values();
            double[] rel = new double[n];
            double[] per = new double[n * c];
            ctx.parallelFor(n, 256, (from, to) -> {
                double[] z = new double[c];
                double[] est = new double[c];
                for (int t = from; t < to; t++) {
                    double zn = 0;
                    for (int j = 0; j < c; j++) {
                        z[j] = (v[t * c + j] - mean[j]) / scale[j];
                        zn += z[j] * z[j];
                    }
                    zn = Math.sqrt(zn);
                    Arrays.fill(est, 0);
                    for (int i = 0; i < m; i++) {
                        double s = similarity(states, i * c, stateNorms[i], z, 0, zn, c);
                        for (int j = 0; j < c; j++) {
                            est[j] += weights[i * c + j] * s;
                        }
                    }
                    double en = 0;
                    double err = 0;
                    for (int j = 0; j < c; j++) {
                        est[j] = est[j] * scale[j] + mean[j];
                        en += est[j] * est[j];
                        double e = v[t * c + j] - est[j];
                        err += e * e;
                        per[t * c + j] = Math.abs(e);
                    }
                    // an all-zero estimate leaves the ratio undefined; the smallest normal double keeps it finite
                    double denom = Math.max(Math.sqrt(en), Double.MIN_NORMAL);
                    rel[t] = Math.sqrt(err) / denom;
                    for (int j = 0; j < c; j++) {
                        per[t * c + j] /= denom;
                    }
                }
            });
            return new double[][] {rel, per};
        }

        @Override
        public Scores score(Series data, Context ctx) {
            int c = norm.channels();
            int n = data.steps();
            double[][] raw = relativeErrors(data, ctx);
            double[] out = centredMean(raw[0], params.window());
            double[] per = new double[n * c];
            double[] col = new double[n];
            for (int j = 0; j < c; j++) {
                for (int t = 0; t < n; t++) {
                    col[t] = raw[1][t * c + j];
                }
                double[] sm = centredMean(col, params.window());
                for (int t = 0; t < n; t++) {
                    per[t * c + j] = sm[t];
                }
            }
            return Scores.of(out, new StepChannelScores(n, c, per));
        }

        @Override
        public Map<String, Tensor> state() {
            int c = norm.channels();
            Map<String, Tensor> s = new LinkedHashMap<>();
            norm.saveTo(s, "norm.");
            s.put("states", Tensor.f64(states.clone(), stateNorms.length, c));
            s.put("weights", Tensor.f64(weights.clone(), stateNorms.length, c));
            return s;
        }
    }
}
