package io.argus.tabular.mahalanobis;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import java.util.Map;

/** Registers {@link LedoitWolfMahalanobis} as method {@code mahalanobis}. */
public final class MahalanobisProvider extends BaseMethodProvider<Table, MahalanobisParams> {

    public MahalanobisProvider() {
        super("mahalanobis", "table", Table.class,
                "squared Mahalanobis distance to the mean under the Ledoit-Wolf shrunk covariance",
                new Reference("Ledoit, Wolf", "A well-conditioned estimator for large-dimensional covariance matrices",
                        "Journal of Multivariate Analysis", 2004),
                MahalanobisParams.class, MahalanobisParams.DEFAULTS, true);
    }

    @Override
    public Detector<Table> detector(MahalanobisParams params) {
        return new LedoitWolfMahalanobis(params);
    }

    @Override
    public Model<Table> restore(MahalanobisParams params, Map<String, Tensor> state) {
        return MahalanobisModel.restore(state);
    }
}
