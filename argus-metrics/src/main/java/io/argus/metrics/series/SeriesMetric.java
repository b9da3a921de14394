package io.argus.metrics.series;

/**
 * A time-series metric of per-step scores against 0/1 labels per step (1 = anomalous step; the
 * maximal runs of 1 are the labelled ranges): one number a paper or peer tool reports. Implementations
 * say in their Javadoc which definition they follow.
 */
public interface SeriesMetric {

    /** The name in snake_case, as result tables and {@code --metrics} use it ("vus_pr"). */
    String name();

    /**
     * Whether the metric picks its detection threshold with the labels (TSB-AD's and NAB's "oracle"
     * protocols). Such numbers are optimistic; result tables should flag them.
     */
    boolean thresholdFromLabels();

    /**
     * The metric of {@code scores} (higher = more anomalous) against {@code labels}.
     *
     * @throws IllegalArgumentException on a length mismatch, a non-finite score, a label other than
     *         0/1, or labels for which the metric is undefined (no anomaly, or for VUS no normal step)
     */
    double compute(double[] scores, int[] labels);
}
