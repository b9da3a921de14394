package io.argus.deep.table;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link AutoEncoder}. The defaults are PyOD 2.x's {@code AutoEncoder}
 * ({@code pyod/models/auto_encoder.py}: {@code hidden_neuron_list=[64, 32]}, {@code hidden_activation_name='relu'},
 * {@code batch_norm=True}, {@code dropout_rate=0.2}, {@code epoch_num=10}, {@code batch_size=32}, {@code lr=1e-3},
 * {@code optimizer_name='adam'}, {@code optimizer_params={'weight_decay': 1e-5}}, {@code preprocessing=True}),
 * the implementation behind PyOD's and ADBench's published AutoEncoder figures; PyOD trains on every row
 * (no validation split), hence {@code validationFraction = 0}. The PyOD values are quoted from memory of
 * its source (it could not be re-read while this was written); check them against the PyOD release you
 * compare with.
 *
 * @param hidden encoder widths; the decoder mirrors them
 * @param dropout dropout rate after every hidden layer
 * @param batchNorm batch normalisation after every hidden linear layer
 * @param epochs passes over the training rows
 * @param batchSize rows per mini-batch
 * @param learningRate Adam's learning rate
 * @param weightDecay L2 penalty (Adam's weight_decay)
 * @param validationFraction share of training rows held out for early stopping / model selection
 * @param patience epochs without a better validation loss before stopping (0: never)
 */
public record AutoEncoderParams(
        @Param(doc = "encoder layer widths, comma-separated; the decoder mirrors them") String hidden,
        @Param(doc = "dropout rate after each hidden layer", min = 0, max = 0.9) double dropout,
        @Param(doc = "batch normalisation after each hidden linear layer") boolean batchNorm,
        @Param(doc = "training epochs", min = 1, max = 100000) int epochs,
        @Param(doc = "rows per mini-batch", min = 1, max = 1048576) int batchSize,
        @Param(doc = "Adam learning rate", min = 1e-8, max = 1) double learningRate,
        @Param(doc = "L2 weight decay", min = 0, max = 1) double weightDecay,
        @Param(doc = "share of training rows held out for early stopping and model selection", min = 0, max = 0.5) double validationFraction,
        @Param(doc = "epochs without validation improvement before stopping; 0 never stops early", min = 0, max = 100000) int patience) {

    /** PyOD's defaults. */
    public static final AutoEncoderParams DEFAULTS = new AutoEncoderParams("64,32", 0.2, true, 10, 32, 1e-3, 1e-5, 0.0, 0);

    public AutoEncoderParams {
        Mlp.parseWidths(hidden, "hidden");
        Params.checkRange("dropout", dropout, 0, 0.9);
        Params.checkRange("epochs", epochs, 1, 100000);
        Params.checkRange("batchSize", batchSize, 1, 1048576);
        Params.checkRange("learningRate", learningRate, 1e-8, 1);
        Params.checkRange("weightDecay", weightDecay, 0, 1);
        Params.checkRange("validationFraction", validationFraction, 0, 0.5);
        Params.checkRange("patience", patience, 0, 100000);
    }

    /** The encoder widths. */
    public int[] widths() {
        return Mlp.parseWidths(hidden, "hidden");
    }

    /** The same with another number of epochs. */
    public AutoEncoderParams withEpochs(int e) {
        return new AutoEncoderParams(hidden, dropout, batchNorm, e, batchSize, learningRate, weightDecay, validationFraction, patience);
    }
}
