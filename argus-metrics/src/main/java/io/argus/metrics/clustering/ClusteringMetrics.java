package io.argus.metrics.clustering;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * External scores of a clustering of anomaly types against their true types: normalised mutual
 * information, the adjusted Rand index, and accuracy and macro F1 after Hungarian matching. NMI and ARI
 * follow scikit-learn 1.2 bit for bit where its arithmetic allows ({@code normalized_mutual_info_score}
 * with its default arithmetic normalisation, {@code adjusted_rand_score}); both are symmetric in the
 * two labelings and invariant to renaming the ids. Ids are arbitrary ints (negative ones too).
 * O(n log n + k·c) time for NMI and ARI (k classes, c clusters), O(n + max(k, c)³) for the matched scores.
 */
public final class ClusteringMetrics {

    private ClusteringMetrics() {
    }

    /**
     * Normalised mutual information with arithmetic normalisation, NMI = I(T; P) / ((H(T) + H(P)) / 2),
     * natural logarithms (Strehl &amp; Ghosh, "Cluster ensembles", JMLR 2002, with the arithmetic mean of
     * Kvålseth 1987), as scikit-learn's {@code normalized_mutual_info_score}. scikit-learn's conventions
     * are kept: 1 when both labelings put every unit in one group (identical trivial partitions), and 0
     * whenever the mutual information is 0 (for instance one labeling has a single group and the other
     * several). In [0, 1].
     *
     * @throws IllegalArgumentException on a length mismatch or empty labelings
     */
    public static double nmi(int[] labelsTrue, int[] labelsPred) {
        Contingency c = Contingency.of(labelsTrue, labelsPred);
        if (c.rows == 1 && c.cols == 1) {
            return 1.0;
        }
        double mi = mutualInformation(c);
        if (mi == 0) {
            return 0.0;
        }
        double hTrue = entropy(c.rowSums);
        double hPred = entropy(c.colSums);
        return mi / ((hTrue + hPred) / 2);
    }

    /**
     * The adjusted Rand index of Hubert &amp; Arabie ("Comparing partitions", Journal of Classification,
     * 1985): the Rand index corrected for chance, computed from the pair confusion matrix as
     * scikit-learn's {@code adjusted_rand_score}: 2(TP·TN − FN·FP) / ((TP+FN)(FN+TN) + (TP+FP)(FP+TN)),
     * exact integer arithmetic until the last division; 1 when the two labelings agree on every pair.
     * In [-0.5, 1]; 0 is the expected value of a random labeling.
     *
     * @throws IllegalArgumentException on a length mismatch or empty labelings
     */
    public static double ari(int[] labelsTrue, int[] labelsPred) {
        Contingency c = Contingency.of(labelsTrue, labelsPred);
        long n = labelsTrue.length;
        long sumSquares = 0;
        long crossCols = 0; // Σ c_ij · colSum_j
        long crossRows = 0; // Σ c_ij · rowSum_i
        for (int e = 0; e < c.count.length; e++) {
            long v = c.count[e];
            sumSquares += v * v;
            crossCols += v * c.colSums[c.col[e]];
            crossRows += v * c.rowSums[c.row[e]];
        }
        // Ordered pairs, as scikit-learn's pair_confusion_matrix counts them.
        BigInteger tp = BigInteger.valueOf(sumSquares - n);
        BigInteger fp = BigInteger.valueOf(crossCols - sumSquares);
        BigInteger fn = BigInteger.valueOf(crossRows - sumSquares);
        BigInteger tn = BigInteger.valueOf(n).multiply(BigInteger.valueOf(n)).subtract(fp).subtract(fn).subtract(BigInteger.valueOf(sumSquares));
        if (fn.signum() == 0 && fp.signum() == 0) {
            return 1.0;
        }
        BigInteger num = tp.multiply(tn).subtract(fn.multiply(fp));
        BigInteger den = tp.add(fn).multiply(fn.add(tn)).add(tp.add(fp).multiply(fp.add(tn)));
        return 2.0 * num.doubleValue() / den.doubleValue();
    }

    /**
     * Clustering accuracy and macro F1 after matching clusters to classes one-to-one with the Hungarian
     * algorithm so that the most units fall in a cluster matched to their class (the "ACC" of deep
     * clustering papers, e.g. Xie, Girshick &amp; Farhadi, "Unsupervised deep embedding for clustering
     * analysis", ICML 2016; scipy's {@code linear_sum_assignment} on the negated contingency table). With
     * more clusters than classes the extra clusters stay unmatched and their units count as wrong; with
     * more classes than clusters the extra classes get F1 = 0. Macro F1 averages over the true classes,
     * as scikit-learn's {@code f1_score(average="macro", labels=classes)} of the relabelled prediction.
     * When several matchings reach the same accuracy, one of them is used (F1 may differ between them).
     *
     * @throws IllegalArgumentException on a length mismatch or empty labelings
     */
    public static MatchedClustering matched(int[] labelsTrue, int[] labelsPred) {
        Contingency c = Contingency.of(labelsTrue, labelsPred);
        double[][] weight = new double[c.cols][c.rows]; // cluster x class
        for (int e = 0; e < c.count.length; e++) {
            weight[c.col[e]][c.row[e]] = c.count[e];
        }
        int[] clusterToClassIndex = Hungarian.maxWeightAssignment(weight);
        long correct = 0;
        double f1Sum = 0;
        int[] clusterToClass = new int[c.cols];
        boolean[] matched = new boolean[c.cols];
        for (int g = 0; g < c.cols; g++) {
            int k = clusterToClassIndex[g];
            if (k < 0) {
                continue;
            }
            matched[g] = true;
            clusterToClass[g] = c.rowIds[k];
            long tp = (long) weight[g][k];
            correct += tp;
            f1Sum += 2.0 * tp / (c.rowSums[k] + c.colSums[g]);
        }
        return new MatchedClustering((double) correct / labelsTrue.length, f1Sum / c.rows, c.colIds, clusterToClass, matched);
    }

    /** Accuracy after Hungarian matching: {@code matched(labelsTrue, labelsPred).accuracy()}. */
    public static double matchedAccuracy(int[] labelsTrue, int[] labelsPred) {
        return matched(labelsTrue, labelsPred).accuracy();
    }

    /** Macro F1 after Hungarian matching: {@code matched(labelsTrue, labelsPred).macroF1()}. */
    public static double matchedMacroF1(int[] labelsTrue, int[] labelsPred) {
        return matched(labelsTrue, labelsPred).macroF1();
    }

    /** scikit-learn's mutual_info_score on a contingency table, term by term in the same order of operations. */
    private static double mutualInformation(Contingency c) {
        if (c.rows == 1 || c.cols == 1) {
            return 0.0;
        }
        double total = c.n;
        double logTotal = Math.log(total);
        double mi = 0;
        for (int e = 0; e < c.count.length; e++) {
            double v = c.count[e];
            double nm = v / total;
            double logOuter = -Math.log((double) (c.rowSums[c.row[e]] * c.colSums[c.col[e]])) + logTotal + logTotal;
            double term = nm * (Math.log(v) - logTotal) + nm * logOuter;
            mi += Math.abs(term) < Math.ulp(1.0) ? 0.0 : term;
        }
        return Math.max(mi, 0.0);
    }

    private static double entropy(long[] sums) {
        int nonEmpty = 0;
        double total = 0;
        for (long s : sums) {
            if (s > 0) {
                nonEmpty++;
                total += s;
            }
        }
        if (nonEmpty <= 1) {
            return 0.0;
        }
        double logTotal = Math.log(total);
        double h = 0;
        for (long s : sums) {
            if (s > 0) {
                h += (s / total) * (Math.log(s) - logTotal);
            }
        }
        return -h;
    }

    /** The non-zero cells of the contingency table of two labelings, ids mapped to 0..k-1 in increasing order. */
    private static final class Contingency {
        final int rows;
        final int cols;
        final long n;
        final int[] rowIds;
        final int[] colIds;
        final long[] rowSums;
        final long[] colSums;
        final int[] row;
        final int[] col;
        final long[] count;

        private Contingency(int[] rowIds, int[] colIds, long[] rowSums, long[] colSums, int[] row, int[] col, long[] count, long n) {
            this.rowIds = rowIds;
            this.colIds = colIds;
            this.rows = rowIds.length;
            this.cols = colIds.length;
            this.rowSums = rowSums;
            this.colSums = colSums;
            this.row = row;
            this.col = col;
            this.count = count;
            this.n = n;
        }

        static Contingency of(int[] labelsTrue, int[] labelsPred) {
            if (labelsTrue.length != labelsPred.length) {
                throw new IllegalArgumentException("length mismatch: " + labelsTrue.length + " true labels but " + labelsPred.length
                        + " predicted labels");
            }
            if (labelsTrue.length == 0) {
                throw new IllegalArgumentException("metric undefined: the labelings are empty");
            }
            int n = labelsTrue.length;
            int[] rowIds = distinct(labelsTrue);
            int[] colIds = distinct(labelsPred);
            long[] rowSums = new long[rowIds.length];
            long[] colSums = new long[colIds.length];
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                int r = Arrays.binarySearch(rowIds, labelsTrue[i]);
                int c = Arrays.binarySearch(colIds, labelsPred[i]);
                rowSums[r]++;
                colSums[c]++;
                keys[i] = (long) r * colIds.length + c;
            }
            Arrays.sort(keys);
            int cells = 0;
            for (int i = 0; i < n; i++) {
                if (i == 0 || keys[i] != keys[i - 1]) {
                    cells++;
                }
            }
            int[] row = new int[cells];
            int[] col = new int[cells];
            long[] count = new long[cells];
            int e = -1;
            for (int i = 0; i < n; i++) {
                if (i == 0 || keys[i] != keys[i - 1]) {
                    e++;
                    row[e] = (int) (keys[i] / colIds.length);
                    col[e] = (int) (keys[i] % colIds.length);
                }
                count[e]++;
            }
            return new Contingency(rowIds, colIds, rowSums, colSums, row, col, count, n);
        }

        private static int[] distinct(int[] a) {
            int[] s = a.clone();
            Arrays.sort(s);
            int k = 0;
            for (int i = 0; i < s.length; i++) {
                if (i == 0 || s[i] != s[i - 1]) {
                    s[k++] = s[i];
                }
            }
            return Arrays.copyOf(s, k);
        }
    }
}
