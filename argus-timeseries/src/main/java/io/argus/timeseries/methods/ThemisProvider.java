package io.argus.timeseries.methods;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Series;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import java.util.Map;

/** Registers {@link Themis} (scoring stage on PCA window embeddings) as method {@code themis}. */
public final class ThemisProvider extends BaseMethodProvider<Series, ThemisParams> implements UnivariateProvider<ThemisParams> {

    /** The registry name. */
    public static final String NAME = "themis";

    public ThemisProvider() {
        super(NAME, "series", Series.class,
                "THEMIS scoring: windows that fit the self-similarity structure of the window embeddings poorly are anomalous (PCA embeddings stand in for Chronos)",
                new Reference("(arXiv 2510.03911)", "THEMIS: Unlocking Pretrained Knowledge with Foundation Model Embeddings for Anomaly Detection in Time Series",
                        "arXiv", 2025),
                ThemisParams.class, ThemisParams.DEFAULTS, true);
    }

    @Override
    public Detector<Series> detector(ThemisParams params) {
        return new ChannelIndependent(new Themis(params), Aggregation.MAX);
    }

    @Override
    public Model<Series> restore(ThemisParams params, Map<String, Tensor> state) {
        return ChannelIndependent.restore(NAME, state, Aggregation.MAX, s -> Themis.restore(params, s));
    }

    @Override
    public UnivariateDetector univariate(ThemisParams params) {
        return new Themis(params);
    }

    @Override
    public UnivariateModel restoreUnivariate(ThemisParams params, Map<String, Tensor> state) {
        return Themis.restore(params, state);
    }
}
