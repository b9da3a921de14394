package io.argus.deep.series;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Series;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import java.util.Map;

/** Registers {@link LstmAutoEncoder} as method {@code lstm-ae} over multivariate series. */
public final class LstmAutoEncoderProvider extends BaseMethodProvider<Series, LstmAutoEncoderParams> {

    /** The registry name. */
    public static final String NAME = LstmAutoEncoder.NAME;

    public LstmAutoEncoderProvider() {
        super(NAME, "series", Series.class, "LSTM-AE: steps inside windows that a sequence-to-sequence LSTM autoencoder reconstructs badly are anomalous",
                new Reference("Katser, Kozitsin", "Skoltech Anomaly Benchmark (SKAB): the LSTM-AE baseline", "Kaggle", 2020),
                LstmAutoEncoderParams.class, LstmAutoEncoderParams.DEFAULTS, false);
    }

    @Override
    public Detector<Series> detector(LstmAutoEncoderParams params) {
        return new LstmAutoEncoder(params);
    }

    @Override
    public Model<Series> restore(LstmAutoEncoderParams params, Map<String, Tensor> state) {
        return LstmAutoEncoder.LstmAeModel.restore(params, state);
    }
}
