package io.argus.tabular.iforest;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.core.model.Tensor;
import io.argus.core.params.MethodProvider;
import io.argus.core.params.Reference;
import java.util.Map;

/** Registers {@link IsolationForest} as method {@code iforest}. */
public final class IsolationForestProvider implements MethodProvider<Table, IsolationForestParams> {

    /** The registry name. */
    public static final String NAME = "iforest";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String modality() {
        return "table";
    }

    @Override
    public Class<Table> dataType() {
        return Table.class;
    }

    @Override
    public String summary() {
        return "Isolation Forest: rows isolated by few random axis-parallel splits are anomalous";
    }

    @Override
    public Reference paper() {
        return new Reference("Liu, Ting, Zhou", "Isolation Forest", "IEEE ICDM", 2008);
    }

    @Override
    public Class<IsolationForestParams> paramsType() {
        return IsolationForestParams.class;
    }

    @Override
    public IsolationForestParams defaults() {
        return IsolationForestParams.DEFAULTS;
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
