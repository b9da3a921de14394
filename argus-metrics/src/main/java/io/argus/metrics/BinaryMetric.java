package io.argus.metrics;

/**
 * A metric of scores against binary labels (1 = anomaly): one number a paper or peer tool reports.
 * Implementations say in their Javadoc exactly which definition they follow.
 */
public interface BinaryMetric {

    /** The name in snake_case, as result tables and {@code --metrics} use it ("auroc", "ap"). */
    String name();

    /**
     * The metric of {@code scores} (higher = more anomalous) against {@code labels}.
     *
     * @throws IllegalArgumentException on a length mismatch, a NaN score, a label other than 0/1, or
     *         labels of only one class (the metric is undefined then; it never silently returns 0.5)
     */
    double compute(double[] scores, int[] labels);
}
