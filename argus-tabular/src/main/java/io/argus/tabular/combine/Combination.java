package io.argus.tabular.combine;

/**
 * How the standardised scores of several detectors become one score per row, after Aggarwal and Sathe,
 * "Theoretical foundations and algorithms for outlier ensembles", SIGKDD Explorations 17(1), 2015, §5,
 * with the semantics of PyOD's {@code pyod.models.combination} ({@code average}, {@code maximization},
 * {@code aom}, {@code moa} in static mode).
 *
 * <p>Averaging reduces variance; the maximum reduces bias (a row that one detector finds very unusual
 * stays unusual) but adds variance; AOM and MOA trade between the two by splitting the detectors into
 * buckets at random (see {@link Buckets}).
 */
public enum Combination {

    /** The mean of the m standardised scores. */
    AVERAGE,

    /** The largest of the m standardised scores. */
    MAXIMUM,

    /** Average of maximum: the maximum within each bucket, then the mean of the bucket maxima. */
    AOM,

    /** Maximum of average: the mean within each bucket, then the largest bucket mean. */
    MOA;

    /** Whether the rule splits the detectors into buckets. */
    public boolean usesBuckets() {
        return this == AOM || this == MOA;
    }
}
