package io.argus.tabular.mahalanobis;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import java.util.Map;

/** Registers {@link MinCovDetMahalanobis} as method {@code mcd}. */
public final class McdProvider extends BaseMethodProvider<Table, McdParams> {

    public McdProvider() {
        super("mcd", "table", Table.class,
                "squared robust Mahalanobis distance under the Minimum Covariance Determinant estimate (EllipticEnvelope)",
                new Reference("Rousseeuw, Van Driessen", "A Fast Algorithm for the Minimum Covariance Determinant Estimator", "Technometrics",
                        1999),
                McdParams.class, McdParams.DEFAULTS, false);
    }

    @Override
    public Detector<Table> detector(McdParams params) {
        return new MinCovDetMahalanobis(params);
    }

    @Override
    public Model<Table> restore(McdParams params, Map<String, Tensor> state) {
        return MahalanobisModel.restore(state);
    }
}
