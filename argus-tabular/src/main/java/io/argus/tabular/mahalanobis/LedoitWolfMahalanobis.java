package io.argus.tabular.mahalanobis;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.core.linalg.Covariance;
import io.argus.core.linalg.Matrices;
import java.util.Objects;

/**
 * Squared Mahalanobis distance to the mean under the Ledoit–Wolf shrunk covariance, as scikit-learn's
 * {@code LedoitWolf().fit(X).mahalanobis(X)}.
 *
 * <p>Ledoit and Wolf, "A well-conditioned estimator for large-dimensional covariance matrices", Journal
 * of Multivariate Analysis 88(2), 2004: the sample covariance S is shrunk towards μI (μ = tr S / d) by
 * the intensity that minimises the expected Frobenius loss, which keeps the estimate invertible even
 * when d approaches n (see {@link Covariance#ledoitWolf}). The precision is its inverse (SciPy's
 * {@code pinvh}, which scikit-learn uses, where the matrix is near singular; see {@link Matrices#inverse}).
 * Not robust: anomalies in the training data inflate the covariance (use {@code mcd}).
 *
 * <p>The score is (x − μ)ᵀ Σ̂⁻¹ (x − μ) ≥ 0, higher = more anomalous; see {@link MahalanobisModel}.
 * Time: fit O(n·d² + d³), score O(d²) per row. Memory O(d²) beyond the data's double copy.
 */
public final class LedoitWolfMahalanobis implements Detector<Table> {

    /** A detector (Ledoit–Wolf has no parameters). */
    public LedoitWolfMahalanobis(MahalanobisParams params) {
        Objects.requireNonNull(params, "params");
    }

    @Override
    public Model<Table> fit(Table train, Context ctx) {
        int n = train.rows();
        int d = train.cols();
        if (n < 2) {
            throw new IllegalArgumentException("Mahalanobis distance needs at least 2 training rows, got " + n);
        }
        double[] x = Covariance.toDoubles(train);
        double[] location = Covariance.mean(x, n, d);
        Covariance.Shrunk shrunk = Covariance.ledoitWolf(x, n, d, location, ctx);
        return new MahalanobisModel(d, location, Matrices.inverse(shrunk.covariance(), d));
    }
}
