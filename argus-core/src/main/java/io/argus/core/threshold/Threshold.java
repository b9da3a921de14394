package io.argus.core.threshold;

/**
 * A decision threshold on raw scores: a unit is flagged anomalous when its score is {@code >= value}.
 *
 * @param value the threshold on the raw score scale
 * @param rule how it was chosen: "contamination", "target-fpr", "best-f1", "robust-z" or "fixed"
 * @param parameter the rule's parameter (the contamination share, the false-positive rate, z), NaN if none
 */
public record Threshold(double value, String rule, double parameter) {

    public Threshold {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("threshold value is NaN");
        }
    }

    /** Whether {@code score} is flagged. */
    public boolean flags(double score) {
        return score >= value;
    }

    /** For people: {@code contamination=0.1 -> 0.5231}. */
    public String describe() {
        return rule + (Double.isNaN(parameter) ? "" : "=" + parameter) + " -> " + value;
    }
}
