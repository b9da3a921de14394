package io.argus.tabular.mahalanobis;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.core.linalg.Covariance;
import io.argus.core.linalg.MinCovDet;

/**
 * Squared robust Mahalanobis distance: location and covariance from the Minimum Covariance Determinant
 * estimator, as scikit-learn's {@code EllipticEnvelope} / {@code MinCovDet(...).mahalanobis(X)} and PyOD's
 * {@code MCD}.
 *
 * <p>Rousseeuw and Van Driessen, "A Fast Algorithm for the Minimum Covariance Determinant Estimator",
 * Technometrics 41(3), 1999 (FAST-MCD with C-steps, then the consistency correction and re-weighting
 * scikit-learn applies; see {@link MinCovDet}). Because the estimate is fitted on the majority of rows
 * closest together, anomalies in the training data do not mask themselves. The random starts come from
 * the {@link Context}'s seed, not NumPy's, so scores are close to scikit-learn's but not equal.
 *
 * <p>The score is (x − μ)ᵀ Σ⁻¹ (x − μ) ≥ 0, higher = more anomalous; see {@link MahalanobisModel}.
 * Time: fit O(500·2·300·d² + 50·30·1500·d² + 10·30·n·d²) C-step work plus O(d³) per candidate; score
 * O(d²) per row. Memory O(n·d) (the data's double copy and the distances).
 */
public final class MinCovDetMahalanobis implements Detector<Table> {

    private final McdParams params;

    /** A detector with the given parameters. */
    public MinCovDetMahalanobis(McdParams params) {
        this.params = params;
    }

    @Override
    public Model<Table> fit(Table train, Context ctx) {
        int n = train.rows();
        int d = train.cols();
        if (n < 2) {
            throw new IllegalArgumentException("minimum covariance determinant needs at least 2 training rows, got " + n);
        }
        double[] x = Covariance.toDoubles(train);
        MinCovDet.Estimate e = MinCovDet.fit(x, n, d, params.supportFraction(), ctx);
        return new MahalanobisModel(d, e.location(), e.precision());
    }
}
