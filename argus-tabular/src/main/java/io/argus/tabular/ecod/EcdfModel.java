package io.argus.tabular.ecod;

import io.argus.core.Context;
import io.argus.core.Fit;
import io.argus.core.Model;
import io.argus.core.Scores;
import io.argus.core.data.Table;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import io.argus.tabular.explain.FeatureContributions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fitted state ECOD and COPOD share: each training column sorted, so that the empirical left and
 * right tail probabilities of any value are two binary searches, and the sign of each column's
 * skewness. The two methods differ only in how they combine a value's tail terms ({@link Rule}).
 *
 * <p>For a value x of feature j, with n training rows, the tail terms are U_l = −log F_l(x) and
 * U_r = −log F_r(x), where F_l(x) = #{training values ≤ x} / n and F_r(x) = #{training values ≥ x} / n
 * (PyOD's {@code ECDF(X)} and {@code ECDF(-X)}). The skewness-corrected term is U_l for a column with
 * negative skewness, U_r for a positive one and U_l + U_r for zero skewness (PyOD's
 * {@code U_l·(−sign(s−1)) + U_r·sign(s+1)}); a constant column has skewness 0, as PyOD's
 * {@code nan_to_num(skew(X))} makes it. The score of a row is the sum of its per-feature terms, which
 * {@link #contributions} returns.
 *
 * <p>In-sample scores ({@link #fitScore}) use the empirical CDFs of the training rows, which contain
 * each row once: PyOD's {@code decision_scores_}. A new row is scored against the training columns with
 * itself added once, F_l(x) = (#{training ≤ x} + 1) / (n + 1), and likewise F_r, so a value beyond the
 * training range gets a finite term log(n + 1). That is PyOD's {@code decision_function} called on that
 * row alone (PyOD concatenates the training rows and the rows it scores), except that the skewness
 * signs stay those of the training data, where PyOD recomputes them on the concatenation; scores of a
 * row therefore never depend on the other rows scored with it.
 *
 * <p>Time: fit O(d n log n) (one sort per column), scoring O(m d log n) for m rows. Memory: the sorted
 * training columns (n·d floats).
 */
public final class EcdfModel implements Model<Table>, FeatureContributions {

    /** How the left, right and skewness-corrected tail terms of one feature become its term of the score. */
    public enum Rule {
        /** ECOD (PyOD's {@code ECOD}): max(U_l, U_r, U_skew). */
        ECOD("ecod") {
            @Override
            double term(double left, double right, int skewSign) {
                return Math.max(skewed(left, right, skewSign), Math.max(left, right));
            }
        },
        /** COPOD (PyOD's {@code COPOD}): max(U_skew, (U_l + U_r) / 2). */
        COPOD("copod") {
            @Override
            double term(double left, double right, int skewSign) {
                return Math.max(skewed(left, right, skewSign), (left + right) / 2);
            }
        };

        private final String method;

        Rule(String method) {
            this.method = method;
        }

        abstract double term(double left, double right, int skewSign);

        private static double skewed(double left, double right, int skewSign) {
            return skewSign < 0 ? left : skewSign > 0 ? right : left + right;
        }
    }

    private final Rule rule;
    private final int n;
    private final int d;
    /** Column-major: column j is sorted[j·n, (j+1)·n), ascending. */
    private final float[] sorted;
    private final int[] skewSign;

    private EcdfModel(Rule rule, int n, int d, float[] sorted) {
        this.rule = rule;
        this.n = n;
        this.d = d;
        this.sorted = sorted;
        this.skewSign = new int[d];
        for (int j = 0; j < d; j++) {
            skewSign[j] = skewSign(sorted, j * n, n);
        }
    }

    /**
     * Fits the sorted training columns.
     *
     * @throws IllegalArgumentException when {@code train} has no rows
     */
    public static EcdfModel fit(Table train, Rule rule, Context ctx) {
        int n = train.rows();
        int d = train.cols();
        if (n < 1) {
            throw new IllegalArgumentException(rule.method + " needs at least 1 training row, got 0");
        }
        float[] v = train.values();
        float[] sorted = new float[d * n];
        ctx.parallelFor(d, 1, (from, to) -> {
            for (int j = from; j < to; j++) {
                int off = j * n;
                for (int i = 0; i < n; i++) {
                    sorted[off + i] = v[i * d + j];
                }
                Arrays.sort(sorted, off, off + n);
            }
        });
        return new EcdfModel(rule, n, d, sorted);
    }

    /** Fits and scores the training rows in-sample (PyOD's {@code decision_scores_}). */
    public static Fit<Table> fitScore(Table train, Rule rule, Context ctx) {
        long t0 = System.nanoTime();
        EcdfModel model = fit(train, rule, ctx);
        long t1 = System.nanoTime();
        Scores scores = Scores.of(model.scoreRows(train, true, ctx));
        return new Fit<>(model, scores, t1 - t0, System.nanoTime() - t1);
    }

    /** The combination rule (ECOD or COPOD). */
    public Rule rule() {
        return rule;
    }

    @Override
    public Scores score(Table data, Context ctx) {
        data.requireColumns(d);
        return Scores.of(scoreRows(data, false, ctx));
    }

    @Override
    public double[] contributions(Table rows, int row) {
        rows.requireColumns(d);
        FeatureContributions.checkRow(rows, row);
        double[] terms = new double[d];
        rowScore(rows.values(), row * d, false, terms);
        return terms;
    }

    private double[] scoreRows(Table data, boolean inSample, Context ctx) {
        int m = data.rows();
        float[] v = data.values();
        double[] out = new double[m];
        ctx.parallelFor(m, 1024, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = rowScore(v, i * d, inSample, null);
            }
        });
        return out;
    }

    private double rowScore(float[] v, int base, boolean inSample, double[] terms) {
        double sum = 0;
        for (int j = 0; j < d; j++) {
            int off = j * n;
            float x = v[base + j];
            int atMost = upperBound(sorted, off, n, x);
            int atLeast = n - lowerBound(sorted, off, n, x);
            double left;
            double right;
            if (inSample) {
                left = -Math.log((double) atMost / n);
                right = -Math.log((double) atLeast / n);
            } else {
                left = -Math.log((atMost + 1.0) / (n + 1.0));
                right = -Math.log((atLeast + 1.0) / (n + 1.0));
            }
            double term = rule.term(left, right, skewSign[j]);
            if (terms != null) {
                terms[j] = term;
            }
            sum += term;
        }
        return sum;
    }

    /** Number of values ≤ x in a[off, off+len) (numpy's searchsorted side='right'). */
    private static int upperBound(float[] a, int off, int len, float x) {
        int lo = 0;
        int hi = len;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[off + mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Number of values < x in a[off, off+len) (numpy's searchsorted side='left'). */
    private static int lowerBound(float[] a, int off, int len, float x) {
        int lo = 0;
        int hi = len;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[off + mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The sign of the population skewness m3 / m2^1.5 of a sorted column, 0 for a constant one. It is
     * computed from the sorted values, so it does not depend on the order of the training rows, and a
     * restored model recomputes exactly the same signs.
     */
    private static int skewSign(float[] a, int off, int len) {
        if (a[off] == a[off + len - 1]) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < len; i++) {
            sum += a[off + i];
        }
        double mean = sum / len;
        double m3 = 0;
        for (int i = 0; i < len; i++) {
            double c = a[off + i] - mean;
            m3 += c * c * c;
        }
        return m3 > 0 ? 1 : m3 < 0 ? -1 : 0;
    }

    @Override
    public Map<String, Tensor> state() {
        Map<String, Tensor> s = new LinkedHashMap<>();
        s.put("sorted", Tensor.f32(sorted, d, n));
        return s;
    }

    /**
     * Rebuilds a model from {@link #state()}: tensor {@code sorted} of shape [d, n], each row ascending.
     *
     * @throws IllegalArgumentException naming the tensor and the first column out of order
     */
    public static EcdfModel restore(Rule rule, Map<String, Tensor> state) {
        long[] shape = StateTensors.shape(state, "sorted", 2);
        if (shape[0] < 1 || shape[1] < 1 || shape[0] * shape[1] > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("model state tensor 'sorted' has an unusable shape [" + shape[0] + ", " + shape[1] + "]");
        }
        int d = (int) shape[0];
        int n = (int) shape[1];
        float[] sorted = StateTensors.floats(state, "sorted", d * n);
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < n; i++) {
                float x = sorted[j * n + i];
                if (!Float.isFinite(x) || (i > 0 && x < sorted[j * n + i - 1])) {
                    throw new IllegalArgumentException("model state tensor 'sorted': column " + j + " is not finite and ascending at index " + i);
                }
            }
        }
        return new EcdfModel(rule, n, d, sorted);
    }
}
