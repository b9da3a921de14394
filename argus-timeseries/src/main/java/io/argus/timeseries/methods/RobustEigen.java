package io.argus.timeseries.methods;

import io.argus.core.linalg.SymmetricEigen;

/**
 * A symmetric eigen-decomposition that survives highly degenerate spectra. EJML's symmetric QR
 * iteration can fail to converge on matrices with many equal eigenvalues (a constant series makes
 * similarity or scatter matrices of rank 0 or 1); A + I has the same eigenvectors and eigenvalues
 * shifted by 1, so on failure the decomposition is retried on A + I and the values shifted back.
 *
 * @param decomposition the decomposition of A + shift·I
 * @param shift 0, or 1 when the retry was needed
 */
record RobustEigen(SymmetricEigen decomposition, double shift) {

    static RobustEigen of(double[] a, int n) {
        try {
            return new RobustEigen(SymmetricEigen.of(a, n), 0);
        } catch (IllegalStateException notConverged) {
            double[] t = a.clone();
            for (int i = 0; i < n; i++) {
                t[i * n + i] += 1;
            }
            return new RobustEigen(SymmetricEigen.of(t, n), 1);
        }
    }

    /** The k-th largest eigenvalue of A. */
    double value(int k) {
        return decomposition.value(k) - shift;
    }

    /** The unit eigenvector of the k-th largest eigenvalue. */
    double[] vector(int k) {
        return decomposition.vector(k);
    }
}
