package io.argus.metrics.fairness;

import java.util.Arrays;

/**
 * Group fairness of the top-k flags of an anomaly detector between two sensitive groups (s = 0, s = 1),
 * as the fair graph anomaly detection literature measures it (Neo, Jeong, Shah et al., "Towards Fair
 * Graph Anomaly Detection: Problem, Benchmark Datasets, and Evaluation", CIKM 2024 (FairGAD); the
 * definitions go back to Dwork et al. 2012 and Hardt, Price &amp; Srebro, NeurIPS 2016):
 * <ul>
 *   <li>statistical parity difference SP = P(flag | s=1) − P(flag | s=0);</li>
 *   <li>equal opportunity difference EO = P(flag | y=1, s=1) − P(flag | y=1, s=0).</li>
 * </ul>
 * Both are signed (positive: group 1 is flagged more); papers usually report |SP| and |EO|, and 0 is
 * fair. The flags are the k highest scores, ties at the cut broken by lower index first, so exactly k
 * units are flagged (a common choice is k = the number of labelled anomalies). O(n log n) time, O(n)
 * memory.
 */
public final class FairnessMetrics {

    private FairnessMetrics() {
    }

    /**
     * The top-k flags: true for the k units with the highest scores, ties broken by lower index first.
     *
     * @throws IllegalArgumentException on a NaN score or k outside [1, n]
     */
    public static boolean[] topK(double[] scores, int k) {
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
        }
        if (k < 1 || k > scores.length) {
            throw new IllegalArgumentException("k = " + k + " is out of range; allowed: [1, " + scores.length + "] (the number of units)");
        }
        int n = scores.length;
        // Sort by (score descending, index ascending) with primitives: stable sort of indices by key.
        long[] key = new long[n];
        int[] rank = denseRanksDescending(scores);
        for (int i = 0; i < n; i++) {
            key[i] = ((long) rank[i] << 32) | i;
        }
        Arrays.sort(key);
        boolean[] flags = new boolean[n];
        for (int r = 0; r < k; r++) {
            flags[(int) key[r]] = true;
        }
        return flags;
    }

    /**
     * SP = P(flag | s=1) − P(flag | s=0) of the top-k flags.
     *
     * @param sensitive the group of each unit, 0 or 1
     * @throws IllegalArgumentException on a length mismatch, a NaN score, a group other than 0/1, an
     *         empty group, or k outside [1, n]
     */
    public static double statisticalParityDifference(double[] scores, int[] sensitive, int k) {
        checkGroups(scores.length, sensitive, "sensitive attributes");
        boolean[] flags = topK(scores, k);
        long[] n = new long[2];
        long[] flagged = new long[2];
        for (int i = 0; i < flags.length; i++) {
            n[sensitive[i]]++;
            if (flags[i]) {
                flagged[sensitive[i]]++;
            }
        }
        for (int g = 0; g < 2; g++) {
            if (n[g] == 0) {
                throw new IllegalArgumentException("metric undefined: sensitive group s=" + g + " is empty");
            }
        }
        return (double) flagged[1] / n[1] - (double) flagged[0] / n[0];
    }

    /**
     * EO = P(flag | y=1, s=1) − P(flag | y=1, s=0) of the top-k flags: the difference of the groups'
     * recall of true anomalies.
     *
     * @param labels 1 = anomaly, 0 = normal
     * @param sensitive the group of each unit, 0 or 1
     * @throws IllegalArgumentException on a length mismatch, a NaN score, a label or group other than
     *         0/1, a group without anomalies, or k outside [1, n]
     */
    public static double equalOpportunityDifference(double[] scores, int[] labels, int[] sensitive, int k) {
        checkGroups(scores.length, sensitive, "sensitive attributes");
        checkGroups(scores.length, labels, "labels");
        boolean[] flags = topK(scores, k);
        long[] anomalies = new long[2];
        long[] found = new long[2];
        for (int i = 0; i < flags.length; i++) {
            if (labels[i] == 1) {
                anomalies[sensitive[i]]++;
                if (flags[i]) {
                    found[sensitive[i]]++;
                }
            }
        }
        for (int g = 0; g < 2; g++) {
            if (anomalies[g] == 0) {
                throw new IllegalArgumentException("metric undefined: sensitive group s=" + g + " has no anomalies (y=1)");
            }
        }
        return (double) found[1] / anomalies[1] - (double) found[0] / anomalies[0];
    }

    private static void checkGroups(int n, int[] values, String what) {
        if (values.length != n) {
            throw new IllegalArgumentException("length mismatch: " + n + " scores but " + values.length + " " + what);
        }
        String one = what.endsWith("s") ? what.substring(0, what.length() - 1) : what;
        for (int i = 0; i < n; i++) {
            if (values[i] != 0 && values[i] != 1) {
                throw new IllegalArgumentException(one + " " + i + " is " + values[i] + "; must be 0 or 1");
            }
        }
    }

    /** Ranks 0..k-1 with 0 for the highest score; equal scores (0.0 and -0.0 too) share a rank. */
    private static int[] denseRanksDescending(double[] v) {
        double[] sorted = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            sorted[i] = -v[i] + 0.0;
        }
        double[] keys = sorted.clone();
        Arrays.sort(sorted);
        int[] r = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Arrays.binarySearch(sorted, keys[i]);
        }
        return r;
    }
}
