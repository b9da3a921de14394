package io.argus.timeseries.methods;

/**
 * A fitted model whose scores come with a statistical control limit: a score above it means the step is
 * out of control at the model's significance level (PCA T²+Q's limits). Benchmarks and front ends use it
 * as the threshold instead of a quantile of training scores; it is derived from training data only.
 */
public interface ControlLimited {

    /** The score above which a unit is flagged. */
    double controlLimit();
}
