package io.argus.tabular.inne;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import java.util.Map;

/** Registers {@link Inne} as method {@code inne}. */
public final class InneProvider extends BaseMethodProvider<Table, InneParams> {

    /** The registry name. */
    public static final String NAME = "inne";

    public InneProvider() {
        super(NAME, "table", Table.class,
                "INNE: rows outside small hyperspheres around random samples, or in large ones next to small ones, are anomalous",
                new Reference("Bandaragoda, Ting, Albrecht, Liu, Zhu, Wells",
                        "Isolation-based anomaly detection using nearest-neighbor ensembles", "Computational Intelligence", 2018),
                InneParams.class, InneParams.DEFAULTS, false);
    }

    @Override
    public Detector<Table> detector(InneParams params) {
        return new Inne(params);
    }

    @Override
    public Model<Table> restore(InneParams params, Map<String, Tensor> state) {
        return Inne.InneModel.restore(state);
    }
}
