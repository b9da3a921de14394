package io.argus.deep.table;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link DeepSvdd}. The objective, the bias-free network, the centre's eps fix
 * ({@code eps = 0.1}) and the weight decay λ = 1e-6 follow Ruff et al. (ICML 2018) and their code
 * ({@code lukasruff/Deep-SVDD-PyTorch}: {@code weight_decay=1e-6}, Adam, no dropout). The tabular network
 * (hidden widths 64, 32, ReLU) and the training budget (100 epochs, batch 32, learning rate 1e-3,
 * standardised input, 10% validation split) are PyOD's {@code DeepSVDD} defaults
 * ({@code hidden_neurons=[64, 32]}, {@code epochs=100}, {@code batch_size=32}, {@code validation_size=0.1},
 * {@code preprocessing=True}), the version behind ADBench's DeepSVDD figures. PyOD keeps the epoch of
 * lowest loss; here model selection uses the validation split, with early stopping after 10 epochs
 * without improvement. PyOD's own DeepSVDD also uses dropout 0.2 and an L2 weight
 * ({@code l2_regularizer}) of 0.1; both are left out to follow the paper. The PyOD values are quoted from memory
 * of its source (it could not be re-read while this was written).
 *
 * @param hidden network widths; the last is the dimension of the hypersphere's space
 * @param epochs maximum passes over the training rows
 * @param batchSize rows per mini-batch
 * @param learningRate Adam's learning rate
 * @param weightDecay the λ of the network-weight regulariser
 * @param validationFraction share of training rows held out for model selection
 * @param patience epochs without validation improvement before stopping (0: never)
 */
public record DeepSvddParams(
        @Param(doc = "network layer widths, comma-separated; the last is the output dimension") String hidden,
        @Param(doc = "training epochs", min = 1, max = 100000) int epochs,
        @Param(doc = "rows per mini-batch", min = 1, max = 1048576) int batchSize,
        @Param(doc = "Adam learning rate", min = 1e-8, max = 1) double learningRate,
        @Param(doc = "weight decay (the lambda of the weight regulariser)", min = 0, max = 1) double weightDecay,
        @Param(doc = "share of training rows held out for early stopping and model selection", min = 0, max = 0.5) double validationFraction,
        @Param(doc = "epochs without validation improvement before stopping; 0 never stops early", min = 0, max = 100000) int patience) {

    /** The defaults (see the class comment for their sources). */
    public static final DeepSvddParams DEFAULTS = new DeepSvddParams("64,32", 100, 32, 1e-3, 1e-6, 0.1, 10);

    public DeepSvddParams {
        Mlp.parseWidths(hidden, "hidden");
        Params.checkRange("epochs", epochs, 1, 100000);
        Params.checkRange("batchSize", batchSize, 1, 1048576);
        Params.checkRange("learningRate", learningRate, 1e-8, 1);
        Params.checkRange("weightDecay", weightDecay, 0, 1);
        Params.checkRange("validationFraction", validationFraction, 0, 0.5);
        Params.checkRange("patience", patience, 0, 100000);
    }

    /** The layer widths. */
    public int[] widths() {
        return Mlp.parseWidths(hidden, "hidden");
    }

    /** The same with another number of epochs. */
    public DeepSvddParams withEpochs(int e) {
        return new DeepSvddParams(hidden, e, batchSize, learningRate, weightDecay, validationFraction, patience);
    }
}
