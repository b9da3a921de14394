package io.argus.deep.series;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link AxonAd}. The defaults are AxonAD's tuned values ("Surprised by Attention",
 * iis-esslingen/AxonAD, ECML-PKDD 2026; {@code TSB_AD/HP_list.py} {@code Optimal_Multi_algo_HP_dict}, as
 * summarised in {@code shared/docs/papers/OTHER.md} §1): W = 100, d = 128, 8 heads, lr 5e-4,
 * kl_tail_k = 10, forecast_steps = 1; and the training settings of {@code TSB_AD/models/AxonAD.py}:
 * AdamW with weight decay 1e-5, gradient-norm clip 1.0, batch 128, at most 50 epochs, a 20% validation
 * split with early stopping on validation reconstruction MSE after 3 epochs without improvement, EMA
 * momentum 0.9, TCN dropout 0.1, JEPA mask covering about 50% of the tail in blocks of round(0.5 · tail).
 *
 * <p>AxonAD itself has no threshold (its evaluation is threshold-free). The last two parameters are
 * Argus' alarm rule, the one SKAB's Conv-AE and LSTM-AE use: UCL = {@code uclFactor} · the
 * {@code uclQuantile} quantile of the training windows' scores (training data only).
 *
 * @param window steps per window W
 * @param dModel model width d (a multiple of heads)
 * @param heads attention heads
 * @param learningRate AdamW learning rate
 * @param klTailK last valid steps whose query mismatch enters the score
 * @param forecastSteps the student's shift s: it predicts step t's query from steps before t − s + 1
 * @param epochs maximum epochs
 * @param batchSize windows per mini-batch
 * @param validationFraction share of training windows held out for early stopping
 * @param patience epochs without validation improvement before stopping
 * @param weightDecay AdamW's decoupled weight decay
 * @param gradClip maximum global gradient norm
 * @param emaMomentum momentum m of the EMA target (target = m · target + (1 − m) · student)
 * @param dropout dropout after each TCN block
 * @param maskRatio share of the tail region the JEPA mask covers
 * @param uclQuantile quantile of training window scores behind the alarm threshold
 * @param uclFactor factor on that quantile
 */
public record AxonAdParams(
        @Param(doc = "steps per window W", min = 4, max = 100000) int window,
        @Param(doc = "model width d (a multiple of heads)", min = 1, max = 4096) int dModel,
        @Param(doc = "attention heads", min = 1, max = 256) int heads,
        @Param(doc = "AdamW learning rate", min = 1e-8, max = 1) double learningRate,
        @Param(doc = "last valid steps whose query mismatch enters the score (kl_tail_k)", min = 1, max = 100000) int klTailK,
        @Param(doc = "the student's forecast shift s (forecast_steps), below the window", min = 1, max = 100000) int forecastSteps,
        @Param(doc = "maximum training epochs", min = 1, max = 100000) int epochs,
        @Param(doc = "windows per mini-batch", min = 2, max = 1048576) int batchSize,
        @Param(doc = "share of training windows held out for early stopping", min = 0, max = 0.5) double validationFraction,
        @Param(doc = "epochs without validation improvement before stopping; 0 never stops early", min = 0, max = 100000) int patience,
        @Param(doc = "AdamW decoupled weight decay", min = 0, max = 1) double weightDecay,
        @Param(doc = "maximum global gradient norm", min = 0, max = 1e6) double gradClip,
        @Param(doc = "EMA target momentum", min = 0, max = 1) double emaMomentum,
        @Param(doc = "dropout after each TCN block", min = 0, max = 0.9) double dropout,
        @Param(doc = "share of the tail region the JEPA mask covers", min = 0.01, max = 1) double maskRatio,
        @Param(doc = "quantile of the training windows' scores behind the alarm threshold", min = 0, max = 1) double uclQuantile,
        @Param(doc = "the alarm threshold is this factor times that quantile", min = 0, max = 100) double uclFactor) {

    /** AxonAD's tuned defaults, with SKAB's alarm rule. */
    public static final AxonAdParams DEFAULTS = new AxonAdParams(100, 128, 8, 5e-4, 10, 1, 50, 128, 0.2, 3, 1e-5, 1.0, 0.9, 0.1, 0.5,
            0.99, 1.5);

    public AxonAdParams {
        Params.checkRange("window", window, 4, 100000);
        Params.checkRange("dModel", dModel, 1, 4096);
        Params.checkRange("heads", heads, 1, 256);
        if (dModel % heads != 0) {
            throw new IllegalArgumentException("parameter dModel = " + dModel + " must be a multiple of heads = " + heads);
        }
        Params.checkRange("learningRate", learningRate, 1e-8, 1);
        Params.checkRange("klTailK", klTailK, 1, 100000);
        Params.checkRange("forecastSteps", forecastSteps, 1, 100000);
        if (forecastSteps >= window - 1) {
            throw new IllegalArgumentException("parameter forecastSteps = " + forecastSteps + " must be below window - 1 = " + (window - 1));
        }
        Params.checkRange("epochs", epochs, 1, 100000);
        Params.checkRange("batchSize", batchSize, 2, 1048576);
        Params.checkRange("validationFraction", validationFraction, 0, 0.5);
        Params.checkRange("patience", patience, 0, 100000);
        Params.checkRange("weightDecay", weightDecay, 0, 1);
        Params.checkRange("gradClip", gradClip, 0, 1e6);
        Params.checkRange("emaMomentum", emaMomentum, 0, 1);
        Params.checkRange("dropout", dropout, 0, 0.9);
        Params.checkRange("maskRatio", maskRatio, 0.01, 1);
        Params.checkRange("uclQuantile", uclQuantile, 0, 1);
        Params.checkRange("uclFactor", uclFactor, 0, 100);
    }

    /** The same with another number of epochs. */
    public AxonAdParams withEpochs(int e) {
        return new AxonAdParams(window, dModel, heads, learningRate, klTailK, forecastSteps, e, batchSize, validationFraction, patience,
                weightDecay, gradClip, emaMomentum, dropout, maskRatio, uclQuantile, uclFactor);
    }

    /** The same with another window and width (the smaller grid values of the paper are W 50, d 64, 4 heads). */
    public AxonAdParams withShape(int w, int d, int h) {
        return new AxonAdParams(w, d, h, learningRate, klTailK, forecastSteps, epochs, batchSize, validationFraction, patience,
                weightDecay, gradClip, emaMomentum, dropout, maskRatio, uclQuantile, uclFactor);
    }
}
