package io.argus.deep.series;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Series;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import java.util.Map;

/** Registers {@link ConvAutoEncoder} as method {@code conv-ae} over multivariate series. */
public final class ConvAutoEncoderProvider extends BaseMethodProvider<Series, ConvAutoEncoderParams> {

    /** The registry name. */
    public static final String NAME = ConvAutoEncoder.NAME;

    public ConvAutoEncoderProvider() {
        super(NAME, "series", Series.class, "Conv-AE: steps inside windows that a 1-D convolutional autoencoder reconstructs badly are anomalous",
                new Reference("Katser, Kozitsin", "Skoltech Anomaly Benchmark (SKAB): the Conv-AE baseline", "Kaggle", 2020),
                ConvAutoEncoderParams.class, ConvAutoEncoderParams.DEFAULTS, false);
    }

    @Override
    public Detector<Series> detector(ConvAutoEncoderParams params) {
        return new ConvAutoEncoder(params);
    }

    @Override
    public Model<Series> restore(ConvAutoEncoderParams params, Map<String, Tensor> state) {
        return ConvAutoEncoder.ConvAeModel.restore(params, state);
    }
}
