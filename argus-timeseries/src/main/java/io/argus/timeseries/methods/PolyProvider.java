package io.argus.timeseries.methods;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Series;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import java.util.Map;

/** Registers {@link Poly} as method {@code poly} (channel-independent on multivariate series). */
public final class PolyProvider extends BaseMethodProvider<Series, PolyParams> implements UnivariateProvider<PolyParams> {

    /** The registry name. */
    public static final String NAME = "poly";

    public PolyProvider() {
        super(NAME, "series", Series.class, "POLY: steps far from the polynomial extrapolation of their history are anomalous",
                new Reference("Paparrizos, Kang, Boniol, Tsay, Palpanas, Franklin",
                        "TSB-UAD: An End-to-End Benchmark Suite for Univariate Time-Series Anomaly Detection", "PVLDB", 2022),
                PolyParams.class, PolyParams.DEFAULTS, true);
    }

    @Override
    public Detector<Series> detector(PolyParams params) {
        return new ChannelIndependent(new Poly(params), Aggregation.MAX);
    }

    @Override
    public Model<Series> restore(PolyParams params, Map<String, Tensor> state) {
        return ChannelIndependent.restore(NAME, state, Aggregation.MAX, Poly::restore);
    }

    @Override
    public UnivariateDetector univariate(PolyParams params) {
        return new Poly(params);
    }

    @Override
    public UnivariateModel restoreUnivariate(PolyParams params, Map<String, Tensor> state) {
        return Poly.restore(state);
    }
}
