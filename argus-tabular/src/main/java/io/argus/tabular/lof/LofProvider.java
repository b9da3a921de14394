package io.argus.tabular.lof;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.core.model.Tensor;
import io.argus.core.params.MethodProvider;
import io.argus.core.params.Reference;
import java.util.Map;

/** Registers {@link LocalOutlierFactor} as method {@code lof}. */
public final class LofProvider implements MethodProvider<Table, LofParams> {

    @Override
    public String name() {
        return "lof";
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
        return "Local Outlier Factor: rows less dense than their neighbours are anomalous";
    }

    @Override
    public Reference paper() {
        return new Reference("Breunig, Kriegel, Ng, Sander", "LOF: Identifying Density-Based Local Outliers", "ACM SIGMOD", 2000);
    }

    @Override
    public Class<LofParams> paramsType() {
        return LofParams.class;
    }

    @Override
    public LofParams defaults() {
        return LofParams.DEFAULTS;
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
