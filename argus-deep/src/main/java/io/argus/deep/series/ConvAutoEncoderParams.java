package io.argus.deep.series;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link ConvAutoEncoder}. The defaults are those of SKAB's Conv-AE notebook (the
 * leaderboard's Conv-AE, F1 0.78), itself the Keras example "Timeseries anomaly detection using an
 * Autoencoder": windows of 60 steps; Conv1D(32, 7, stride 2) → Dropout(0.2) → Conv1D(16, 7, stride 2) →
 * Conv1DTranspose(16, 7, stride 2) → Dropout(0.2) → Conv1DTranspose(32, 7, stride 2) →
 * Conv1DTranspose(channels, 7), ReLU, "same" padding; Adam 1e-3, MSE, batch 32, at most 100 epochs with
 * a 10% validation split and early stopping after 5 epochs without improvement; the alarm threshold
 * (UCL) is 3/2 of the 0.99 quantile of the training windows' residuals. These values are quoted from
 * memory of that notebook (it could not be re-read here).
 *
 * @param window steps per window
 * @param filters filters of the first convolution (the second has half)
 * @param kernel convolution kernel width (odd)
 * @param dropout dropout rate
 * @param epochs maximum epochs
 * @param batchSize windows per mini-batch
 * @param learningRate Adam's learning rate
 * @param validationFraction share of training windows held out for early stopping
 * @param patience epochs without validation improvement before stopping
 * @param uclQuantile quantile of training residuals behind the threshold
 * @param uclFactor factor on that quantile
 */
public record ConvAutoEncoderParams(
        @Param(doc = "steps per window (a multiple of 4)", min = 4, max = 100000) int window,
        @Param(doc = "filters of the first convolution; the second has half", min = 2, max = 4096) int filters,
        @Param(doc = "convolution kernel width (odd)", min = 1, max = 1001) int kernel,
        @Param(doc = "dropout rate", min = 0, max = 0.9) double dropout,
        @Param(doc = "maximum training epochs", min = 1, max = 100000) int epochs,
        @Param(doc = "windows per mini-batch", min = 2, max = 1048576) int batchSize,
        @Param(doc = "Adam learning rate", min = 1e-8, max = 1) double learningRate,
        @Param(doc = "share of training windows held out for early stopping", min = 0, max = 0.5) double validationFraction,
        @Param(doc = "epochs without validation improvement before stopping; 0 never stops early", min = 0, max = 100000) int patience,
        @Param(doc = "quantile of the training windows' residuals behind the alarm threshold", min = 0, max = 1) double uclQuantile,
        @Param(doc = "the alarm threshold is this factor times that quantile", min = 0, max = 100) double uclFactor) {

    /** SKAB's Conv-AE settings. */
    public static final ConvAutoEncoderParams DEFAULTS = new ConvAutoEncoderParams(60, 32, 7, 0.2, 100, 32, 1e-3, 0.1, 5, 0.99, 1.5);

    public ConvAutoEncoderParams {
        Params.checkRange("window", window, 4, 100000);
        if (window % 4 != 0) {
            throw new IllegalArgumentException("parameter window = " + window + " must be a multiple of 4 (two stride-2 convolutions)");
        }
        Params.checkRange("filters", filters, 2, 4096);
        Params.checkRange("kernel", kernel, 1, 1001);
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
    }

    /** The same with another number of epochs. */
    public ConvAutoEncoderParams withEpochs(int e) {
        return new ConvAutoEncoderParams(window, filters, kernel, dropout, e, batchSize, learningRate, validationFraction, patience, uclQuantile,
                uclFactor);
    }
}
