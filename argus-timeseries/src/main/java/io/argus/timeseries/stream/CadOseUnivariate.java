package io.argus.timeseries.stream;

import io.argus.core.Context;
import io.argus.core.Model;
import io.argus.core.data.Series;
import io.argus.core.model.Tensor;
import io.argus.timeseries.methods.UnivariateDetector;
import io.argus.timeseries.methods.UnivariateModel;
import java.util.Map;
import java.util.Objects;

/**
 * {@link CadOseDetector} as the scoring rule of one channel, so that the channel-independent wrapper
 * ({@code channel-independent[method=cad-ose]}) runs CAD OSE on every channel of a multivariate
 * series: each channel quantises over the range of its own training values and streams
 * score-then-learn. The state of a channel's model is that of {@link CadOseDetector}'s models.
 */
final class CadOseUnivariate implements UnivariateDetector {

    private final CadOseParams params;

    CadOseUnivariate(CadOseParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public String name() {
        return CadOseDetector.NAME;
    }

    @Override
    public UnivariateModel fit(double[] train, Context ctx) {
        return new Channel(new CadOseDetector(params).fit(Series.univariate(floats(train)), ctx));
    }

    /** Rebuilds a channel's model from its state (see {@link CadOseDetector#restore}). */
    static UnivariateModel restore(CadOseParams params, Map<String, Tensor> state) {
        return new Channel(CadOseDetector.restore(params, state));
    }

    private static float[] floats(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }

    private record Channel(Model<Series> model) implements UnivariateModel {
        @Override
        public double[] score(double[] x, Context ctx) {
            return model.score(Series.univariate(floats(x)), ctx).values();
        }

        @Override
        public Map<String, Tensor> state() {
            return model.state();
        }
    }
}
