package io.argus.timeseries.methods;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Series;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import java.util.Map;

/** Registers {@link KShapeAd} as method {@code kshape-ad} (channel-independent on multivariate series). */
public final class KShapeAdProvider extends BaseMethodProvider<Series, KShapeAdParams> implements UnivariateProvider<KShapeAdParams> {

    /** The registry name. */
    public static final String NAME = "kshape-ad";

    public KShapeAdProvider() {
        super(NAME, "series", Series.class, "KShape-AD: subsequences far (in shape-based distance) from every k-Shape centroid of the training part are anomalous",
                new Reference("Paparrizos, Gravano", "k-Shape: Efficient and Accurate Clustering of Time Series", "ACM SIGMOD", 2015),
                KShapeAdParams.class, KShapeAdParams.DEFAULTS, false);
    }

    @Override
    public Detector<Series> detector(KShapeAdParams params) {
        return new ChannelIndependent(new KShapeAd(params), Aggregation.MAX);
    }

    @Override
    public Model<Series> restore(KShapeAdParams params, Map<String, Tensor> state) {
        return ChannelIndependent.restore(NAME, state, Aggregation.MAX, KShapeAd::restore);
    }

    @Override
    public UnivariateDetector univariate(KShapeAdParams params) {
        return new KShapeAd(params);
    }

    @Override
    public UnivariateModel restoreUnivariate(KShapeAdParams params, Map<String, Tensor> state) {
        return KShapeAd.restore(state);
    }
}
