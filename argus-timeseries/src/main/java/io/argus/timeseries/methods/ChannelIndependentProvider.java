package io.argus.timeseries.methods;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Series;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.MethodProvider;
import io.argus.core.params.MethodRegistry;
import io.argus.core.params.Param;
import io.argus.core.params.Reference;
import java.util.Map;
import java.util.Objects;

/**
 * Registers the channel-independent wrapper ({@link ChannelIndependent}) as method
 * {@code channel-independent}: any univariate method (with its defaults) run per channel, with a chosen
 * aggregation, and the score per step and channel as localization.
 */
public final class ChannelIndependentProvider extends BaseMethodProvider<Series, ChannelIndependentProvider.CiParams> {

    /** The registry name. */
    public static final String NAME = "channel-independent";

    /**
     * Parameters of the wrapper.
     *
     * @param method the univariate method's registry name
     * @param aggregation how calibrated channel scores become one score per step
     */
    public record CiParams(
            @Param(doc = "univariate method run on every channel (matrix-profile, spectral-residual, poly, themis, ...)") String method,
            @Param(doc = "aggregation of the calibrated channel scores: MAX or MEAN") Aggregation aggregation) {

        /** Matrix Profile per channel, the largest channel score. */
        public static final CiParams DEFAULTS = new CiParams(MatrixProfileProvider.NAME, Aggregation.MAX);

        public CiParams {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(aggregation, "aggregation");
        }
    }

    public ChannelIndependentProvider() {
        super(NAME, "series", Series.class, "Channel-independent: a univariate method per channel, calibrated scores aggregated; localizes the channel",
                new Reference("Pinet et al.", "Anomalies in Multivariate Time Series Benchmarks Are Mostly Univariate", "arXiv", 2025),
                CiParams.class, CiParams.DEFAULTS, false);
    }

    @SuppressWarnings("unchecked")
    private static UnivariateProvider<Record> inner(String method) {
        MethodProvider<?, ?> p = MethodRegistry.load().get(method).provider();
        if (!(p instanceof UnivariateProvider<?>)) {
            throw new IllegalArgumentException("parameter method = " + method + " is not a univariate series method");
        }
        return (UnivariateProvider<Record>) p;
    }

    private static Record defaults(String method) {
        return (Record) MethodRegistry.load().get(method).provider().defaults();
    }

    @Override
    public Detector<Series> detector(CiParams params) {
        UnivariateProvider<Record> p = inner(params.method());
        return new ChannelIndependent(p.univariate(defaults(params.method())), params.aggregation());
    }

    @Override
    public Model<Series> restore(CiParams params, Map<String, Tensor> state) {
        UnivariateProvider<Record> p = inner(params.method());
        Record d = defaults(params.method());
        return ChannelIndependent.restore(params.method(), state, params.aggregation(), s -> p.restoreUnivariate(d, s));
    }
}
