package io.argus.deep.logs;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link DeepLog}. From Du et al. (CCS 2017), §5 (HDFS): history window h = 10, an
 * LSTM of L = 2 layers with α = 64 memory units, top g = 9 candidates. Training settings follow the
 * public PyTorch reproduction ({@code wuyifan18/DeepLog}, the source of the HDFS key sequences used
 * here): Adam, learning rate 1e-3. Training here runs over the distinct (history, next key) pairs weighted
 * by their counts, the same loss at about a tenth of the cost (HDFS: 46,575 windows, 4,092 distinct), so
 * the reproduction's batch of 2,048 windows becomes 256 distinct pairs (about the same number of
 * windows per step) and its 300 epochs become 100 passes over the distinct pairs. No validation split
 * by default: holding out distinct pairs would remove whole patterns from training.
 *
 * <p>The threshold g: the paper fixes g = 9 for HDFS. Here g is chosen from the normal training
 * sessions only, as the smallest g in [1, topG] whose false-positive rate on them is at most
 * {@code fprTarget} (1% by default), so the paper's g is the most permissive value allowed; with
 * {@code fprTarget = 0}, g is {@code topG} as given. The training sessions were seen in training, so
 * their false-positive rate is an optimistic estimate; held-out normal sessions measure the real one.
 *
 * @param window history length h
 * @param hidden LSTM memory units per layer
 * @param layers stacked LSTM layers
 * @param topG the number of most probable next keys that count as normal (the largest threshold allowed)
 * @param fprTarget the training false-positive rate that picks g (0: g = topG)
 * @param epochs maximum training epochs
 * @param batchSize windows per mini-batch
 * @param learningRate Adam's learning rate
 * @param validationFraction share of distinct training windows held out for early stopping
 * @param patience epochs without validation improvement before stopping
 */
public record DeepLogParams(
        @Param(doc = "history window h (keys seen before the predicted one)", min = 1, max = 1000) int window,
        @Param(doc = "LSTM memory units per layer", min = 1, max = 4096) int hidden,
        @Param(doc = "stacked LSTM layers", min = 1, max = 8) int layers,
        @Param(doc = "top-g candidates counted as normal next keys: the largest threshold g allowed", min = 1, max = 100000) int topG,
        @Param(doc = "choose g as the smallest g <= topG whose false-positive rate on the training sessions is at most this; 0 keeps topG",
                min = 0, max = 1) double fprTarget,
        @Param(doc = "maximum training epochs", min = 1, max = 100000) int epochs,
        @Param(doc = "windows per mini-batch", min = 2, max = 1048576) int batchSize,
        @Param(doc = "Adam learning rate", min = 1e-8, max = 1) double learningRate,
        @Param(doc = "share of training windows held out for early stopping", min = 0, max = 0.5) double validationFraction,
        @Param(doc = "epochs without validation improvement before stopping; 0 never stops early", min = 0, max = 100000) int patience) {

    /** The paper's HDFS settings (see the class comment). */
    public static final DeepLogParams DEFAULTS = new DeepLogParams(10, 64, 2, 9, 0.01, 100, 256, 1e-3, 0.0, 0);

    public DeepLogParams {
        Params.checkRange("window", window, 1, 1000);
        Params.checkRange("hidden", hidden, 1, 4096);
        Params.checkRange("layers", layers, 1, 8);
        Params.checkRange("topG", topG, 1, 100000);
        Params.checkRange("fprTarget", fprTarget, 0, 1);
        Params.checkRange("epochs", epochs, 1, 100000);
        Params.checkRange("batchSize", batchSize, 2, 1048576);
        Params.checkRange("learningRate", learningRate, 1e-8, 1);
        Params.checkRange("validationFraction", validationFraction, 0, 0.5);
        Params.checkRange("patience", patience, 0, 100000);
    }

    /** The same with another number of epochs. */
    public DeepLogParams withEpochs(int e) {
        return new DeepLogParams(window, hidden, layers, topG, fprTarget, e, batchSize, learningRate, validationFraction, patience);
    }
}
