package io.argus.bench;

import io.argus.core.threshold.Threshold;
import io.argus.core.threshold.Thresholds;
import java.util.Locale;

/**
 * How a fitted model's decision threshold is chosen, as written on the command line:
 * {@code contamination:0.1} (top share of training scores; the default), {@code robust-z:3}
 * (median + z·MAD of training scores), {@code target-fpr:0.01} (on held-out normal data),
 * {@code best-f1} (on a labelled validation set) or {@code fixed:0.7}.
 *
 * @param kind the rule
 * @param parameter its parameter (NaN for best-f1)
 */
public record ThresholdRule(Kind kind, double parameter) {

    /** The rules. */
    public enum Kind {
        CONTAMINATION, ROBUST_Z, TARGET_FPR, BEST_F1, FIXED;

        String text() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** contamination:0.1. */
    public static final ThresholdRule DEFAULT = new ThresholdRule(Kind.CONTAMINATION, Thresholds.CONTAMINATION_DEFAULT);

    /** Parses {@code kind[:parameter]}. */
    public static ThresholdRule parse(String text) {
        String[] parts = text.trim().split(":", 2);
        Kind kind = null;
        for (Kind k : Kind.values()) {
            if (k.text().equals(parts[0].toLowerCase(Locale.ROOT))) {
                kind = k;
            }
        }
        if (kind == null) {
            throw new IllegalArgumentException("--threshold '" + text + "': unknown rule; use contamination:SHARE, robust-z:Z, "
                    + "target-fpr:RATE, best-f1 or fixed:VALUE");
        }
        if (kind == Kind.BEST_F1) {
            if (parts.length > 1) {
                throw new IllegalArgumentException("--threshold '" + text + "': rule best-f1 takes no value");
            }
            return new ThresholdRule(kind, Double.NaN);
        }
        if (parts.length < 2) {
            throw new IllegalArgumentException("--threshold '" + text + "': rule " + kind.text() + " needs a value, e.g. " + kind.text()
                    + (kind == Kind.CONTAMINATION ? ":0.1" : kind == Kind.ROBUST_Z ? ":3" : kind == Kind.TARGET_FPR ? ":0.01" : ":0.5"));
        }
        double value;
        try {
            value = Double.parseDouble(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--threshold '" + text + "': '" + parts[1] + "' is not a number", e);
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("--threshold '" + text + "': the value must be a finite number");
        }
        return new ThresholdRule(kind, value);
    }

    /** Whether the rule needs scores of a validation set (held-out normal data or labelled data). */
    public boolean needsValidation() {
        return kind == Kind.TARGET_FPR || kind == Kind.BEST_F1;
    }

    /**
     * Chooses the threshold.
     *
     * @param training in-sample training scores
     * @param validation scores of the validation set, or null
     * @param validationLabels labels of the validation set (best-f1 only), or null
     */
    public Threshold choose(double[] training, double[] validation, int[] validationLabels) {
        return switch (kind) {
            case CONTAMINATION -> Thresholds.contamination(training, parameter);
            case ROBUST_Z -> Thresholds.robustZ(training, parameter);
            case FIXED -> new Threshold(parameter, "fixed", parameter);
            case TARGET_FPR -> {
                if (validation == null) {
                    throw new IllegalArgumentException("--threshold target-fpr needs --validation FILE of held-out normal rows");
                }
                yield Thresholds.targetFpr(validation, parameter);
            }
            case BEST_F1 -> {
                if (validation == null || validationLabels == null) {
                    throw new IllegalArgumentException("--threshold best-f1 needs --validation FILE with a label column (--label)");
                }
                yield Thresholds.bestF1(validation, validationLabels);
            }
        };
    }

    @Override
    public String toString() {
        return kind.text() + (Double.isNaN(parameter) ? "" : ":" + parameter);
    }
}
