package io.argus.deep.table;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import java.util.Map;

/** Registers {@link DeepSvdd} as method {@code deep-svdd}. */
public final class DeepSvddProvider extends BaseMethodProvider<Table, DeepSvddParams> {

    /** The registry name. */
    public static final String NAME = DeepSvdd.NAME;

    public DeepSvddProvider() {
        super(NAME, "table", Table.class, "Deep SVDD: rows that a network trained to map the data near one centre maps far from it are anomalous",
                new Reference("Ruff, Vandermeulen, Görnitz, Deecke, Siddiqui, Binder, Müller, Kloft", "Deep One-Class Classification", "ICML", 2018),
                DeepSvddParams.class, DeepSvddParams.DEFAULTS, false);
    }

    @Override
    public Detector<Table> detector(DeepSvddParams params) {
        return new DeepSvdd(params);
    }

    @Override
    public Model<Table> restore(DeepSvddParams params, Map<String, Tensor> state) {
        return DeepSvdd.DeepSvddModel.restore(params, state);
    }
}
