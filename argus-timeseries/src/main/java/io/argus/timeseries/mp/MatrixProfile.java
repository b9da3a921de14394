package io.argus.timeseries.mp;

import io.argus.core.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The exact matrix profile of a series under the z-normalised Euclidean distance: for every
 * subsequence of length m, the distance to its nearest non-trivial neighbour (outside the exclusion
 * zone) and that neighbour's index, plus the left matrix profile (nearest neighbour among earlier
 * subsequences only), which is what a streaming detector can compute.
 *
 * <p>Yeh et al., "Matrix Profile I: All Pairs Similarity Joins for Time Series", IEEE ICDM 2016; Zhu et
 * al., "Matrix Profile II: Exploiting a Novel Algorithm and GPUs to Break the One Hundred Million
 * Barrier for Time Series Motifs and Joins" (STOMP), IEEE ICDM 2016; Zimmerman et al., "Matrix Profile
 * XIV: Scaling Time Series Motif Discovery with GPUs to Break a Quintillion Pairwise Comparisons a Day
 * and Beyond" (SCAMP), ACM SoCC 2019. The join walks the diagonals of the distance matrix as STOMP and
 * SCRIMP do, updating the mean-centred cross product with SCAMP's numerically stable recurrence
 * {@code cov(i,j) = cov(i−1,j−1) + df_i·dg_j + df_j·dg_i}, with df_i = (T[i+m−1] − T[i−1])/2 and
 * dg_i = (T[i+m−1] − μ_i) + (T[i−1] − μ_{i−1}); the product is recomputed exactly every
 * {@value #REFRESH} steps along a diagonal so that rounding error cannot accumulate over long series.
 * The distance is d = √(2m(1 − ρ)) with ρ the Pearson correlation of the two subsequences.
 *
 * <p>Exclusion zone: pairs with |i − j| ≤ ⌈m/4⌉ are trivial matches and skipped (STUMPY's default
 * {@code config.STUMPY_EXCL_ZONE_DENOM = 4}, the SCRIMP++ paper's m/4). Constant subsequences (standard
 * deviation ≤ 1e-8·max(1, |mean|)) follow STUMPY's convention: two constant subsequences are at
 * distance 0, a constant and a non-constant one at √m. A subsequence without any non-trivial neighbour
 * (very short series) has profile value +∞ and index −1.
 *
 * <p>Time O(l²/2 + l·m) for l = n − m + 1 subsequences (each pair once), parallel over diagonals; memory
 * O(l) per block of diagonals. The result does not depend on the thread count: each pair's distance is
 * computed once, and ties between neighbours go to the smaller index.
 */
public final class MatrixProfile {

    /** Steps along a diagonal after which the cross product is recomputed from scratch. */
    static final int REFRESH = 4096;

    /** STUMPY's and SCRIMP++'s exclusion-zone denominator: pairs closer than ⌈m/4⌉ are trivial. */
    public static final int EXCLUSION_DENOMINATOR_DEFAULT = 4;

    /** Number of diagonal blocks; fixed so that results do not depend on the thread count. */
    private static final int BLOCKS = 16;

    private final int window;
    private final int exclusion;
    private final double[] profile;
    private final int[] index;
    private final double[] leftProfile;
    private final int[] leftIndex;

    private MatrixProfile(int window, int exclusion, double[] profile, int[] index, double[] leftProfile, int[] leftIndex) {
        this.window = window;
        this.exclusion = exclusion;
        this.profile = profile;
        this.index = index;
        this.leftProfile = leftProfile;
        this.leftIndex = leftIndex;
    }

    /** The default exclusion zone ⌈m/4⌉ for subsequence length m. */
    public static int exclusionDefault(int m) {
        return (m + EXCLUSION_DENOMINATOR_DEFAULT - 1) / EXCLUSION_DENOMINATOR_DEFAULT;
    }

    /** Self-join with the default exclusion zone ⌈m/4⌉. */
    public static MatrixProfile selfJoin(double[] series, int m, Context ctx) {
        return selfJoin(series, m, exclusionDefault(m), ctx);
    }

    /**
     * The matrix profile and left matrix profile of {@code series} with subsequences of length m.
     *
     * @param exclusion pairs with |i − j| ≤ exclusion are skipped, 0..l
     * @throws IllegalArgumentException when m &lt; 2, the series is shorter than m, or a value is not finite
     */
    public static MatrixProfile selfJoin(double[] series, int m, int exclusion, Context ctx) {
        SubsequenceStats s = SubsequenceStats.of(series, m, "series");
        int l = s.count();
        if (exclusion < 0) {
            throw new IllegalArgumentException("exclusion zone must be >= 0, got " + exclusion);
        }
        double[][] bestRho = new double[BLOCKS][];
        int[][] bestIdx = new int[BLOCKS][];
        double[][] leftRho = new double[BLOCKS][];
        int[][] leftIdx = new int[BLOCKS][];
        int first = exclusion + 1;
        int diagonals = Math.max(0, l - first);
        ctx.parallelFor(BLOCKS, 1, (from, to) -> {
            for (int b = from; b < to; b++) {
                double[] br = new double[l];
                int[] bi = new int[l];
                double[] lr = new double[l];
                int[] li = new int[l];
                Arrays.fill(br, Double.NEGATIVE_INFINITY);
                Arrays.fill(bi, -1);
                Arrays.fill(lr, Double.NEGATIVE_INFINITY);
                Arrays.fill(li, -1);
                // Diagonals are dealt out in a zigzag so that every block gets a similar amount of work.
                for (int d = 0; d < diagonals; d++) {
                    int round = d / BLOCKS;
                    int pos = d % BLOCKS;
                    int owner = (round & 1) == 0 ? pos : BLOCKS - 1 - pos;
                    if (owner != b) {
                        continue;
                    }
                    ctx.checkCancelled();
                    selfDiagonal(s, first + d, br, bi, lr, li);
                }
                bestRho[b] = br;
                bestIdx[b] = bi;
                leftRho[b] = lr;
                leftIdx[b] = li;
            }
        });
        double[] rho = bestRho[0];
        int[] idx = bestIdx[0];
        double[] lRho = leftRho[0];
        int[] lIdx = leftIdx[0];
        for (int b = 1; b < BLOCKS; b++) {
            merge(rho, idx, bestRho[b], bestIdx[b]);
            merge(lRho, lIdx, leftRho[b], leftIdx[b]);
        }
        return new MatrixProfile(m, exclusion, toDistances(rho, m), idx, toDistances(lRho, m), lIdx);
    }

    /**
     * The AB-join: for every subsequence of {@code a}, the z-normalised distance to its nearest
     * subsequence of {@code b} (no exclusion zone: the two series are different). Time O(la·lb + (la+lb)·m).
     *
     * @return one distance per subsequence of {@code a}
     */
    public static double[] abJoin(double[] a, double[] b, int m, Context ctx) {
        SubsequenceStats sa = SubsequenceStats.of(a, m, "query series");
        SubsequenceStats sb = SubsequenceStats.of(b, m, "reference series");
        int la = sa.count();
        int lb = sb.count();
        // Diagonal k = j − i runs from −(la − 1) to lb − 1.
        int diagonals = la + lb - 1;
        double[][] blockRho = new double[BLOCKS][];
        ctx.parallelFor(BLOCKS, 1, (from, to) -> {
            for (int blk = from; blk < to; blk++) {
                double[] br = new double[la];
                Arrays.fill(br, Double.NEGATIVE_INFINITY);
                for (int d = blk; d < diagonals; d += BLOCKS) {
                    ctx.checkCancelled();
                    int k = d - (la - 1);
                    abDiagonal(sa, sb, k, br);
                }
                blockRho[blk] = br;
            }
        });
        double[] rho = blockRho[0];
        for (int blk = 1; blk < BLOCKS; blk++) {
            double[] o = blockRho[blk];
            for (int i = 0; i < la; i++) {
                if (o[i] > rho[i]) {
                    rho[i] = o[i];
                }
            }
        }
        return toDistances(rho, m);
    }

    /**
     * The number of subsequence pairs an exact self-join evaluates, l·(l−1)/2 − (pairs in the exclusion
     * zone), the O(n²) operation count that the speed benchmark compares the measured time with.
     */
    public static long pairCount(int n, int m, int exclusion) {
        long l = n - m + 1L;
        long pairs = 0;
        for (long k = exclusion + 1L; k < l; k++) {
            pairs += l - k;
        }
        return pairs;
    }

    private static void selfDiagonal(SubsequenceStats s, int k, double[] br, int[] bi, double[] lr, int[] li) {
        int l = s.count();
        double[] inv = s.invNorm;
        double[] df = s.df;
        double[] dg = s.dg;
        boolean[] constant = s.constant;
        boolean anyConstant = s.anyConstant;
        double cov = 0;
        for (int i = 0; i + k < l; i++) {
            int j = i + k;
            if (i % REFRESH == 0) {
                cov = s.crossProduct(i, s, j);
            } else {
                cov += df[i] * dg[j] + df[j] * dg[i];
            }
            double rho;
            if (anyConstant && (constant[i] || constant[j])) {
                rho = constant[i] && constant[j] ? 1.0 : 0.5;
            } else {
                rho = cov * inv[i] * inv[j];
            }
            if (rho > br[i] || (rho == br[i] && j < bi[i])) {
                br[i] = rho;
                bi[i] = j;
            }
            if (rho > br[j] || (rho == br[j] && i < bi[j])) {
                br[j] = rho;
                bi[j] = i;
            }
            if (rho > lr[j] || (rho == lr[j] && i < li[j])) {
                lr[j] = rho;
                li[j] = i;
            }
        }
    }

    private static void abDiagonal(SubsequenceStats a, SubsequenceStats b, int k, double[] br) {
        int la = a.count();
        int lb = b.count();
        int i0 = Math.max(0, -k);
        double cov = 0;
        for (int i = i0; i < la && i + k < lb; i++) {
            int j = i + k;
            if ((i - i0) % REFRESH == 0) {
                cov = a.crossProduct(i, b, j);
            } else {
                cov += a.df[i] * b.dg[j] + b.df[j] * a.dg[i];
            }
            double rho;
            if (a.constant[i] || b.constant[j]) {
                rho = a.constant[i] && b.constant[j] ? 1.0 : 0.5;
            } else {
                rho = cov * a.invNorm[i] * b.invNorm[j];
            }
            if (rho > br[i]) {
                br[i] = rho;
            }
        }
    }

    private static void merge(double[] rho, int[] idx, double[] oRho, int[] oIdx) {
        for (int i = 0; i < rho.length; i++) {
            if (oRho[i] > rho[i] || (oRho[i] == rho[i] && oIdx[i] >= 0 && (idx[i] < 0 || oIdx[i] < idx[i]))) {
                rho[i] = oRho[i];
                idx[i] = oIdx[i];
            }
        }
    }

    private static double[] toDistances(double[] rho, int m) {
        double[] d = new double[rho.length];
        for (int i = 0; i < rho.length; i++) {
            d[i] = rho[i] == Double.NEGATIVE_INFINITY ? Double.POSITIVE_INFINITY : distance(rho[i], m);
        }
        return d;
    }

    /** The z-normalised Euclidean distance √(2m(1 − ρ)) of two length-m subsequences with correlation ρ. */
    static double distance(double rho, int m) {
        return Math.sqrt(Math.max(0.0, 2.0 * m * (1.0 - Math.min(1.0, rho))));
    }

    /** Subsequence length m. */
    public int window() {
        return window;
    }

    /** The exclusion zone used: pairs with |i − j| ≤ exclusion were skipped. */
    public int exclusion() {
        return exclusion;
    }

    /** Number of subsequences l = n − m + 1. */
    public int size() {
        return profile.length;
    }

    /** Distance of each subsequence to its nearest non-trivial neighbour (a copy). */
    public double[] profile() {
        return profile.clone();
    }

    /** Index of each subsequence's nearest non-trivial neighbour, −1 when it has none (a copy). */
    public int[] index() {
        return index.clone();
    }

    /** Distance of each subsequence to its nearest earlier non-trivial neighbour, +∞ when none (a copy). */
    public double[] leftProfile() {
        return leftProfile.clone();
    }

    /** Index of each subsequence's nearest earlier non-trivial neighbour, −1 when none (a copy). */
    public int[] leftIndex() {
        return leftIndex.clone();
    }

    /**
     * The top-k discords: the subsequences farthest from their nearest neighbours, largest first, each at
     * least m steps from every discord already chosen (so that one anomaly is not reported k times).
     * Subsequences without a neighbour (profile +∞) are not discords. Fewer than k are returned when the
     * series runs out.
     */
    public List<Integer> discords(int k) {
        return discords(profile, window, k);
    }

    /** Top-k discords of any per-subsequence profile (see {@link #discords(int)}). */
    public static List<Integer> discords(double[] profile, int m, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("number of discords k must be >= 1, got " + k);
        }
        Integer[] order = new Integer[profile.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> {
            int c = Double.compare(profile[q], profile[p]);
            return c != 0 ? c : Integer.compare(p, q);
        });
        List<Integer> out = new ArrayList<>();
        for (int i : order) {
            if (out.size() == k || !Double.isFinite(profile[i])) {
                break;
            }
            boolean far = true;
            for (int chosen : out) {
                if (Math.abs(chosen - i) < m) {
                    far = false;
                    break;
                }
            }
            if (far) {
                out.add(i);
            }
        }
        return out;
    }

    /** Per-subsequence means, inverse norms and SCAMP's df/dg terms. */
    static final class SubsequenceStats {
        final double[] t;
        final int m;
        final double[] mean;
        final double[] invNorm;
        final boolean[] constant;
        final boolean anyConstant;
        final double[] df;
        final double[] dg;

        private SubsequenceStats(double[] t, int m, double[] mean, double[] invNorm, boolean[] constant, boolean anyConstant,
                double[] df, double[] dg) {
            this.t = t;
            this.m = m;
            this.mean = mean;
            this.invNorm = invNorm;
            this.constant = constant;
            this.anyConstant = anyConstant;
            this.df = df;
            this.dg = dg;
        }

        static SubsequenceStats of(double[] t, int m, String what) {
            if (m < 2) {
                throw new IllegalArgumentException("subsequence length m must be >= 2, got " + m);
            }
            if (t.length < m) {
                throw new IllegalArgumentException(what + " has " + t.length + " steps, shorter than the subsequence length m = " + m);
            }
            for (int i = 0; i < t.length; i++) {
                if (!Double.isFinite(t[i])) {
                    throw new IllegalArgumentException(what + " value at step " + i + " is " + t[i] + "; values must be finite");
                }
            }
            int l = t.length - m + 1;
            double[] mean = new double[l];
            double[] inv = new double[l];
            boolean[] constant = new boolean[l];
            boolean any = false;
            // Means and centred norms computed directly per subsequence (O(l·m)): exact where a running sum
            // would lose digits on series with a large offset.
            for (int i = 0; i < l; i++) {
                double s = 0;
                for (int k = 0; k < m; k++) {
                    s += t[i + k];
                }
                double mu = s / m;
                double ss = 0;
                for (int k = 0; k < m; k++) {
                    double c = t[i + k] - mu;
                    ss += c * c;
                }
                mean[i] = mu;
                double sd = Math.sqrt(ss / m);
                if (sd <= 1e-8 * Math.max(1.0, Math.abs(mu))) {
                    constant[i] = true;
                    any = true;
                } else {
                    inv[i] = 1.0 / Math.sqrt(ss);
                }
            }
            double[] df = new double[l];
            double[] dg = new double[l];
            for (int i = 1; i < l; i++) {
                df[i] = (t[i + m - 1] - t[i - 1]) / 2.0;
                dg[i] = (t[i + m - 1] - mean[i]) + (t[i - 1] - mean[i - 1]);
            }
            return new SubsequenceStats(t, m, mean, inv, constant, any, df, dg);
        }

        int count() {
            return mean.length;
        }

        /** Σ_k (T[i+k] − μ_i)(U[j+k] − μ_j), computed directly. */
        double crossProduct(int i, SubsequenceStats other, int j) {
            double c = 0;
            for (int k = 0; k < m; k++) {
                c += (t[i + k] - mean[i]) * (other.t[j + k] - other.mean[j]);
            }
            return c;
        }
    }
}
