package io.argus.logs.detect;

/**
 * A log model with its method's own decision rule, derived from the training data only: the
 * Q-statistic of PCA, "any invariant broken", the clustering distance, "any unexpected next event".
 */
public interface IntrinsicThreshold {

    /** A session is flagged when its raw score is {@code >=} this value. */
    double threshold();
}
