package io.argus.deep.series;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link LstmAutoEncoder}. The defaults are SKAB's LSTM-AE (Katser and Kozitsin, SKAB,
 * 2020; F1 0.74 on the outlier problem), as read from SKAB core/Conv_AE.py, core/LSTM_AE.py and the
 * notebooks' pipeline: windows of 10 steps; LSTM(100, activation relu) → RepeatVector(10) →
 * LSTM(100, activation relu, return sequences) → TimeDistributed(Dense(channels)); Adam (Keras' default
 * rate 1e-3) on the mean absolute error, batch 32, at most 100 epochs, {@code validation_split=0.1},
 * {@code shuffle=False}, {@code EarlyStopping(patience=5)} on the validation loss without restoring the
 * best weights; UCL = 3/2 · the 0.99 quantile of the training windows' residuals; SKAB's point rule.
 *
 * @param window steps per window
 * @param hidden LSTM state size of the encoder and of the decoder
 * @param epochs maximum epochs
 * @param batchSize windows per mini-batch
 * @param learningRate Adam's learning rate
 * @param validationFraction share of training windows held out for early stopping
 * @param patience epochs without validation improvement before stopping
 * @param uclQuantile quantile of training residuals behind the threshold
 * @param uclFactor factor on that quantile
 * @param pointRule how window alarms become step alarms
 */
public record LstmAutoEncoderParams(
        @Param(doc = "steps per window", min = 2, max = 100000) int window,
        @Param(doc = "LSTM state size of the encoder and the decoder", min = 1, max = 4096) int hidden,
        @Param(doc = "maximum training epochs", min = 1, max = 100000) int epochs,
        @Param(doc = "windows per mini-batch", min = 2, max = 1048576) int batchSize,
        @Param(doc = "Adam learning rate", min = 1e-8, max = 1) double learningRate,
        @Param(doc = "share of training windows (the last ones) held out for early stopping", min = 0, max = 0.5) double validationFraction,
        @Param(doc = "epochs without validation improvement before stopping; 0 never stops early", min = 0, max = 100000) int patience,
        @Param(doc = "quantile of the training windows' residuals behind the alarm threshold", min = 0, max = 1) double uclQuantile,
        @Param(doc = "the alarm threshold is this factor times that quantile", min = 0, max = 100) double uclFactor,
        @Param(doc = "how window alarms become step alarms") ConvAutoEncoderParams.PointRule pointRule) {

    /** SKAB's LSTM-AE settings (SKAB core/LSTM_AE.py and the notebooks' pipeline). */
    public static final LstmAutoEncoderParams DEFAULTS = new LstmAutoEncoderParams(10, 100, 100, 32, 1e-3, 0.1, 5, 0.99, 1.5,
            ConvAutoEncoderParams.PointRule.SKAB);

    public LstmAutoEncoderParams {
        Params.checkRange("window", window, 2, 100000);
        Params.checkRange("hidden", hidden, 1, 4096);
        Params.checkRange("epochs", epochs, 1, 100000);
        Params.checkRange("batchSize", batchSize, 2, 1048576);
        Params.checkRange("learningRate", learningRate, 1e-8, 1);
        Params.checkRange("validationFraction", validationFraction, 0, 0.5);
        Params.checkRange("patience", patience, 0, 100000);
        Params.checkRange("uclQuantile", uclQuantile, 0, 1);
        Params.checkRange("uclFactor", uclFactor, 0, 100);
        if (pointRule == null) {
            throw new IllegalArgumentException("parameter pointRule must be skab or all_windows, got null");
        }
    }

    /** The same with another number of epochs. */
    public LstmAutoEncoderParams withEpochs(int e) {
        return new LstmAutoEncoderParams(window, hidden, e, batchSize, learningRate, validationFraction, patience, uclQuantile, uclFactor,
                pointRule);
    }

    /** The same with another point rule. */
    public LstmAutoEncoderParams withPointRule(ConvAutoEncoderParams.PointRule r) {
        return new LstmAutoEncoderParams(window, hidden, epochs, batchSize, learningRate, validationFraction, patience, uclQuantile, uclFactor,
                r);
    }
}
