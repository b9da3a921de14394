package io.argus.tabular.knn;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.core.model.Tensor;
import io.argus.core.params.MethodProvider;
import io.argus.core.params.Reference;
import java.util.Map;

/** Registers {@link KnnDistance} as method {@code knn}. */
public final class KnnProvider implements MethodProvider<Table, KnnParams> {

    @Override
    public String name() {
        return "knn";
    }

    @Override
    public String modality() {
        return "table";
    }

    @Override
    public boolean deterministic() {
        return true;
    }

    @Override
    public Class<Table> dataType() {
        return Table.class;
    }

    @Override
    public String summary() {
        return "k-NN distance: rows far from their k nearest neighbours are anomalous";
    }

    @Override
    public Reference paper() {
        return new Reference("Ramaswamy, Rastogi, Shim", "Efficient Algorithms for Mining Outliers from Large Data Sets", "ACM SIGMOD", 2000);
    }

    @Override
    public Class<KnnParams> paramsType() {
        return KnnParams.class;
    }

    @Override
    public KnnParams defaults() {
        return KnnParams.DEFAULTS;
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
