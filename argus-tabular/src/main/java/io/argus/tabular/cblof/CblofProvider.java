package io.argus.tabular.cblof;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import java.util.Map;

/** Registers {@link Cblof} as method {@code cblof}. */
public final class CblofProvider extends BaseMethodProvider<Table, CblofParams> {

    /** The registry name. */
    public static final String NAME = "cblof";

    public CblofProvider() {
        super(NAME, "table", Table.class, "CBLOF: rows far from the large k-means clusters are anomalous",
                new Reference("He, Xu, Deng", "Discovering cluster-based local outliers", "Pattern Recognition Letters", 2003),
                CblofParams.class, CblofParams.DEFAULTS, false);
    }

    @Override
    public Detector<Table> detector(CblofParams params) {
        return new Cblof(params);
    }

    @Override
    public Model<Table> restore(CblofParams params, Map<String, Tensor> state) {
        return Cblof.CblofModel.restore(params, state);
    }
}
