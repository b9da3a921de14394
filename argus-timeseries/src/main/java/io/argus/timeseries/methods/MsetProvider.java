package io.argus.timeseries.methods;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Series;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import java.util.Map;

/** Registers {@link Mset} as method {@code mset}. */
public final class MsetProvider extends BaseMethodProvider<Series, MsetParams> {

    /** The registry name. */
    public static final String NAME = "mset";

    public MsetProvider() {
        super(NAME, "series", Series.class,
                "MSET: each step is estimated from a memory of training states by a similarity-weighted combination; a large relative estimation error is anomalous",
                new Reference("Gross, Singer, Wegerich, Herzog, VanAlstine, Bockhorst",
                        "Application of a Model-Based Fault Detection System to Nuclear Plant Signals",
                        "Intelligent System Application to Power Systems (ISAP)", 1997),
                MsetParams.class, MsetParams.DEFAULTS, true);
    }

    @Override
    public Detector<Series> detector(MsetParams params) {
        return new Mset(params);
    }

    @Override
    public Model<Series> restore(MsetParams params, Map<String, Tensor> state) {
        return Mset.restore(params, state);
    }
}
