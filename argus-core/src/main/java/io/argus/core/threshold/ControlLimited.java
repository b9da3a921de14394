package io.argus.core.threshold;

/**
 * A fitted model that carries its own alarm limit, derived from training data only: a statistical
 * control limit (PCA T²+Q's), or a method's published rule (SKAB's autoencoders put theirs at a multiple
 * of a high quantile of the training residuals). A unit whose score is above the limit is flagged.
 * Benchmarks and front ends use it instead of a generic rule (a quantile of training scores).
 */
public interface ControlLimited {

    /** The score above which a unit is flagged (strictly greater). */
    double controlLimit();
}
