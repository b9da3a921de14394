package io.argus.tabular.ecod;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import java.util.Map;

/** Registers {@link Ecod} as method {@code ecod}. */
public final class EcodProvider extends BaseMethodProvider<Table, EcodParams> {

    /** The registry name. */
    public static final String NAME = "ecod";

    public EcodProvider() {
        super(NAME, "table", Table.class, "ECOD: rows whose features lie far in the tails of their empirical distributions are anomalous",
                new Reference("Li, Zhao, Hu, Botta, Ionescu, Chen",
                        "ECOD: Unsupervised Outlier Detection Using Empirical Cumulative Distribution Functions", "IEEE TKDE", 2022),
                EcodParams.class, EcodParams.DEFAULTS, true);
    }

    @Override
    public Detector<Table> detector(EcodParams params) {
        return new Ecod();
    }

    @Override
    public Model<Table> restore(EcodParams params, Map<String, Tensor> state) {
        return EcdfModel.restore(EcdfModel.Rule.ECOD, state);
    }
}
