package io.argus.tabular.copod;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import io.argus.tabular.ecod.EcdfModel;
import java.util.Map;

/** Registers {@link Copod} as method {@code copod}. */
public final class CopodProvider extends BaseMethodProvider<Table, CopodParams> {

    /** The registry name. */
    public static final String NAME = "copod";

    public CopodProvider() {
        super(NAME, "table", Table.class, "COPOD: rows in the tails of the empirical copula's marginals are anomalous",
                new Reference("Li, Zhao, Botta, Ionescu, Hu", "COPOD: Copula-Based Outlier Detection", "IEEE ICDM", 2020),
                CopodParams.class, CopodParams.DEFAULTS, true);
    }

    @Override
    public Detector<Table> detector(CopodParams params) {
        return new Copod();
    }

    @Override
    public Model<Table> restore(CopodParams params, Map<String, Tensor> state) {
        return EcdfModel.restore(EcdfModel.Rule.COPOD, state);
    }
}
