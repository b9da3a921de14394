package io.argus.core;

import io.argus.core.data.Dataset;

/**
 * An anomaly-detection method configured with its parameters: it fits a {@link Model} on normal or
 * unlabelled data. A detector is immutable and can fit any number of models.
 *
 * @param <D> the modality it reads (a {@link io.argus.core.data.Table}, a series, a graph, ...)
 */
public interface Detector<D extends Dataset> {

    /**
     * Fits a model on training data: normal data, or unlabelled data with a small share of anomalies.
     * Labels, when the data carries them, are never read.
     */
    Model<D> fit(D train, Context ctx);

    /**
     * Fits a model and scores the training data in-sample, in one pass where the method allows it.
     * For neighbour methods a training unit is not its own neighbour (as scikit-learn's
     * {@code LocalOutlierFactor.negative_outlier_factor_} and PyOD's {@code decision_scores_}), so
     * this is what the unsupervised "fit and score on all rows" protocol calls. The default fits and
     * then scores.
     */
    default Fit<D> fitScore(D train, Context ctx) {
        long t0 = System.nanoTime();
        Model<D> model = fit(train, ctx);
        long t1 = System.nanoTime();
        Scores scores = model.score(train, ctx);
        return new Fit<>(model, scores, t1 - t0, System.nanoTime() - t1);
    }
}
