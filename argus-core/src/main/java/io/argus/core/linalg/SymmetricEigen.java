package io.argus.core.linalg;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The eigen-decomposition A = V diag(λ) Vᵀ of a real symmetric matrix, eigenvalues in descending order,
 * computed with EJML's symmetric QR algorithm (tridiagonalisation, then implicit QR steps).
 *
 * <p>Time O(d³), memory O(d²) for a d×d matrix. Eigenvectors are unit length; their signs are whatever
 * the algorithm gives (callers that need a convention, as {@link Pca} does, fix it themselves).
 */
public final class SymmetricEigen {

    private final int d;
    private final double[] values;
    private final double[] vectors;

    private SymmetricEigen(int d, double[] values, double[] vectors) {
        this.d = d;
        this.values = values;
        this.vectors = vectors;
    }

    /**
     * Decomposes a symmetric d×d matrix given row-major (only its symmetric part is meaningful; the
     * array is not modified).
     *
     * @throws IllegalArgumentException when the array is not d×d or holds a non-finite value
     * @throws IllegalStateException when the iteration does not converge
     */
    public static SymmetricEigen of(double[] a, int d) {
        Matrices.checkSquare(a, d, "matrix");
        DMatrixRMaj m = new DMatrixRMaj(d, d);
        System.arraycopy(a, 0, m.data, 0, d * d);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eig.decompose(m)) {
            throw new IllegalStateException("symmetric eigen-decomposition of a " + d + "x" + d + " matrix did not converge");
        }
        Integer[] order = new Integer[d];
        double[] raw = new double[d];
        for (int k = 0; k < d; k++) {
            order[k] = k;
            raw[k] = eig.getEigenvalue(k).real;
        }
        Arrays.sort(order, (p, q) -> Double.compare(raw[q], raw[p]));
        double[] values = new double[d];
        double[] vectors = new double[d * d];
        for (int k = 0; k < d; k++) {
            values[k] = raw[order[k]];
            DMatrixRMaj v = eig.getEigenVector(order[k]);
            double norm = 0;
            for (int j = 0; j < d; j++) {
                norm += v.data[j] * v.data[j];
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < d; j++) {
                vectors[k * d + j] = v.data[j] / norm;
            }
        }
        return new SymmetricEigen(d, values, vectors);
    }

    /** The matrix dimension d. */
    public int dimension() {
        return d;
    }

    /** Eigenvalue k (0 = largest). */
    public double value(int k) {
        return values[k];
    }

    /** All eigenvalues, descending (a copy). */
    public double[] values() {
        return values.clone();
    }

    /** Eigenvector k as a unit vector of length d (a copy). */
    public double[] vector(int k) {
        return Arrays.copyOfRange(vectors, k * d, (k + 1) * d);
    }

    /** The eigenvectors as the rows of a row-major d×d array, row k for eigenvalue k (a copy). */
    public double[] vectorRows() {
        return vectors.clone();
    }
}
