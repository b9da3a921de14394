package io.argus.deep.series;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Series;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import java.util.Map;

/** Registers {@link AxonAd} as method {@code axonad} over multivariate series. */
public final class AxonAdProvider extends BaseMethodProvider<Series, AxonAdParams> {

    /** The registry name. */
    public static final String NAME = AxonAd.NAME;

    public AxonAdProvider() {
        super(NAME, "series", Series.class, "AxonAD: attention reconstruction error plus the surprise of an EMA-target query predictor",
                new Reference("iis-esslingen", "Surprised by Attention (AxonAD)", "ECML-PKDD", 2026),
                AxonAdParams.class, AxonAdParams.DEFAULTS, false);
    }

    @Override
    public Detector<Series> detector(AxonAdParams params) {
        return new AxonAd(params);
    }

    @Override
    public Model<Series> restore(AxonAdParams params, Map<String, Tensor> state) {
        return AxonAd.AxonModel.restore(params, state);
    }
}
