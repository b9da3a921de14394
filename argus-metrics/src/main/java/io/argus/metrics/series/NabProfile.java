package io.argus.metrics.series;

import java.util.List;

/**
 * An application profile of the Numenta Anomaly Benchmark: the weights of true positives, false
 * positives and missed windows in the NAB score (Lavin &amp; Ahmad, "Evaluating Real-time Anomaly
 * Detection Algorithms — the Numenta Anomaly Benchmark", IEEE ICMLA 2015; values from
 * {@code numenta/NAB config/profiles.json}).
 *
 * @param name     NAB's profile name
 * @param tpWeight weight of a detection at the very start of a window
 * @param fpWeight weight of a detection far from any window
 * @param fnWeight penalty of a window without detection
 */
public record NabProfile(String name, double tpWeight, double fpWeight, double fnWeight) {

    /** NAB "standard": A_TP 1, A_FP 0.11, A_FN 1. */
    public static final NabProfile STANDARD = new NabProfile("standard", 1.0, 0.11, 1.0);

    /** NAB "reward_low_FP_rate": A_TP 1, A_FP 0.22, A_FN 1. */
    public static final NabProfile REWARD_LOW_FP = new NabProfile("reward_low_FP_rate", 1.0, 0.22, 1.0);

    /** NAB "reward_low_FN_rate": A_TP 1, A_FP 0.11, A_FN 2. */
    public static final NabProfile REWARD_LOW_FN = new NabProfile("reward_low_FN_rate", 1.0, 0.11, 2.0);

    /** Validates the weights (finite, tpWeight &gt; 0, the others ≥ 0). */
    public NabProfile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("profile name must not be blank");
        }
        if (!(tpWeight > 0) || !(fpWeight >= 0) || !(fnWeight >= 0)
                || Double.isInfinite(tpWeight) || Double.isInfinite(fpWeight) || Double.isInfinite(fnWeight)) {
            throw new IllegalArgumentException("profile " + name + ": weights must be finite with tpWeight > 0 and fpWeight, fnWeight >= 0; got tp="
                    + tpWeight + " fp=" + fpWeight + " fn=" + fnWeight);
        }
    }

    /** The three published profiles: standard, reward low FP rate, reward low FN rate. */
    public static List<NabProfile> all() {
        return List.of(STANDARD, REWARD_LOW_FP, REWARD_LOW_FN);
    }
}
