package io.argus.tabular.lof;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import java.util.Map;

/** Registers {@link LocalOutlierFactor} as method {@code lof}. */
public final class LofProvider extends BaseMethodProvider<Table, LofParams> {

    public LofProvider() {
        super("lof", "table", Table.class, "Local Outlier Factor: rows less dense than their neighbours are anomalous",
                new Reference("Breunig, Kriegel, Ng, Sander", "LOF: Identifying Density-Based Local Outliers", "ACM SIGMOD", 2000),
                LofParams.class, LofParams.DEFAULTS, true);
    }

    @Override
    public Detector<Table> detector(LofParams params) {
        return new LocalOutlierFactor(params);
    }

    @Override
    public Model<Table> restore(LofParams params, Map<String, Tensor> state) {
        return LocalOutlierFactor.LofModel.restore(params, state);
    }
}
