package io.argus.core.threshold;

import java.util.Arrays;

/**
 * Ways to turn scores into a decision threshold without looking at test labels. Each rule flags a
 * unit when its score is {@code >= } the returned value. Time O(n log n) (a sort), memory O(n).
 */
public final class Thresholds {

    /** Share of anomalies assumed by {@link #contamination} when none is given (as PyOD's default). */
    public static final double CONTAMINATION_DEFAULT = 0.1;

    /** The 1.4826 factor that makes the MAD a consistent estimator of the standard deviation under normality. */
    private static final double MAD_TO_SIGMA = 1.4826;

    private Thresholds() {
    }

    /**
     * The threshold that flags the top {@code share} of the training scores: the k-th largest score with
     * k = max(1, round(share · n)). Ties at the threshold are all flagged.
     *
     * @param share expected share of anomalies, in (0, 0.5]
     */
    public static Threshold contamination(double[] trainingScores, double share) {
        checkShare("contamination", share, 0.5);
        double[] s = sortedCopy(trainingScores, "contamination");
        int k = (int) Math.max(1, Math.round(share * s.length));
        return new Threshold(s[s.length - k], "contamination", share);
    }

    /**
     * The lowest threshold whose false-positive rate on held-out normal scores is at most {@code fpr}:
     * at most floor(fpr · n) normal scores lie at or above it.
     *
     * @param fpr target false-positive rate, in (0, 1)
     */
    public static Threshold targetFpr(double[] normalScores, double fpr) {
        if (!(fpr > 0 && fpr < 1)) {
            throw new IllegalArgumentException("target false-positive rate = " + fpr + " is out of range; allowed: (0, 1)");
        }
        double[] s = sortedCopy(normalScores, "target-fpr");
        int allowed = (int) Math.floor(fpr * s.length);
        double t;
        if (allowed == 0) {
            t = Math.nextUp(s[s.length - 1]);
        } else {
            // The (allowed)-th largest score would flag itself; flagging exactly `allowed` scores needs
            // the threshold just above the next one down, unless ties force it higher.
            double cut = s[s.length - allowed];
            double below = s[s.length - allowed - 1];
            t = cut > below ? Math.nextUp(below) : Math.nextUp(cut);
        }
        return new Threshold(t, "target-fpr", fpr);
    }

    /**
     * The threshold that maximises F1 on a labelled validation set (flag = score {@code >=} t), the
     * lowest such threshold when several tie. Never use test labels here.
     *
     * @param labels 1 = anomaly, 0 = normal; at least one of each
     */
    public static Threshold bestF1(double[] scores, int[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException("shape mismatch: " + scores.length + " scores but " + labels.length + " labels");
        }
        int n = scores.length;
        Integer[] order = new Integer[n];
        int positives = 0;
        for (int i = 0; i < n; i++) {
            order[i] = i;
            positives += labels[i];
        }
        if (positives == 0 || positives == n) {
            throw new IllegalArgumentException("best-F1 needs both anomalies and normal units in the validation labels");
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        int tp = 0;
        double bestF1 = -1;
        double best = Double.NaN;
        for (int r = 0; r < n; r++) {
            tp += labels[order[r]];
            // Only evaluate at the end of a run of tied scores: all tied units are flagged together.
            if (r + 1 < n && scores[order[r + 1]] == scores[order[r]]) {
                continue;
            }
            double f1 = 2.0 * tp / (r + 1 + positives);
            if (f1 >= bestF1) {
                bestF1 = f1;
                best = scores[order[r]];
            }
        }
        return new Threshold(best, "best-f1", bestF1);
    }

    /**
     * The robust z-score rule: median + z · 1.4826 · MAD of the scores. A MAD of zero falls back to the
     * smallest score above the median, so that constant scores flag nothing.
     *
     * @param z how many robust standard deviations above the median, in (0, 100]
     */
    public static Threshold robustZ(double[] scores, double z) {
        if (!(z > 0 && z <= 100)) {
            throw new IllegalArgumentException("robust z = " + z + " is out of range; allowed: (0, 100]");
        }
        double[] s = sortedCopy(scores, "robust-z");
        double median = median(s);
        double[] dev = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            dev[i] = Math.abs(s[i] - median);
        }
        Arrays.sort(dev);
        double mad = median(dev);
        double t = mad > 0 ? median + z * MAD_TO_SIGMA * mad : Math.nextUp(s[s.length - 1]);
        return new Threshold(t, "robust-z", z);
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return (n & 1) == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    private static double[] sortedCopy(double[] scores, String rule) {
        if (scores.length == 0) {
            throw new IllegalArgumentException(rule + " threshold needs at least one score");
        }
        double[] s = scores.clone();
        Arrays.sort(s);
        return s;
    }

    private static void checkShare(String name, double share, double max) {
        if (!(share > 0 && share <= max)) {
            throw new IllegalArgumentException(name + " = " + share + " is out of range; allowed: (0, " + max + "]");
        }
    }
}
