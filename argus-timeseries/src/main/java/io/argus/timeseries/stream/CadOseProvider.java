package io.argus.timeseries.stream;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Series;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import io.argus.timeseries.methods.UnivariateDetector;
import io.argus.timeseries.methods.UnivariateModel;
import io.argus.timeseries.methods.UnivariateProvider;
import java.util.Map;

/**
 * {@code cad-ose}: the Contextual Anomaly Detector, Open Source Edition ({@link CadOse}), NAB's best
 * open-source entry. Univariate; {@code channel-independent[method=cad-ose]} runs it per channel.
 */
public final class CadOseProvider extends BaseMethodProvider<Series, CadOseParams> implements UnivariateProvider<CadOseParams> {

    public CadOseProvider() {
        super(CadOseDetector.NAME,
                "series",
                Series.class,
                "CAD OSE: share of expected contexts (previous step -> now) that failed to occur, on 3-bit quantised values (NAB's CAD OSE)",
                new Reference("Smirnov", "Contextual Anomaly Detector, Open Source Edition (CAD OSE), github.com/smirmik/CAD",
                        "Numenta Anomaly Benchmark entry", 2016),
                CadOseParams.class, CadOseParams.DEFAULTS, true);
    }

    @Override
    public Detector<Series> detector(CadOseParams params) {
        return new CadOseDetector(params);
    }

    @Override
    public Model<Series> restore(CadOseParams params, Map<String, Tensor> state) {
        return CadOseDetector.restore(params, state);
    }

    @Override
    public UnivariateDetector univariate(CadOseParams params) {
        return new CadOseUnivariate(params);
    }

    @Override
    public UnivariateModel restoreUnivariate(CadOseParams params, Map<String, Tensor> state) {
        return CadOseUnivariate.restore(params, state);
    }
}
