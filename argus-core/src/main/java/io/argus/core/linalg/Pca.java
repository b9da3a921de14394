package io.argus.core.linalg;

import io.argus.core.Context;
import java.util.Arrays;

/**
 * Principal component analysis of an n×d matrix, with the results scikit-learn's
 * {@code PCA(svd_solver="full")} reports: the column means, the principal axes (unit vectors, largest
 * variance first), the variance along each axis (divided by n - 1) and its share of the total variance.
 *
 * <p>Pearson, "On lines and planes of closest fit to systems of points in space", Philosophical
 * Magazine 2(11), 1901. The axes are the eigenvectors of the scatter matrix of the centred data (the
 * right singular vectors scikit-learn takes from an SVD). Their signs follow scikit-learn 1.2's
 * {@code svd_flip(U, Vt)}: each axis is oriented so that the row with the largest absolute projection
 * onto it projects positively, so results that depend on the sign (PyOD's PCA score) agree.
 *
 * <p>Time O(n·d² + d³), memory O(d²) beyond the input.
 * Eigenvalues far below the largest lose relative accuracy (about ε·λ_max absolute) compared with an
 * SVD of the data itself; they are clamped at 0.
 */
public final class Pca {

    private final int d;
    private final double[] mean;
    private final double[] components;
    private final double[] explainedVariance;
    private final double[] explainedVarianceRatio;

    private Pca(int d, double[] mean, double[] components, double[] explainedVariance, double[] explainedVarianceRatio) {
        this.d = d;
        this.mean = mean;
        this.components = components;
        this.explainedVariance = explainedVariance;
        this.explainedVarianceRatio = explainedVarianceRatio;
    }

    /**
     * Fits the first k principal axes of an n×d row-major matrix.
     *
     * @param k how many axes to keep, 1..min(n, d)
     * @throws IllegalArgumentException when n &lt; 2 or k is out of range
     */
    public static Pca fit(double[] x, int n, int d, int k, Context ctx) {
        if (n < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 rows, got " + n);
        }
        int max = Math.min(n, d);
        if (k < 1 || k > max) {
            throw new IllegalArgumentException("number of components = " + k + " is out of range for " + n + " rows and " + d
                    + " columns; allowed: [1, " + max + "]");
        }
        double[] mean = Covariance.mean(x, n, d);
        double[] scatter = Covariance.scatter(x, n, d, mean, ctx);
        double trace = 0;
        for (int j = 0; j < d; j++) {
            trace += scatter[j * d + j];
        }
        SymmetricEigen eig = SymmetricEigen.of(scatter, d);
        double[] comps = Arrays.copyOf(eig.vectorRows(), k * d);
        double[] var = new double[k];
        double[] ratio = new double[k];
        double totalVar = trace / (n - 1);
        for (int c = 0; c < k; c++) {
            var[c] = Math.max(0.0, eig.value(c)) / (n - 1);
            ratio[c] = totalVar > 0 ? var[c] / totalVar : 0.0;
        }
        flipSigns(x, n, d, mean, comps, k);
        return new Pca(d, mean, comps, var, ratio);
    }

    /** svd_flip(u_based_decision=True): the row with the largest |projection| (first such row) projects positively. */
    private static void flipSigns(double[] x, int n, int d, double[] mean, double[] comps, int k) {
        double[] best = new double[k];
        double[] bestSigned = new double[k];
        double[] z = new double[d];
        for (int i = 0; i < n; i++) {
            int off = i * d;
            for (int j = 0; j < d; j++) {
                z[j] = x[off + j] - mean[j];
            }
            for (int c = 0; c < k; c++) {
                double p = 0;
                int base = c * d;
                for (int j = 0; j < d; j++) {
                    p += z[j] * comps[base + j];
                }
                if (Math.abs(p) > best[c]) {
                    best[c] = Math.abs(p);
                    bestSigned[c] = p;
                }
            }
        }
        for (int c = 0; c < k; c++) {
            if (bestSigned[c] < 0) {
                for (int j = 0; j < d; j++) {
                    comps[c * d + j] = -comps[c * d + j];
                }
            }
        }
    }

    /** The number of columns d. */
    public int dimension() {
        return d;
    }

    /** The number of axes kept. */
    public int components() {
        return explainedVariance.length;
    }

    /** The column means (a copy). */
    public double[] mean() {
        return mean.clone();
    }

    /** The axes as rows of a row-major k×d array, largest variance first (a copy). */
    public double[] componentRows() {
        return components.clone();
    }

    /** The variance along each axis, divided by n - 1 (a copy). */
    public double[] explainedVariance() {
        return explainedVariance.clone();
    }

    /** Each axis's share of the total variance (a copy). */
    public double[] explainedVarianceRatio() {
        return explainedVarianceRatio.clone();
    }
}
