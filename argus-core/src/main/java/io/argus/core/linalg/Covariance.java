package io.argus.core.linalg;

import io.argus.core.Context;
import io.argus.core.data.Table;

/**
 * Location and covariance estimates over the rows of a row-major {@code double[]} matrix: the sample
 * mean, the maximum-likelihood ("empirical", divided by n) covariance as scikit-learn's
 * {@code empirical_covariance}, and the Ledoit–Wolf shrunk covariance.
 *
 * <p>Ledoit and Wolf, "A well-conditioned estimator for large-dimensional covariance matrices",
 * Journal of Multivariate Analysis 88(2), 2004: Σ̂ = (1 - δ) S + δ μ I with μ = tr(S)/d and the
 * shrinkage δ estimated from the data (lemma 3.2 / theorem 3.4, written as scikit-learn's
 * {@code ledoit_wolf_shrinkage}).
 *
 * <p>Time O(n·d²) for a covariance, memory O(d²) per block of {@value #BLOCK} rows. Sums run over
 * fixed blocks combined in block order, so results do not depend on the thread count.
 */
public final class Covariance {

    /** Rows per block of the parallel accumulations. */
    static final int BLOCK = 2048;

    private Covariance() {
    }

    /** The features of a table as a row-major double matrix (float32 values widened exactly). */
    public static double[] toDoubles(Table t) {
        float[] v = t.values();
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    /** The column means of an n×d matrix (n ≥ 1). */
    public static double[] mean(double[] x, int n, int d) {
        double[] mu = new double[d];
        for (int i = 0; i < n; i++) {
            int off = i * d;
            for (int j = 0; j < d; j++) {
                mu[j] += x[off + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mu[j] /= n;
        }
        return mu;
    }

    /** The column means of the given rows of a matrix with d columns. */
    public static double[] mean(double[] x, int d, int[] rows, int count) {
        double[] mu = new double[d];
        for (int r = 0; r < count; r++) {
            int off = rows[r] * d;
            for (int j = 0; j < d; j++) {
                mu[j] += x[off + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mu[j] /= count;
        }
        return mu;
    }

    /**
     * The scatter matrix Σᵢ (xᵢ - c)(xᵢ - c)ᵀ of an n×d matrix about a centre c, accumulated over fixed
     * blocks of rows in parallel and summed in block order.
     */
    public static double[] scatter(double[] x, int n, int d, double[] centre, Context ctx) {
        int blocks = Math.max(1, (n + BLOCK - 1) / BLOCK);
        double[][] partial = new double[blocks][];
        ctx.parallelFor(n, BLOCK, (from, to) -> partial[from / BLOCK] = scatterRange(x, d, centre, from, to));
        double[] s = new double[d * d];
        for (double[] p : partial) {
            if (p == null) {
                continue;
            }
            for (int k = 0; k < s.length; k++) {
                s[k] += p[k];
            }
        }
        mirrorUpper(s, d);
        return s;
    }

    private static double[] scatterRange(double[] x, int d, double[] centre, int from, int to) {
        double[] s = new double[d * d];
        double[] z = new double[d];
        for (int i = from; i < to; i++) {
            int off = i * d;
            for (int j = 0; j < d; j++) {
                z[j] = x[off + j] - centre[j];
            }
            addOuterUpper(s, z, d);
        }
        return s;
    }

    /**
     * The empirical (maximum-likelihood) covariance of the given rows about their own mean, as
     * scikit-learn's {@code empirical_covariance(X[rows])}; {@code location} receives the mean.
     */
    public static double[] empirical(double[] x, int d, int[] rows, int count, double[] location) {
        double[] mu = mean(x, d, rows, count);
        System.arraycopy(mu, 0, location, 0, d);
        double[] s = new double[d * d];
        double[] z = new double[d];
        for (int r = 0; r < count; r++) {
            int off = rows[r] * d;
            for (int j = 0; j < d; j++) {
                z[j] = x[off + j] - mu[j];
            }
            addOuterUpper(s, z, d);
        }
        mirrorUpper(s, d);
        for (int k = 0; k < s.length; k++) {
            s[k] /= count;
        }
        return s;
    }

    /** The empirical covariance of all n rows about their mean (divided by n). */
    public static double[] empirical(double[] x, int n, int d, double[] mean, Context ctx) {
        double[] s = scatter(x, n, d, mean, ctx);
        for (int k = 0; k < s.length; k++) {
            s[k] /= n;
        }
        return s;
    }

    /**
     * A Ledoit–Wolf estimate.
     *
     * @param covariance the shrunk covariance (1 - shrinkage)·S + shrinkage·(tr S / d)·I, row-major d×d
     * @param shrinkage the estimated shrinkage intensity in [0, 1]
     */
    public record Shrunk(double[] covariance, double shrinkage) {
    }

    /**
     * The Ledoit–Wolf shrunk covariance of an n×d matrix about the given location (the column means for
     * scikit-learn's {@code LedoitWolf().fit(X)}), with the shrinkage of scikit-learn's
     * {@code ledoit_wolf_shrinkage(X - location, assume_centered=True)}:
     * with X centred, S = XᵀX/n, μ = tr(S)/d, β̄ = (Σᵢ‖xᵢ‖⁴/n - ‖S‖²_F)/(n·d),
     * δ = (‖S‖²_F - 2μ tr S + dμ²)/d, shrinkage = min(β̄, δ)/δ (0 when that is 0).
     * For d = 1 the shrinkage is 0 and the covariance is the variance, as in scikit-learn.
     */
    public static Shrunk ledoitWolf(double[] x, int n, int d, double[] location, Context ctx) {
        double[] s = empirical(x, n, d, location, ctx);
        if (d == 1) {
            return new Shrunk(s, 0.0);
        }
        int blocks = Math.max(1, (n + BLOCK - 1) / BLOCK);
        double[] fourth = new double[blocks];
        ctx.parallelFor(n, BLOCK, (from, to) -> {
            double acc = 0;
            for (int i = from; i < to; i++) {
                double sq = 0;
                int off = i * d;
                for (int j = 0; j < d; j++) {
                    double z = x[off + j] - location[j];
                    sq += z * z;
                }
                acc += sq * sq;
            }
            fourth[from / BLOCK] = acc;
        });
        double betaSum = 0;
        for (double f : fourth) {
            betaSum += f;
        }
        double trace = 0;
        for (int j = 0; j < d; j++) {
            trace += s[j * d + j];
        }
        double mu = trace / d;
        double frob = 0;
        for (double v : s) {
            frob += v * v;
        }
        double beta = (betaSum / n - frob) / ((double) d * n);
        double delta = (frob - 2.0 * mu * trace + d * mu * mu) / d;
        beta = Math.min(beta, delta);
        double shrinkage = beta == 0 ? 0 : beta / delta;
        double[] shrunk = new double[d * d];
        for (int k = 0; k < shrunk.length; k++) {
            shrunk[k] = (1.0 - shrinkage) * s[k];
        }
        for (int j = 0; j < d; j++) {
            shrunk[j * d + j] += shrinkage * mu;
        }
        return new Shrunk(shrunk, shrinkage);
    }

    private static void addOuterUpper(double[] s, double[] z, int d) {
        for (int a = 0; a < d; a++) {
            double za = z[a];
            if (za == 0) {
                continue;
            }
            int row = a * d;
            for (int b = a; b < d; b++) {
                s[row + b] += za * z[b];
            }
        }
    }

    private static void mirrorUpper(double[] s, int d) {
        for (int a = 0; a < d; a++) {
            for (int b = a + 1; b < d; b++) {
                s[b * d + a] = s[a * d + b];
            }
        }
    }
}
