package io.argus.deep.table;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import java.util.Map;

/** Registers {@link AutoEncoder} as method {@code autoencoder}. */
public final class AutoEncoderProvider extends BaseMethodProvider<Table, AutoEncoderParams> {

    /** The registry name. */
    public static final String NAME = AutoEncoder.NAME;

    public AutoEncoderProvider() {
        super(NAME, "table", Table.class, "AutoEncoder: rows that a network trained to reconstruct the data reconstructs badly are anomalous",
                new Reference("Aggarwal", "Outlier Analysis (2nd ed.), ch. 3.5: autoencoders; defaults of PyOD's AutoEncoder", "Springer", 2017),
                AutoEncoderParams.class, AutoEncoderParams.DEFAULTS, false);
    }

    @Override
    public Detector<Table> detector(AutoEncoderParams params) {
        return new AutoEncoder(params);
    }

    @Override
    public Model<Table> restore(AutoEncoderParams params, Map<String, Tensor> state) {
        return AutoEncoder.AutoEncoderModel.restore(params, state);
    }
}
