package io.argus.metrics.series;

/**
 * Precision, recall and their harmonic mean F1 of one thresholded time-series metric.
 *
 * @param precision in [0, 1]; NaN where the metric leaves it undefined (see the metric's Javadoc)
 * @param recall    in [0, 1]
 * @param f1        2PR/(P+R), 0 when P+R = 0 or P is undefined
 */
public record PrecisionRecall(double precision, double recall, double f1) {

    /** The record with F1 computed from {@code precision} and {@code recall}. */
    public static PrecisionRecall of(double precision, double recall) {
        double f = Double.isNaN(precision) || precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new PrecisionRecall(precision, recall, f);
    }
}
