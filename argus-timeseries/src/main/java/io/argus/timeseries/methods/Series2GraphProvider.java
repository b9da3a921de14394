package io.argus.timeseries.methods;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Series;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import java.util.Map;

/** Registers {@link Series2Graph} as method {@code series2graph} (channel-independent on multivariate series). */
public final class Series2GraphProvider extends BaseMethodProvider<Series, Series2GraphParams> implements UnivariateProvider<Series2GraphParams> {

    /** The registry name. */
    public static final String NAME = "series2graph";

    public Series2GraphProvider() {
        super(NAME, "series", Series.class, "Series2Graph: subsequences whose path through the graph of recurrent patterns is rare are anomalous",
                new Reference("Boniol, Palpanas", "Series2Graph: Graph-based Subsequence Anomaly Detection for Time Series", "PVLDB", 2020),
                Series2GraphParams.class, Series2GraphParams.DEFAULTS, true);
    }

    @Override
    public Detector<Series> detector(Series2GraphParams params) {
        return new ChannelIndependent(new Series2Graph(params), Aggregation.MAX);
    }

    @Override
    public Model<Series> restore(Series2GraphParams params, Map<String, Tensor> state) {
        return ChannelIndependent.restore(NAME, state, Aggregation.MAX, s -> Series2Graph.restore(params, s));
    }

    @Override
    public UnivariateDetector univariate(Series2GraphParams params) {
        return new Series2Graph(params);
    }

    @Override
    public UnivariateModel restoreUnivariate(Series2GraphParams params, Map<String, Tensor> state) {
        return Series2Graph.restore(params, state);
    }
}
