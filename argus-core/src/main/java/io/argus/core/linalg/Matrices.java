package io.argus.core.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * Small dense operations on symmetric matrices stored row-major in a {@code double[]}: the
 * pseudo-inverse as SciPy's {@code pinvh}, the log-determinant as scikit-learn's {@code fast_logdet},
 * and the quadratic form of a Mahalanobis distance.
 *
 * <p>Time O(d³) for {@link #pinvh} and {@link #logDet}, O(d²) for {@link #quadraticForm}.
 */
public final class Matrices {

    private static final double EPS = Math.ulp(1.0);

    private Matrices() {
    }

    /**
     * The Moore–Penrose pseudo-inverse of a symmetric matrix through its eigen-decomposition, as SciPy's
     * {@code linalg.pinvh} with its default cut-off: eigenvalues with |λ| ≤ d·ε·max|λ| are treated as zero.
     */
    public static double[] pinvh(double[] a, int d) {
        SymmetricEigen eig = SymmetricEigen.of(a, d);
        double maxAbs = 0;
        for (int k = 0; k < d; k++) {
            maxAbs = Math.max(maxAbs, Math.abs(eig.value(k)));
        }
        double cutoff = maxAbs * d * EPS;
        double[] v = eig.vectorRows();
        double[] out = new double[d * d];
        for (int k = 0; k < d; k++) {
            double lambda = eig.value(k);
            if (!(Math.abs(lambda) > cutoff)) {
                continue;
            }
            double inv = 1.0 / lambda;
            int base = k * d;
            for (int i = 0; i < d; i++) {
                double vi = v[base + i] * inv;
                if (vi == 0) {
                    continue;
                }
                int row = i * d;
                for (int j = 0; j < d; j++) {
                    out[row + j] += vi * v[base + j];
                }
            }
        }
        symmetrise(out, d);
        return out;
    }

    /**
     * The inverse of a symmetric matrix: through its Cholesky factor when the matrix is positive definite
     * and clearly well-conditioned (max Lᵢᵢ² / min Lᵢᵢ² &lt; 10⁸, far from {@link #pinvh}'s cut-off, so both
     * agree to rounding), else {@link #pinvh}. About ten times faster than an eigen-decomposition.
     */
    public static double[] inverse(double[] a, int d) {
        checkSquare(a, d, "matrix");
        DMatrixRMaj m = new DMatrixRMaj(d, d);
        System.arraycopy(a, 0, m.data, 0, d * d);
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(d, true);
        if (chol.decompose(m)) {
            DMatrixRMaj l = chol.getT(null);
            double min = Double.POSITIVE_INFINITY;
            double max = 0;
            for (int i = 0; i < d; i++) {
                double p = l.get(i, i) * l.get(i, i);
                min = Math.min(min, p);
                max = Math.max(max, p);
            }
            if (min > 0 && max / min < 1e8) {
                DMatrixRMaj inv = new DMatrixRMaj(d, d);
                LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(d);
                DMatrixRMaj copy = new DMatrixRMaj(d, d);
                System.arraycopy(a, 0, copy.data, 0, d * d);
                if (solver.setA(copy)) {
                    solver.invert(inv);
                    double[] out = inv.data;
                    symmetrise(out, d);
                    boolean finite = true;
                    for (double v : out) {
                        finite &= Double.isFinite(v);
                    }
                    if (finite) {
                        return out;
                    }
                }
            }
        }
        return pinvh(a, d);
    }

    /**
     * log det(A) of a symmetric matrix, or -∞ when A is not positive definite (as scikit-learn's
     * {@code fast_logdet}, which returns -∞ whenever the determinant's sign is not positive). Computed
     * from a Cholesky factorisation.
     */
    public static double logDet(double[] a, int d) {
        checkSquare(a, d, "matrix");
        DMatrixRMaj m = new DMatrixRMaj(d, d);
        System.arraycopy(a, 0, m.data, 0, d * d);
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(d, true);
        if (!chol.decompose(m)) {
            return Double.NEGATIVE_INFINITY;
        }
        DMatrixRMaj l = chol.getT(null);
        double sum = 0;
        for (int i = 0; i < d; i++) {
            double lii = l.get(i, i);
            if (!(lii > 0)) {
                return Double.NEGATIVE_INFINITY;
            }
            sum += Math.log(lii);
        }
        return 2 * sum;
    }

    /**
     * (x - μ)ᵀ P (x - μ) for row {@code row} of a row-major matrix {@code x} with d columns.
     *
     * @param scratch a work array of length d (overwritten)
     */
    public static double quadraticForm(double[] x, int row, int d, double[] mu, double[] p, double[] scratch) {
        int off = row * d;
        for (int j = 0; j < d; j++) {
            scratch[j] = x[off + j] - mu[j];
        }
        return quadraticForm(scratch, d, p);
    }

    /** zᵀ P z for a vector z of length d. */
    public static double quadraticForm(double[] z, int d, double[] p) {
        double sum = 0;
        for (int i = 0; i < d; i++) {
            double zi = z[i];
            if (zi == 0) {
                continue;
            }
            int row = i * d;
            double acc = 0;
            for (int j = 0; j < d; j++) {
                acc += p[row + j] * z[j];
            }
            sum += zi * acc;
        }
        return sum;
    }

    /** Replaces A by (A + Aᵀ) / 2, removing rounding asymmetry. */
    static void symmetrise(double[] a, int d) {
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                double m = 0.5 * (a[i * d + j] + a[j * d + i]);
                a[i * d + j] = m;
                a[j * d + i] = m;
            }
        }
    }

    static void checkSquare(double[] a, int d, String what) {
        if (d < 1 || a.length != (long) d * d) {
            throw new IllegalArgumentException(what + " must be " + d + "x" + d + " (" + ((long) d * d) + " values), got " + a.length);
        }
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                throw new IllegalArgumentException(what + " holds a non-finite value " + a[i] + " at row " + (i / d) + ", column " + (i % d));
            }
        }
    }
}
