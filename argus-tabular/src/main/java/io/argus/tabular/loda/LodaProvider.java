package io.argus.tabular.loda;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import java.util.Map;

/** Registers {@link Loda} as method {@code loda}. */
public final class LodaProvider extends BaseMethodProvider<Table, LodaParams> {

    /** The registry name. */
    public static final String NAME = "loda";

    public LodaProvider() {
        super(NAME, "table", Table.class, "LODA: rows of low density on many sparse random one-dimensional projections are anomalous",
                new Reference("Pevný", "Loda: Lightweight on-line detector of anomalies", "Machine Learning", 2016),
                LodaParams.class, LodaParams.DEFAULTS, false);
    }

    @Override
    public Detector<Table> detector(LodaParams params) {
        return new Loda(params);
    }

    @Override
    public Model<Table> restore(LodaParams params, Map<String, Tensor> state) {
        return Loda.LodaModel.restore(state);
    }
}
