package io.argus.tabular.cof;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import java.util.Map;

/** Registers {@link ConnectivityOutlierFactor} as method {@code cof}. */
public final class CofProvider extends BaseMethodProvider<Table, CofParams> {

    /** The registry name. */
    public static final String NAME = "cof";

    public CofProvider() {
        super(NAME, "table", Table.class, "Connectivity-based Outlier Factor: rows less connected to their neighbours than those are to theirs are anomalous",
                new Reference("Tang, Chen, Fu, Cheung", "Enhancing Effectiveness of Outlier Detections for Low Density Patterns", "PAKDD", 2002),
                CofParams.class, CofParams.DEFAULTS, true);
    }

    @Override
    public Detector<Table> detector(CofParams params) {
        return new ConnectivityOutlierFactor(params);
    }

    @Override
    public Model<Table> restore(CofParams params, Map<String, Tensor> state) {
        return ConnectivityOutlierFactor.CofModel.restore(params, state);
    }
}
