package io.argus.logs.eval;

import java.util.Locale;

/**
 * One method's result under a log benchmark protocol.
 *
 * @param method the method and its non-default parameters, e.g. {@code counts(method=iforest)}
 * @param thresholdRule how the decision threshold was set, from training data only
 * @param threshold the threshold on raw scores (flag when score >= threshold)
 * @param anomalies test units labelled anomalous
 * @param normals test units labelled normal
 * @param truePositives anomalous units flagged
 * @param falsePositives normal units flagged
 * @param auroc area under the ROC curve of the scores on the test units
 * @param ap average precision of the scores
 * @param fitSeconds wall time of fitting and setting the threshold
 * @param scoreSeconds wall time of scoring the test units
 */
public record MethodRun(String method, String thresholdRule, double threshold, int anomalies, int normals, int truePositives, int falsePositives,
        double auroc, double ap, double fitSeconds, double scoreSeconds) {

    /** Detection rate: anomalous units flagged / anomalous units. */
    public double recall() {
        return anomalies == 0 ? Double.NaN : (double) truePositives / anomalies;
    }

    /** False-positive rate: normal units flagged / normal units. */
    public double fpr() {
        return normals == 0 ? Double.NaN : (double) falsePositives / normals;
    }

    /** Precision: anomalous among flagged (depends on the test's class balance). */
    public double precision() {
        int flagged = truePositives + falsePositives;
        return flagged == 0 ? 0 : (double) truePositives / flagged;
    }

    /** F1 of precision and recall. */
    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The metrics by the names the bench suites write: recall, fpr, precision, f1, auroc, ap. */
    public java.util.Map<String, Double> metrics() {
        java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
        m.put("recall", recall());
        m.put("fpr", fpr());
        m.put("precision", precision());
        m.put("f1", f1());
        m.put("auroc", auroc);
        m.put("ap", ap);
        return m;
    }

    /** One line for people. */
    public String describe() {
        return String.format(Locale.ROOT, "%-34s recall=%.4f fpr=%.4f precision=%.4f f1=%.4f auroc=%.4f ap=%.4f threshold=%s:%.4g (%.1fs)", method,
                recall(), fpr(), precision(), f1(), auroc, ap, thresholdRule, threshold, fitSeconds + scoreSeconds);
    }
}
