package io.argus.timeseries.methods;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Series;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import java.util.Map;

/** Registers {@link SpectralResidual} as method {@code spectral-residual} (channel-independent on multivariate series). */
public final class SpectralResidualProvider extends BaseMethodProvider<Series, SpectralResidualParams> implements UnivariateProvider<SpectralResidualParams> {

    /** The registry name. */
    public static final String NAME = "spectral-residual";

    public SpectralResidualProvider() {
        super(NAME, "series", Series.class, "Spectral Residual: steps salient in the residual of the log-amplitude spectrum are anomalous",
                new Reference("Ren, Xu, Wang, Yi, Wang, Zhang, Tong, Zhang", "Time-Series Anomaly Detection Service at Microsoft", "ACM KDD", 2019),
                SpectralResidualParams.class, SpectralResidualParams.DEFAULTS, true);
    }

    @Override
    public Detector<Series> detector(SpectralResidualParams params) {
        return new ChannelIndependent(new SpectralResidual(params), Aggregation.MAX);
    }

    @Override
    public Model<Series> restore(SpectralResidualParams params, Map<String, Tensor> state) {
        SpectralResidual sr = new SpectralResidual(params);
        return ChannelIndependent.restore(NAME, state, Aggregation.MAX, s -> sr.fit(new double[0], null));
    }

    @Override
    public UnivariateDetector univariate(SpectralResidualParams params) {
        return new SpectralResidual(params);
    }

    @Override
    public UnivariateModel restoreUnivariate(SpectralResidualParams params, Map<String, Tensor> state) {
        return new SpectralResidual(params).fit(new double[0], null);
    }
}
