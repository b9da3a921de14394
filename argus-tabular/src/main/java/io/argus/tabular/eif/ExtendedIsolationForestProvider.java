package io.argus.tabular.eif;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import java.util.Map;

/** Registers {@link ExtendedIsolationForest} as method {@code eif}. */
public final class ExtendedIsolationForestProvider extends BaseMethodProvider<Table, ExtendedIsolationForestParams> {

    /** The registry name. */
    public static final String NAME = "eif";

    public ExtendedIsolationForestProvider() {
        super(NAME, "table", Table.class, "Extended Isolation Forest: rows isolated by few random hyperplane splits are anomalous",
                new Reference("Hariri, Carrasco Kind, Brunner", "Extended Isolation Forest", "IEEE TKDE", 2021),
                ExtendedIsolationForestParams.class, ExtendedIsolationForestParams.DEFAULTS, false);
    }

    @Override
    public Detector<Table> detector(ExtendedIsolationForestParams params) {
        return new ExtendedIsolationForest(params);
    }

    @Override
    public Model<Table> restore(ExtendedIsolationForestParams params, Map<String, Tensor> state) {
        return ExtendedIsolationForest.HyperplaneForest.restore(state);
    }
}
