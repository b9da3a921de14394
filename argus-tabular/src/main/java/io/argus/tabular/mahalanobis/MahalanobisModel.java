package io.argus.tabular.mahalanobis;

import io.argus.core.Context;
import io.argus.core.Model;
import io.argus.core.Scores;
import io.argus.core.data.Table;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import io.argus.tabular.explain.FeatureContributions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fitted Gaussian: a location μ and a precision matrix P (the pseudo-inverse of a covariance
 * estimate). A row's score is its squared Mahalanobis distance (x − μ)ᵀ P (x − μ), as scikit-learn's
 * {@code EmpiricalCovariance.mahalanobis} (and minus {@code EllipticEnvelope.score_samples}): 0 at the
 * centre; for Gaussian data with the true parameters it follows χ² with d degrees of freedom.
 *
 * <p>Per-feature contributions ({@link #contributions}) are (x − μ)ᵢ · (P (x − μ))ᵢ, added in column
 * order exactly as the score is; a term is negative when a feature's deviation is partly offset by
 * correlated ones (a large positive term marks a feature off the fitted ellipsoid).
 *
 * <p>Scoring time O(n·d²), memory O(d²).
 */
public final class MahalanobisModel implements Model<Table>, FeatureContributions {

    private static final int BLOCK = 4096;

    private final int d;
    private final double[] location;
    private final double[] precision;

    MahalanobisModel(int d, double[] location, double[] precision) {
        this.d = d;
        this.location = location;
        this.precision = precision;
    }

    @Override
    public Scores score(Table data, Context ctx) {
        data.requireColumns(d);
        int n = data.rows();
        float[] v = data.values();
        double[] out = new double[n];
        ctx.parallelFor(n, BLOCK, (from, to) -> {
            double[] z = new double[d];
            for (int i = from; i < to; i++) {
                for (int j = 0; j < d; j++) {
                    z[j] = v[i * d + j] - location[j];
                }
                double s = 0;
                for (int a = 0; a < d; a++) {
                    s += term(z, a);
                }
                out[i] = s;
            }
        });
        return Scores.of(out);
    }

    /** zₐ · (P z)ₐ: one feature's term; the score adds these in column order, so contributions sum to it exactly. */
    private double term(double[] z, int a) {
        double acc = 0;
        int row = a * d;
        for (int j = 0; j < d; j++) {
            acc += precision[row + j] * z[j];
        }
        return z[a] * acc;
    }

    /**
     * The additive per-feature terms of row {@code row}'s score: (x − μ)ᵢ · (P (x − μ))ᵢ, which added in
     * column order give exactly the score.
     */
    @Override
    public double[] contributions(Table rows, int row) {
        rows.requireColumns(d);
        FeatureContributions.checkRow(rows, row);
        double[] z = new double[d];
        for (int j = 0; j < d; j++) {
            z[j] = rows.get(row, j) - location[j];
        }
        double[] out = new double[d];
        for (int a = 0; a < d; a++) {
            out[a] = term(z, a);
        }
        return out;
    }

    /** The location μ (a copy). */
    public double[] location() {
        return location.clone();
    }

    /** The precision matrix, row-major d×d (a copy). */
    public double[] precision() {
        return precision.clone();
    }

    @Override
    public Map<String, Tensor> state() {
        Map<String, Tensor> s = new LinkedHashMap<>();
        s.put("location", Tensor.f64(location));
        s.put("precision", Tensor.f64(precision, d, d));
        return s;
    }

    /** Rebuilds a model from tensors {@code location} [d] and {@code precision} [d, d]. */
    static MahalanobisModel restore(Map<String, Tensor> state) {
        double[] location = StateTensors.doubles(state, "location");
        int d = location.length;
        if (d < 1) {
            throw new IllegalArgumentException("model state tensor 'location' is empty");
        }
        long[] shape = StateTensors.shape(state, "precision", 2);
        if (shape[0] != d || shape[1] != d) {
            throw new IllegalArgumentException("model state tensor 'precision' has shape [" + shape[0] + ", " + shape[1] + "], expected [" + d
                    + ", " + d + "]");
        }
        double[] precision = StateTensors.doubles(state, "precision", d * d);
        for (int i = 0; i < d * d; i++) {
            if (!Double.isFinite(precision[i]) || (i < d && !Double.isFinite(location[i]))) {
                throw new IllegalArgumentException("model state holds a non-finite value");
            }
        }
        return new MahalanobisModel(d, location, precision);
    }
}
