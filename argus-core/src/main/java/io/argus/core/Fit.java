package io.argus.core;

import io.argus.core.data.Dataset;
import java.util.Objects;

/**
 * A fitted model together with the in-sample scores of the data it was fitted on, and how long the two
 * steps took. Where a method computes its training scores as part of fitting (LOF), the scoring time
 * is zero and the fitting time holds both.
 *
 * @param model the fitted model
 * @param trainingScores one score per training unit, higher = more anomalous
 * @param fitNanos wall time spent fitting
 * @param scoreNanos wall time spent scoring the training data after fitting
 */
public record Fit<D extends Dataset>(Model<D> model, Scores trainingScores, long fitNanos, long scoreNanos) {

    public Fit {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(trainingScores, "trainingScores");
    }
}
