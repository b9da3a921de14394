package io.argus.metrics;

import io.argus.metrics.curves.PrecisionRecallCurve;
import io.argus.metrics.curves.RocCurve;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact metrics of anomaly scores against binary labels (1 = anomaly; higher score = more anomalous),
 * defined as scikit-learn 1.2 (or, for {@link #PRECISION_AT_N}, PyOD) defines them so that Argus'
 * numbers can be compared with published ones. Every metric costs O(n log n) time (one sort) and O(n)
 * memory.
 *
 * <p>Registry names ({@link #all()}, {@link #byName(String)}, {@code argus eval --metrics}):
 * {@code auroc}, {@code ap}, {@code auprc_trapezoid}, {@code f1_max}, {@code precision_at_n} and
 * {@code recall_at_fpr_<x>} for any x in [0, 1] ({@code recall_at_fpr_0.01} is the listed default).
 *
 * <p>Every metric rejects a length mismatch, a NaN score, a label other than 0/1 and labels of one class
 * only with an {@link IllegalArgumentException} that names the problem; none silently returns 0.5.
 */
public final class BinaryMetrics {

    /**
     * Area under the ROC curve: the probability that a random anomaly scores higher than a random
     * normal unit, ties counting one half (the Mann–Whitney U statistic over n⁺·n⁻). Equal to
     * scikit-learn's {@code roc_auc_score}, whose trapezoidal ROC over distinct thresholds handles
     * ties the same way.
     */
    public static final BinaryMetric AUROC = named("auroc", BinaryMetrics::auroc);

    /**
     * Average precision as scikit-learn's {@code average_precision_score}: Σₙ (Rₙ − Rₙ₋₁)·Pₙ over the
     * distinct score thresholds in decreasing order (a step function, no interpolation; units with tied
     * scores enter together).
     */
    public static final BinaryMetric AP = named("ap", BinaryMetrics::averagePrecision);

    /**
     * Area under the precision–recall curve by the trapezoidal rule, as scikit-learn's
     * {@code auc(recall, precision)} over {@code precision_recall_curve}: the points of
     * {@link #precisionRecallCurve} (including the appended point recall 0, precision 1) joined by
     * straight lines. Linear interpolation in PR space is optimistic (Davis &amp; Goadrich, "The
     * relationship between precision-recall and ROC curves", ICML 2006); it is reported separately from
     * {@link #AP} because papers use both and they differ.
     */
    public static final BinaryMetric AUPRC_TRAPEZOID = named("auprc_trapezoid", BinaryMetrics::auprcTrapezoid);

    /**
     * The best F1 over all thresholds t taken from the distinct scores, flagging {@code score >= t}:
     * max over t of 2·TP/(2·TP + FP + FN), i.e. the maximum of 2PR/(P+R) over the points of
     * scikit-learn's {@code precision_recall_curve}. {@link #f1Max} also gives the threshold.
     */
    public static final BinaryMetric F1_MAX = named("f1_max", (s, y) -> f1Max(s, y).f1());

    /**
     * Precision at rank n, n = number of anomalies in the labels, exactly as PyOD's
     * {@code precision_n_scores} (pyod.utils.utility): threshold t = numpy's
     * {@code percentile(scores, 100·(1 − n/N))} with linear interpolation, flag = {@code score > t}
     * (strictly), value = TP / flagged. Ties at the cut: when the n-th and (n+1)-th largest scores are
     * equal, t equals them and every unit tied at the cut is left unflagged (fewer than n flags);
     * otherwise exactly the units scoring at least the n-th largest score are flagged. When nothing is
     * flagged (for example all scores equal) the value is 0, as PyOD (scikit-learn's
     * {@code precision_score} with zero division) returns.
     */
    public static final BinaryMetric PRECISION_AT_N = named("precision_at_n", BinaryMetrics::precisionAtN);

    /** The default largest false-positive rate of {@link #RECALL_AT_FPR}: 0.01. */
    public static final double RECALL_AT_FPR_DEFAULT = 0.01;

    /**
     * Recall (TPR) at FPR &le; 0.01: see {@link #recallAtFpr(double[], int[], double)}; named
     * {@code recall_at_fpr_0.01}. Other limits are available by name, e.g. {@code recall_at_fpr_0.05}.
     */
    public static final BinaryMetric RECALL_AT_FPR = recallAtFprMetric(RECALL_AT_FPR_DEFAULT);

    private static final String RECALL_AT_FPR_PREFIX = "recall_at_fpr_";

    private static final Map<String, BinaryMetric> BY_NAME = new LinkedHashMap<>();

    static {
        for (BinaryMetric m : List.of(AUROC, AP, AUPRC_TRAPEZOID, F1_MAX, PRECISION_AT_N, RECALL_AT_FPR)) {
            BY_NAME.put(m.name(), m);
        }
    }

    private BinaryMetrics() {
    }

    /** All binary metrics, in the order result tables list them. */
    public static List<BinaryMetric> all() {
        return List.copyOf(BY_NAME.values());
    }

    /**
     * The metric of that name; {@code recall_at_fpr_<x>} works for any x in [0, 1]. An unknown name
     * gives an error listing the known ones.
     */
    public static BinaryMetric byName(String name) {
        BinaryMetric m = BY_NAME.get(name);
        if (m == null && name != null && name.startsWith(RECALL_AT_FPR_PREFIX)) {
            String x = name.substring(RECALL_AT_FPR_PREFIX.length());
            double maxFpr;
            try {
                maxFpr = Double.parseDouble(x);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("unknown metric '" + name + "': '" + x + "' is not a number; use e.g. recall_at_fpr_0.05");
            }
            return recallAtFprMetric(maxFpr);
        }
        if (m == null) {
            throw new IllegalArgumentException("unknown metric '" + name + "'; known metrics: " + String.join(", ", BY_NAME.keySet())
                    + " (recall_at_fpr_<x> for any x in [0, 1])");
        }
        return m;
    }

    /** The metric {@code recall_at_fpr_<maxFpr>}: see {@link #recallAtFpr(double[], int[], double)}. */
    public static BinaryMetric recallAtFprMetric(double maxFpr) {
        checkMaxFpr(maxFpr);
        String x = java.math.BigDecimal.valueOf(maxFpr).stripTrailingZeros().toPlainString();
        return named(RECALL_AT_FPR_PREFIX + x, (s, y) -> recallAtFpr(s, y, maxFpr));
    }

    /** See {@link #AUPRC_TRAPEZOID}. */
    public static double auprcTrapezoid(double[] scores, int[] labels) {
        Ranked r = Ranked.of(scores, labels);
        // Walk the PR points from the appended (recall 0, precision 1) towards recall 1; scikit-learn's
        // auc() integrates the same points in the reverse direction and flips the sign.
        double area = 0;
        double prevRecall = 0;
        double prevPrecision = 1;
        for (int g = 0; g < r.size(); g++) {
            double recall = (double) r.tps[g] / r.pos;
            double precision = (double) r.tps[g] / (r.tps[g] + r.fps[g]);
            area += (recall - prevRecall) * (precision + prevPrecision) / 2.0;
            prevRecall = recall;
            prevPrecision = precision;
        }
        return area;
    }

    /** See {@link #F1_MAX}; ties in F1 go to the highest threshold. */
    public static F1Max f1Max(double[] scores, int[] labels) {
        Ranked r = Ranked.of(scores, labels);
        int best = -1;
        double bestF1 = -1;
        for (int g = 0; g < r.size(); g++) {
            // 2TP / (2TP + FP + FN) = 2TP / (TP + FP + P): one rounding, so equal F1 values compare equal.
            double f1 = 2.0 * r.tps[g] / ((double) r.tps[g] + r.fps[g] + r.pos);
            if (f1 > bestF1) {
                bestF1 = f1;
                best = g;
            }
        }
        long tp = r.tps[best];
        return new F1Max(bestF1, r.thresholds[best], (double) tp / (tp + r.fps[best]), (double) tp / r.pos);
    }

    /** See {@link #PRECISION_AT_N}. */
    public static double precisionAtN(double[] scores, int[] labels) {
        long pos = check(scores, labels);
        int n = scores.length;
        double[] sorted = scores.clone();
        java.util.Arrays.sort(sorted);
        // numpy.percentile(scores, q), method "linear", step by step as numpy 1.24 computes it, so the
        // threshold is bit-identical to PyOD's.
        double q = 100 * (1 - (double) pos / n);
        double virtualIndex = (n - 1) * (q / 100);
        double threshold;
        if (virtualIndex >= n - 1) {
            threshold = sorted[n - 1];
        } else if (virtualIndex < 0) {
            threshold = sorted[0];
        } else {
            int prev = (int) Math.floor(virtualIndex);
            double gamma = virtualIndex - prev;
            double a = sorted[prev];
            double b = sorted[prev + 1];
            double diff = b - a;
            threshold = gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
        }
        long flagged = 0;
        long tp = 0;
        for (int i = 0; i < n; i++) {
            if (scores[i] > threshold) {
                flagged++;
                tp += labels[i];
            }
        }
        return flagged == 0 ? 0.0 : (double) tp / flagged;
    }

    /**
     * Recall at a false-positive rate of at most {@code maxFpr}: the largest TPR among the points of
     * {@link #rocCurve} (all distinct thresholds, plus the origin) whose FPR = FP/N⁻ is &le; maxFpr.
     * Never interpolates between ROC points, so it is the recall a detector can actually reach with one
     * threshold; 0 when even the highest threshold exceeds the FPR budget. Matches
     * {@code max(tpr[fpr <= maxFpr])} over scikit-learn's {@code roc_curve(drop_intermediate=False)}.
     *
     * @throws IllegalArgumentException besides the usual checks, when maxFpr is not in [0, 1]
     */
    public static double recallAtFpr(double[] scores, int[] labels, double maxFpr) {
        checkMaxFpr(maxFpr);
        Ranked r = Ranked.of(scores, labels);
        double best = 0;
        for (int g = 0; g < r.size(); g++) {
            if ((double) r.fps[g] / r.neg <= maxFpr) {
                best = Math.max(best, (double) r.tps[g] / r.pos);
            } else {
                break; // FPR only grows as the threshold falls
            }
        }
        return best;
    }

    /**
     * The ROC curve as scikit-learn 1.2's {@code roc_curve(labels, scores, drop_intermediate=False)}:
     * one point per distinct score (threshold t, flag {@code score >= t}) in decreasing order, preceded
     * by the origin with threshold = highest score + 1 (scikit-learn 1.3 and later use +∞ there).
     */
    public static RocCurve rocCurve(double[] scores, int[] labels) {
        Ranked r = Ranked.of(scores, labels);
        int m = r.size();
        double[] fpr = new double[m + 1];
        double[] tpr = new double[m + 1];
        double[] thresholds = new double[m + 1];
        thresholds[0] = r.thresholds[0] + 1;
        for (int g = 0; g < m; g++) {
            fpr[g + 1] = (double) r.fps[g] / r.neg;
            tpr[g + 1] = (double) r.tps[g] / r.pos;
            thresholds[g + 1] = r.thresholds[g];
        }
        return new RocCurve(fpr, tpr, thresholds);
    }

    /**
     * The precision–recall curve as scikit-learn 1.2's {@code precision_recall_curve}: thresholds are
     * the distinct scores in increasing order (flag {@code score >= t}), and precision and recall hold
     * one more element, the appended point precision 1, recall 0. No point is dropped (scikit-learn
     * stopped truncating at full recall in 1.1).
     */
    public static PrecisionRecallCurve precisionRecallCurve(double[] scores, int[] labels) {
        Ranked r = Ranked.of(scores, labels);
        int m = r.size();
        double[] precision = new double[m + 1];
        double[] recall = new double[m + 1];
        double[] thresholds = new double[m];
        for (int g = 0; g < m; g++) {
            int k = m - 1 - g;
            precision[k] = (double) r.tps[g] / (r.tps[g] + r.fps[g]);
            recall[k] = (double) r.tps[g] / r.pos;
            thresholds[k] = r.thresholds[g];
        }
        precision[m] = 1;
        recall[m] = 0;
        return new PrecisionRecallCurve(precision, recall, thresholds);
    }

    private static void checkMaxFpr(double maxFpr) {
        if (!(maxFpr >= 0 && maxFpr <= 1)) {
            throw new IllegalArgumentException("max FPR = " + maxFpr + " is out of range; allowed: [0, 1]");
        }
    }

    /** Cumulative counts at each distinct threshold, highest first: the data every curve is made of. */
    static final class Ranked {
        final double[] thresholds;
        final long[] tps;
        final long[] fps;
        final long pos;
        final long neg;
        private final int size;

        private Ranked(double[] thresholds, long[] tps, long[] fps, int size, long pos, long neg) {
            this.thresholds = thresholds;
            this.tps = tps;
            this.fps = fps;
            this.size = size;
            this.pos = pos;
            this.neg = neg;
        }

        int size() {
            return size;
        }

        static Ranked of(double[] scores, int[] labels) {
            int[] order = checkAndSortDescending(scores, labels);
            int n = scores.length;
            double[] thresholds = new double[n];
            long[] tps = new long[n];
            long[] fps = new long[n];
            long tp = 0;
            long fp = 0;
            int groups = 0;
            int i = 0;
            while (i < n) {
                double s = scores[order[i]];
                int j = i;
                while (j < n && scores[order[j]] == s) {
                    if (labels[order[j]] == 1) {
                        tp++;
                    } else {
                        fp++;
                    }
                    j++;
                }
                thresholds[groups] = s + 0.0; // one sign for a tie of -0.0 and 0.0
                tps[groups] = tp;
                fps[groups] = fp;
                groups++;
                i = j;
            }
            return new Ranked(thresholds, tps, fps, groups, tp, fp);
        }
    }

    /** See {@link #AUROC}. */
    public static double auroc(double[] scores, int[] labels) {
        int[] order = checkAndSortDescending(scores, labels);
        int n = scores.length;
        long pos = 0;
        for (int y : labels) {
            pos += y;
        }
        long neg = n - pos;
        // Walk groups of tied scores from the top; each negative in a group is beaten by every positive
        // above the group and ties with the group's positives (counted one half).
        double wins = 0;
        long posAbove = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            long groupPos = 0;
            long groupNeg = 0;
            double s = scores[order[i]];
            while (j < n && scores[order[j]] == s) {
                if (labels[order[j]] == 1) {
                    groupPos++;
                } else {
                    groupNeg++;
                }
                j++;
            }
            wins += groupNeg * (posAbove + 0.5 * groupPos);
            posAbove += groupPos;
            i = j;
        }
        return wins / ((double) pos * neg);
    }

    /** See {@link #AP}. */
    public static double averagePrecision(double[] scores, int[] labels) {
        int[] order = checkAndSortDescending(scores, labels);
        int n = scores.length;
        long pos = 0;
        for (int y : labels) {
            pos += y;
        }
        double ap = 0;
        long tp = 0;
        long seen = 0;
        int i = 0;
        while (i < n) {
            double s = scores[order[i]];
            long groupTp = 0;
            int j = i;
            while (j < n && scores[order[j]] == s) {
                groupTp += labels[order[j]];
                j++;
            }
            tp += groupTp;
            seen += j - i;
            if (groupTp > 0) {
                ap += ((double) groupTp / pos) * ((double) tp / seen);
            }
            i = j;
        }
        return ap;
    }

    /**
     * Validates the inputs and returns the indices sorted by decreasing score.
     */
    static int[] checkAndSortDescending(double[] scores, int[] labels) {
        check(scores, labels);
        return sortDescending(scores);
    }

    /** Validates the inputs and returns the number of anomalies. */
    static long check(double[] scores, int[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException("length mismatch: " + scores.length + " scores but " + labels.length + " labels");
        }
        long pos = 0;
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("label " + i + " is " + labels[i] + "; labels must be 0 or 1");
            }
            pos += labels[i];
        }
        if (pos == 0 || pos == scores.length) {
            throw new IllegalArgumentException("metric undefined: labels hold " + (pos == 0 ? "no anomalies" : "no normal units")
                    + " (" + scores.length + " units)");
        }
        return pos;
    }

    /** Indices of {@code scores} by decreasing value, in O(n log n) via a primitive sort of packed keys. */
    static int[] sortDescending(double[] scores) {
        int n = scores.length;
        // LSD radix sort of 64-bit keys that order like the scores, four passes of 16 bits: O(n), stable,
        // so tied scores end up adjacent (and in index order). About 10x faster than a comparison sort
        // of 10^7 scores, with no boxing.
        long[] keys = new long[n];
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
            long bits = Double.doubleToLongBits(scores[i] + 0.0); // + 0.0 turns -0.0 into 0.0 so they tie
            // Sortable as unsigned: flip all bits of negatives, only the sign bit of positives; then
            // complement, so that ascending key order is descending score order.
            long sortable = bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
            keys[i] = ~sortable;
        }
        if (n < 2) {
            return idx;
        }
        long[] keyBuf = new long[n];
        int[] idxBuf = new int[n];
        int[] count = new int[1 << 16];
        for (int shift = 0; shift < 64; shift += 16) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[(int) ((keys[i] >>> shift) & 0xFFFF)]++;
            }
            if (count[(int) ((keys[0] >>> shift) & 0xFFFF)] == n) {
                continue; // every key has the same digit here: the pass would not move anything
            }
            int sum = 0;
            for (int b = 0; b < count.length; b++) {
                int c = count[b];
                count[b] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                int pos = count[(int) ((keys[i] >>> shift) & 0xFFFF)]++;
                keyBuf[pos] = keys[i];
                idxBuf[pos] = idx[i];
            }
            long[] tk = keys;
            keys = keyBuf;
            keyBuf = tk;
            int[] ti = idx;
            idx = idxBuf;
            idxBuf = ti;
        }
        return idx;
    }

    private static BinaryMetric named(String name, java.util.function.ToDoubleBiFunction<double[], int[]> f) {
        return new BinaryMetric() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double compute(double[] scores, int[] labels) {
                return f.applyAsDouble(scores, labels);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
