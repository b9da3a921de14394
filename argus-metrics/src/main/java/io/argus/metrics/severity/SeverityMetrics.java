package io.argus.metrics.severity;

import io.argus.metrics.BinaryMetrics;
import java.util.Arrays;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How well anomaly scores order units by severity (an ordinal grade, 0 = normal, higher = worse):
 * Kendall's τ-b, Harrell's C-index, and the AUROC of normal units against each severity level.
 * O(n log n) time and O(n) memory each (the per-level AUROC: O(n log n) per level).
 */
public final class SeverityMetrics {

    private SeverityMetrics() {
    }

    /**
     * Kendall's rank correlation τ-b, which corrects for ties in either variable (Kendall, "The treatment
     * of ties in ranking problems", Biometrika, 1945): (C − D) / √((P − Tx)(P − Ty)) with C and D the
     * concordant and discordant pairs, P = n(n−1)/2 all pairs, Tx and Ty the pairs tied in x and in y.
     * Computed with Knight's O(n log n) algorithm ("A computer method for calculating Kendall's tau with
     * ungrouped data", JASA, 1966): sort by (x, y), count discordant pairs as the inversions of y by merge
     * sort; the arithmetic follows {@code scipy.stats.kendalltau} (scipy 1.10, variant "b"), including
     * the final clip to [-1, 1]. Only τ is returned, not scipy's p-value.
     *
     * @throws IllegalArgumentException on a length mismatch, a NaN, fewer than 2 units, or when x or y
     *         is constant (τ-b is undefined then; scipy returns NaN)
     */
    public static double kendallTauB(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("length mismatch: " + x.length + " x values but " + y.length + " y values");
        }
        int n = x.length;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
                throw new IllegalArgumentException((Double.isNaN(x[i]) ? "x" : "y") + " value " + i + " is NaN");
            }
        }
        if (n < 2) {
            throw new IllegalArgumentException("metric undefined: Kendall's tau needs at least 2 units, got " + n);
        }
        // Dense ranks (0.0 and -0.0 are one value), then sort units by (rank x, rank y).
        int[] rx = denseRanks(x);
        int[] ry = denseRanks(y);
        long[] key = new long[n];
        for (int i = 0; i < n; i++) {
            key[i] = ((long) rx[i] << 32) | ry[i];
        }
        Arrays.sort(key);
        int[] ys = new int[n];
        long tot = (long) n * (n - 1) / 2;
        long xtie = 0;
        long ntie = 0;
        long runX = 1;
        long runXY = 1;
        for (int i = 0; i < n; i++) {
            ys[i] = (int) key[i];
            if (i > 0) {
                boolean sameX = (key[i] >>> 32) == (key[i - 1] >>> 32);
                boolean sameXY = key[i] == key[i - 1];
                if (sameX) {
                    runX++;
                } else {
                    xtie += runX * (runX - 1) / 2;
                    runX = 1;
                }
                if (sameXY) {
                    runXY++;
                } else {
                    ntie += runXY * (runXY - 1) / 2;
                    runXY = 1;
                }
            }
        }
        xtie += runX * (runX - 1) / 2;
        ntie += runXY * (runXY - 1) / 2;
        long ytie = tiedPairs(ry);
        if (xtie == tot || ytie == tot) {
            throw new IllegalArgumentException("metric undefined: Kendall's tau-b needs at least two distinct values in "
                    + (xtie == tot ? "x" : "y") + " (all " + n + " are equal)");
        }
        long dis = inversions(ys);
        long conMinusDis = tot - xtie - ytie + ntie - 2 * dis;
        double tau = conMinusDis / Math.sqrt((double) (tot - xtie)) / Math.sqrt((double) (tot - ytie));
        return Math.min(1.0, Math.max(-1.0, tau));
    }

    /**
     * Harrell's concordance index for an ordinal severity (Harrell, Califf, Pryor, Lee &amp; Rosati,
     * "Evaluating the yield of medical tests", JAMA, 1982; here without censoring): over all pairs of
     * units with different severity, the share in which the more severe unit has the higher score, a
     * tie in score counting 1/2; pairs of equal severity are not comparable and left out. 1 = perfect
     * ordering, 0.5 = random, 0 = reversed. With severities 0/1 it equals the AUROC.
     *
     * @param severity ordinal grades (any ints; larger = more severe)
     * @param scores anomaly scores, higher = more anomalous
     * @throws IllegalArgumentException on a length mismatch, a NaN score, or when all severities are
     *         equal (no comparable pair; the C-index is undefined)
     */
    public static double cIndex(int[] severity, double[] scores) {
        checkSeverity(severity, scores);
        int n = scores.length;
        int[] sevRank = denseRanks(severity);
        int levels = 0;
        for (int r : sevRank) {
            levels = Math.max(levels, r + 1);
        }
        long[] perLevel = new long[levels];
        for (int r : sevRank) {
            perLevel[r]++;
        }
        long comparable = (long) n * (n - 1) / 2;
        for (long c : perLevel) {
            comparable -= c * (c - 1) / 2;
        }
        if (comparable == 0) {
            throw new IllegalArgumentException("metric undefined: the C-index needs two different severities; all " + n
                    + " units have severity " + severity[0]);
        }
        // Scan tie groups of scores in increasing order; a Fenwick tree counts earlier (lower-scored)
        // units by severity, so a unit is concordant with the lower-scored units of lower severity.
        int[] order = sortAscending(scores);
        long[] tree = new long[levels + 1];
        long concordant = 0;
        long tied = 0;
        long[] groupLevel = new long[levels];
        int i = 0;
        while (i < n) {
            int j = i;
            double s = scores[order[i]];
            while (j < n && scores[order[j]] == s) {
                j++;
            }
            long groupSize = j - i;
            long sameLevelPairs = 0;
            for (int k = i; k < j; k++) {
                int r = sevRank[order[k]];
                concordant += prefix(tree, r); // earlier units with severity rank < r
                sameLevelPairs += groupLevel[r]++;
            }
            tied += groupSize * (groupSize - 1) / 2 - sameLevelPairs;
            for (int k = i; k < j; k++) {
                int r = sevRank[order[k]];
                groupLevel[r] = 0;
                add(tree, r);
            }
            i = j;
        }
        return (concordant + 0.5 * tied) / comparable;
    }

    /**
     * The AUROC ({@link BinaryMetrics#auroc}) of the normal units (severity 0) against the units of each
     * positive severity level, one level at a time: how well the scores separate each grade from normal.
     *
     * @param severity grades &ge; 0; 0 = normal
     * @return level -&gt; AUROC, for every positive level present, increasing
     * @throws IllegalArgumentException on a length mismatch, a NaN score, a negative severity, no normal
     *         unit or no positive level
     */
    public static SortedMap<Integer, Double> aurocByLevel(int[] severity, double[] scores) {
        checkSeverity(severity, scores);
        int normals = 0;
        TreeMap<Integer, Integer> counts = new TreeMap<>();
        for (int i = 0; i < severity.length; i++) {
            if (severity[i] < 0) {
                throw new IllegalArgumentException("severity " + i + " is " + severity[i] + "; severities must be >= 0 (0 = normal)");
            }
            if (severity[i] == 0) {
                normals++;
            } else {
                counts.merge(severity[i], 1, Integer::sum);
            }
        }
        if (normals == 0) {
            throw new IllegalArgumentException("metric undefined: no unit has severity 0 (normal)");
        }
        if (counts.isEmpty()) {
            throw new IllegalArgumentException("metric undefined: no unit has a severity above 0");
        }
        TreeMap<Integer, Double> result = new TreeMap<>();
        for (var e : counts.entrySet()) {
            int level = e.getKey();
            int m = normals + e.getValue();
            double[] s = new double[m];
            int[] y = new int[m];
            int k = 0;
            for (int i = 0; i < severity.length; i++) {
                if (severity[i] == 0 || severity[i] == level) {
                    s[k] = scores[i];
                    y[k++] = severity[i] == level ? 1 : 0;
                }
            }
            result.put(level, BinaryMetrics.auroc(s, y));
        }
        return Collections.unmodifiableSortedMap(result);
    }

    private static void checkSeverity(int[] severity, double[] scores) {
        if (severity.length != scores.length) {
            throw new IllegalArgumentException("length mismatch: " + scores.length + " scores but " + severity.length + " severities");
        }
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
        }
        if (scores.length == 0) {
            throw new IllegalArgumentException("metric undefined: no units");
        }
    }

    private static long prefix(long[] tree, int r) {
        long s = 0;
        for (int i = r; i > 0; i -= i & -i) {
            s += tree[i];
        }
        return s;
    }

    private static void add(long[] tree, int r) {
        for (int i = r + 1; i < tree.length; i += i & -i) {
            tree[i]++;
        }
    }

    private static long tiedPairs(int[] ranks) {
        int max = 0;
        for (int r : ranks) {
            max = Math.max(max, r);
        }
        long[] cnt = new long[max + 1];
        for (int r : ranks) {
            cnt[r]++;
        }
        long t = 0;
        for (long c : cnt) {
            t += c * (c - 1) / 2;
        }
        return t;
    }

    private static int[] sortAscending(double[] v) {
        int n = v.length;
        long[] key = new long[n];
        int[] ranks = denseRanks(v);
        for (int i = 0; i < n; i++) {
            key[i] = ((long) ranks[i] << 32) | i;
        }
        Arrays.sort(key);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) key[i];
        }
        return order;
    }

    /** Dense ranks 0..k-1 of the values, equal values (0.0 and -0.0 included) sharing a rank. */
    static int[] denseRanks(double[] v) {
        double[] s = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            s[i] = v[i] + 0.0;
        }
        double[] sorted = s.clone();
        Arrays.sort(sorted);
        int k = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[k - 1]) {
                sorted[k++] = sorted[i];
            }
        }
        int[] r = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Arrays.binarySearch(sorted, 0, k, s[i]);
        }
        return r;
    }

    static int[] denseRanks(int[] v) {
        int[] sorted = v.clone();
        Arrays.sort(sorted);
        int k = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[k - 1]) {
                sorted[k++] = sorted[i];
            }
        }
        int[] r = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Arrays.binarySearch(sorted, 0, k, v[i]);
        }
        return r;
    }

    /** Strict inversions (i &lt; j, a[i] &gt; a[j]) by merge sort; sorts {@code a}. */
    private static long inversions(int[] a) {
        int[] buf = new int[a.length];
        long inv = 0;
        for (int width = 1; width < a.length; width <<= 1) {
            for (int lo = 0; lo < a.length - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, a.length);
                int i = lo;
                int j = mid;
                int o = lo;
                while (i < mid && j < hi) {
                    if (a[j] < a[i]) {
                        inv += mid - i;
                        buf[o++] = a[j++];
                    } else {
                        buf[o++] = a[i++];
                    }
                }
                while (i < mid) {
                    buf[o++] = a[i++];
                }
                while (j < hi) {
                    buf[o++] = a[j++];
                }
                System.arraycopy(buf, lo, a, lo, hi - lo);
            }
        }
        return inv;
    }
}
