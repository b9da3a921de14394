package io.argus.tabular.iforest;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import java.util.Map;

/** Registers {@link IsolationForest} as method {@code iforest}. */
public final class IsolationForestProvider extends BaseMethodProvider<Table, IsolationForestParams> {

    /** The registry name. */
    public static final String NAME = "iforest";

    public IsolationForestProvider() {
        super(NAME, "table", Table.class, "Isolation Forest: rows isolated by few random axis-parallel splits are anomalous",
                new Reference("Liu, Ting, Zhou", "Isolation Forest", "IEEE ICDM", 2008), IsolationForestParams.class,
                IsolationForestParams.DEFAULTS, false);
    }

    @Override
    public Detector<Table> detector(IsolationForestParams params) {
        return new IsolationForest(params);
    }

    @Override
    public Model<Table> restore(IsolationForestParams params, Map<String, Tensor> state) {
        return IsolationForest.Forest.restore(state);
    }
}
