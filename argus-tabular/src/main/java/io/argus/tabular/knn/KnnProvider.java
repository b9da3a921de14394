package io.argus.tabular.knn;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import java.util.Map;

/** Registers {@link KnnDistance} as method {@code knn}. */
public final class KnnProvider extends BaseMethodProvider<Table, KnnParams> {

    public KnnProvider() {
        super("knn", "table", Table.class, "k-NN distance: rows far from their k nearest neighbours are anomalous",
                new Reference("Ramaswamy, Rastogi, Shim", "Efficient Algorithms for Mining Outliers from Large Data Sets", "ACM SIGMOD", 2000),
                KnnParams.class, KnnParams.DEFAULTS, true);
    }

    @Override
    public Detector<Table> detector(KnnParams params) {
        return new KnnDistance(params);
    }

    @Override
    public Model<Table> restore(KnnParams params, Map<String, Tensor> state) {
        return KnnDistance.KnnModel.restore(params, state);
    }
}
