package io.argus.deep.series;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link ConvAutoEncoder}. The defaults are SKAB's Conv-AE (Katser and Kozitsin,
 * "Skoltech Anomaly Benchmark (SKAB)", 2020; F1 0.78 on the outlier problem), as read from SKAB
 * core/Conv_AE.py, core/LSTM_AE.py and the notebooks' pipeline: windows of 60 steps;
 * Conv1D(32, 7, stride 2, relu) → Dropout(0.2) → Conv1D(16, 7, stride 2, relu) →
 * Conv1DTranspose(16, 7, stride 2, relu) → Dropout(0.2) → Conv1DTranspose(32, 7, stride 2, relu) →
 * Conv1DTranspose(1, 7), "same" padding; Adam 1e-3 on the MSE, batch 32, at most 100 epochs,
 * {@code validation_split=0.1} and {@code EarlyStopping(patience=5)} on the validation loss without
 * restoring the best weights; UCL = 4/3 · the 0.999 quantile of the training windows' residuals; SKAB's
 * point rule.
 *
 * <p>Output channels: SKAB's decoder ends in {@code Conv1DTranspose(filters=1)}, one output channel whose
 * reconstruction the loss and the residual broadcast against every input channel. The default is
 * {@link OutputChannels#ONE} because this method is SKAB's baseline and its defaults reproduce the
 * reference as published (decided before any SKAB result with either option was seen);
 * {@link OutputChannels#ALL} decodes one channel per input channel, the usual autoencoder.
 *
 * @param window steps per window
 * @param filters filters of the first convolution (the second has half)
 * @param kernel convolution kernel width (odd)
 * @param dropout dropout rate
 * @param epochs maximum epochs
 * @param batchSize windows per mini-batch
 * @param learningRate Adam's learning rate
 * @param validationFraction share of training windows (the last ones) held out for early stopping
 * @param patience epochs without validation improvement before stopping
 * @param uclQuantile quantile of training residuals behind the threshold
 * @param uclFactor factor on that quantile
 * @param outputChannels one decoded channel broadcast against all (SKAB's), or one per input channel
 * @param pointRule how window alarms become step alarms
 */
public record ConvAutoEncoderParams(
        @Param(doc = "steps per window (a multiple of 4)", min = 4, max = 100000) int window,
        @Param(doc = "filters of the first convolution; the second has half", min = 2, max = 4096) int filters,
        @Param(doc = "convolution kernel width (odd)", min = 3, max = 1001) int kernel,
        @Param(doc = "dropout rate", min = 0, max = 0.9) double dropout,
        @Param(doc = "maximum training epochs", min = 1, max = 100000) int epochs,
        @Param(doc = "windows per mini-batch", min = 2, max = 1048576) int batchSize,
        @Param(doc = "Adam learning rate", min = 1e-8, max = 1) double learningRate,
        @Param(doc = "share of training windows (the last ones) held out for early stopping", min = 0, max = 0.5) double validationFraction,
        @Param(doc = "epochs without validation improvement before stopping; 0 never stops early", min = 0, max = 100000) int patience,
        @Param(doc = "quantile of the training windows' residuals behind the alarm threshold", min = 0, max = 1) double uclQuantile,
        @Param(doc = "the alarm threshold is this factor times that quantile", min = 0, max = 100) double uclFactor,
        @Param(doc = "one decoded channel broadcast against every input channel (SKAB's), or one per channel") OutputChannels outputChannels,
        @Param(doc = "how window alarms become step alarms") PointRule pointRule) {

    /** SKAB's Conv-AE settings (SKAB core/Conv_AE.py and the notebooks' pipeline). */
    public static final ConvAutoEncoderParams DEFAULTS = new ConvAutoEncoderParams(60, 32, 7, 0.2, 100, 32, 1e-3, 0.1, 5, 0.999, 4.0 / 3,
            OutputChannels.ONE, PointRule.SKAB);

    /** What the decoder's last layer outputs. */
    public enum OutputChannels {
        /** One channel, compared with every input channel (SKAB's {@code Conv1DTranspose(filters=1)}). */
        ONE,
        /** One channel per input channel. */
        ALL
    }

    /** How alarms on windows become alarms on steps (shared by the window autoencoders). */
    public enum PointRule {
        /**
         * SKAB's rule (its Conv-AE and LSTM-AE notebooks): with X the n windows of width w over the scored
         * series, step i is flagged iff w−1 ≤ i ≤ n−w and the w−1 windows starting at i−w+1 … i−1 are all
         * anomalous; the first w−1 and the last 2(w−1) steps are never flagged.
         */
        SKAB,
        /** A step is flagged iff every window that contains it is anomalous (first and last steps included). */
        ALL_WINDOWS
    }

    public ConvAutoEncoderParams {
        Params.checkRange("window", window, 4, 100000);
        if (window % 4 != 0) {
            throw new IllegalArgumentException("parameter window = " + window + " must be a multiple of 4 (two stride-2 convolutions)");
        }
        Params.checkRange("filters", filters, 2, 4096);
        Params.checkRange("kernel", kernel, 3, 1001);
        if (kernel % 2 == 0) {
            throw new IllegalArgumentException("parameter kernel = " + kernel + " must be odd (same padding)");
        }
        Params.checkRange("dropout", dropout, 0, 0.9);
        Params.checkRange("epochs", epochs, 1, 100000);
        Params.checkRange("batchSize", batchSize, 2, 1048576);
        Params.checkRange("learningRate", learningRate, 1e-8, 1);
        Params.checkRange("validationFraction", validationFraction, 0, 0.5);
        Params.checkRange("patience", patience, 0, 100000);
        Params.checkRange("uclQuantile", uclQuantile, 0, 1);
        Params.checkRange("uclFactor", uclFactor, 0, 100);
        if (outputChannels == null) {
            throw new IllegalArgumentException("parameter outputChannels must be one or all, got null");
        }
        if (pointRule == null) {
            throw new IllegalArgumentException("parameter pointRule must be skab or all_windows, got null");
        }
    }

    /** The same with another number of epochs. */
    public ConvAutoEncoderParams withEpochs(int e) {
        return new ConvAutoEncoderParams(window, filters, kernel, dropout, e, batchSize, learningRate, validationFraction, patience, uclQuantile,
                uclFactor, outputChannels, pointRule);
    }

    /** The same with another decoder output. */
    public ConvAutoEncoderParams withOutputChannels(OutputChannels o) {
        return new ConvAutoEncoderParams(window, filters, kernel, dropout, epochs, batchSize, learningRate, validationFraction, patience,
                uclQuantile, uclFactor, o, pointRule);
    }

    /** The same with another point rule. */
    public ConvAutoEncoderParams withPointRule(PointRule r) {
        return new ConvAutoEncoderParams(window, filters, kernel, dropout, epochs, batchSize, learningRate, validationFraction, patience,
                uclQuantile, uclFactor, outputChannels, r);
    }
}
