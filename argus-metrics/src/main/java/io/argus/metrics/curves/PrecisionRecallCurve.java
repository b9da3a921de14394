package io.argus.metrics.curves;

import java.util.Arrays;

/**
 * A precision–recall curve as data, in scikit-learn's {@code precision_recall_curve} layout: point i
 * (i &lt; thresholds.length) flags every unit scoring at least {@code thresholds[i]}, thresholds
 * increasing, so recall falls along the arrays; {@code precision} and {@code recall} hold one more
 * element, the conventional end point precision 1, recall 0. Made by
 * {@code BinaryMetrics.precisionRecallCurve}. The arrays are copied in and out, so the record is
 * immutable; equality compares contents.
 *
 * @param precision TP / (TP + FP) per point, then 1
 * @param recall TP / N⁺ per point, non-increasing, then 0
 * @param thresholds the distinct scores, increasing
 */
public record PrecisionRecallCurve(double[] precision, double[] recall, double[] thresholds) {

    /** Checks the lengths (precision and recall have one element more than thresholds) and copies. */
    public PrecisionRecallCurve {
        if (precision.length != recall.length || precision.length != thresholds.length + 1) {
            throw new IllegalArgumentException("length mismatch: " + precision.length + " precisions, " + recall.length + " recalls, "
                    + thresholds.length + " thresholds (expected thresholds + 1 precisions and recalls)");
        }
        precision = precision.clone();
        recall = recall.clone();
        thresholds = thresholds.clone();
    }

    /** The number of points, the end point included. */
    public int size() {
        return precision.length;
    }

    @Override
    public double[] precision() {
        return precision.clone();
    }

    @Override
    public double[] recall() {
        return recall.clone();
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrecisionRecallCurve c && Arrays.equals(precision, c.precision) && Arrays.equals(recall, c.recall)
                && Arrays.equals(thresholds, c.thresholds);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(precision) + Arrays.hashCode(recall)) + Arrays.hashCode(thresholds);
    }

    @Override
    public String toString() {
        return "PrecisionRecallCurve[" + precision.length + " points]";
    }
}
