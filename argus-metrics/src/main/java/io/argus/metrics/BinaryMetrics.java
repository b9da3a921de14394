package io.argus.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact metrics of anomaly scores against binary labels, defined as scikit-learn defines them so that
 * Argus' numbers can be compared with published ones. O(n log n) time (one sort), O(n) memory.
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

    private static final Map<String, BinaryMetric> BY_NAME = new LinkedHashMap<>();

    static {
        for (BinaryMetric m : List.of(AUROC, AP)) {
            BY_NAME.put(m.name(), m);
        }
    }

    private BinaryMetrics() {
    }

    /** All binary metrics, in the order result tables list them. */
    public static List<BinaryMetric> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** The metric of that name; an unknown name gives an error listing the known ones. */
    public static BinaryMetric byName(String name) {
        BinaryMetric m = BY_NAME.get(name);
        if (m == null) {
            throw new IllegalArgumentException("unknown metric '" + name + "'; known metrics: " + String.join(", ", BY_NAME.keySet()));
        }
        return m;
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
        return sortDescending(scores);
    }

    /** Indices of {@code scores} by decreasing value, in O(n log n) via a primitive sort of packed keys. */
    static int[] sortDescending(double[] scores) {
        int n = scores.length;
        // Sort (score, index) pairs by sorting indices on a primitive array of scores: boxing-free.
        double[] keys = new double[n];
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
            keys[i] = -scores[i] + 0.0; // +0.0 turns -0.0 into 0.0 so equal scores tie
        }
        sortByKey(keys, idx, 0, n);
        return idx;
    }

    private static void sortByKey(double[] keys, int[] idx, int from, int to) {
        // Merge sort on parallel arrays: stable, O(n log n) worst case.
        if (to - from < 2) {
            return;
        }
        double[] kb = new double[to - from];
        int[] ib = new int[to - from];
        mergeSort(keys, idx, kb, ib, from, to);
    }

    private static void mergeSort(double[] k, int[] v, double[] kb, int[] vb, int from, int to) {
        int n = to - from;
        if (n <= 32) {
            for (int i = from + 1; i < to; i++) {
                double key = k[i];
                int val = v[i];
                int j = i - 1;
                while (j >= from && k[j] > key) {
                    k[j + 1] = k[j];
                    v[j + 1] = v[j];
                    j--;
                }
                k[j + 1] = key;
                v[j + 1] = val;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(k, v, kb, vb, from, mid);
        mergeSort(k, v, kb, vb, mid, to);
        if (k[mid - 1] <= k[mid]) {
            return;
        }
        int i = from;
        int j = mid;
        int o = 0;
        while (i < mid && j < to) {
            if (k[j] < k[i]) {
                kb[o] = k[j];
                vb[o++] = v[j++];
            } else {
                kb[o] = k[i];
                vb[o++] = v[i++];
            }
        }
        while (i < mid) {
            kb[o] = k[i];
            vb[o++] = v[i++];
        }
        while (j < to) {
            kb[o] = k[j];
            vb[o++] = v[j++];
        }
        System.arraycopy(kb, 0, k, from, o);
        System.arraycopy(vb, 0, v, from, o);
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
