package io.argus.timeseries.methods;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Series;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import java.util.Map;

/** Registers {@link PcaT2Q} as method {@code pca-t2q}. */
public final class PcaT2QProvider extends BaseMethodProvider<Series, PcaT2QParams> {

    /** The registry name. */
    public static final String NAME = "pca-t2q";

    public PcaT2QProvider() {
        super(NAME, "series", Series.class,
                "PCA T²+Q: steps outside the principal subspace's control limits (Hotelling T², squared prediction error) are anomalous",
                new Reference("Jackson, Mudholkar", "Control Procedures for Residuals Associated With Principal Component Analysis",
                        "Technometrics", 1979),
                PcaT2QParams.class, PcaT2QParams.DEFAULTS, true);
    }

    @Override
    public Detector<Series> detector(PcaT2QParams params) {
        return new PcaT2Q(params);
    }

    @Override
    public Model<Series> restore(PcaT2QParams params, Map<String, Tensor> state) {
        return PcaT2Q.restore(params, state);
    }
}
