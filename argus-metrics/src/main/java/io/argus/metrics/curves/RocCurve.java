package io.argus.metrics.curves;

import java.util.Arrays;

/**
 * A receiver operating characteristic curve as data: point i flags every unit scoring at least
 * {@code thresholds[i]} and has false-positive rate {@code fpr[i]} = FP/N⁻ and true-positive rate
 * {@code tpr[i]} = TP/N⁺. Points run from the highest threshold (the origin) to the lowest (1, 1), as
 * scikit-learn's {@code roc_curve} returns them. Made by {@code BinaryMetrics.rocCurve}. The arrays are
 * copied in and out, so the record is immutable; equality compares contents.
 *
 * @param fpr false-positive rates, non-decreasing, from 0 to 1
 * @param tpr true-positive rates, non-decreasing, from 0 to 1
 * @param thresholds decreasing thresholds; the first is the highest score + 1 (scikit-learn 1.2)
 */
public record RocCurve(double[] fpr, double[] tpr, double[] thresholds) {

    /** Checks that the three arrays have one length and copies them. */
    public RocCurve {
        if (fpr.length != tpr.length || fpr.length != thresholds.length) {
            throw new IllegalArgumentException("length mismatch: " + fpr.length + " FPRs, " + tpr.length + " TPRs, " + thresholds.length
                    + " thresholds");
        }
        fpr = fpr.clone();
        tpr = tpr.clone();
        thresholds = thresholds.clone();
    }

    /** The number of points. */
    public int size() {
        return fpr.length;
    }

    @Override
    public double[] fpr() {
        return fpr.clone();
    }

    @Override
    public double[] tpr() {
        return tpr.clone();
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RocCurve c && Arrays.equals(fpr, c.fpr) && Arrays.equals(tpr, c.tpr) && Arrays.equals(thresholds, c.thresholds);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(fpr) + Arrays.hashCode(tpr)) + Arrays.hashCode(thresholds);
    }

    @Override
    public String toString() {
        return "RocCurve[" + fpr.length + " points]";
    }
}
