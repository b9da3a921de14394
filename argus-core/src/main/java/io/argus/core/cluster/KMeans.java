package io.argus.core.cluster;

import io.argus.core.Context;
import io.argus.core.data.Table;
import java.util.SplittableRandom;

/**
 * k-means clustering (Lloyd's iterations) seeded with k-means++, restarted {@code nInit} times, the
 * run with the lowest inertia (sum of squared distances to the nearest centre) kept.
 *
 * <p>Arthur, Vassilvitskii, "k-means++: The Advantages of Careful Seeding", ACM-SIAM SODA 2007. The
 * first centre is a uniformly drawn row; each next one is drawn with probability proportional to D(x)²,
 * the squared distance to the nearest centre chosen so far. With {@code localTrials} > 1 this is the
 * greedy variant the paper discusses (and scikit-learn uses, with 2 + ⌊ln k⌋ trials): that many
 * candidates are drawn and the one that lowers the potential Σ D(x)² most is kept.
 *
 * <p>Lloyd's iterations stop when no label changes, when the summed squared shift of the centres falls
 * to {@code tol} × the mean per-column variance (scikit-learn's rule), or after {@code maxIter}
 * iterations; a cluster left empty is moved to the row farthest from its centre. The returned labels
 * are always the nearest centre of each row under the returned centres (ties to the lower index).
 *
 * <p>Deterministic for a seed whatever the thread count: restart r draws from {@code ctx.random(r)},
 * and rows are processed in fixed blocks whose partial sums are added in block order.
 *
 * <p>Time: O(nInit · (k · localTrials + iterations · k) · n · d). Memory: O(n + k · d · n / 4096).
 */
public final class KMeans {

    /** scikit-learn 1.2's number of restarts. */
    public static final int N_INIT_DEFAULT = 10;

    /** scikit-learn's iteration limit. */
    public static final int MAX_ITER_DEFAULT = 300;

    /** scikit-learn's relative tolerance. */
    public static final double TOL_DEFAULT = 1e-4;

    private static final int BLOCK = 4096;

    private final int k;
    private final int nInit;
    private final int maxIter;
    private final double tol;
    private final int localTrials;

    /**
     * @param k number of clusters, at least 1
     * @param nInit number of seeded restarts, at least 1
     * @param maxIter Lloyd iterations per restart, at least 1
     * @param tol relative tolerance on the centre shift, at least 0
     * @param localTrials k-means++ candidates per centre (1: the paper's plain seeding), at least 1
     */
    public KMeans(int k, int nInit, int maxIter, double tol, int localTrials) {
        check("k", k);
        check("nInit", nInit);
        check("maxIter", maxIter);
        check("localTrials", localTrials);
        if (!(tol >= 0 && tol < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("tol = " + tol + " must be finite and >= 0");
        }
        this.k = k;
        this.nInit = nInit;
        this.maxIter = maxIter;
        this.tol = tol;
        this.localTrials = localTrials;
    }

    /** k clusters with scikit-learn's defaults: 10 restarts, 300 iterations, tol 1e-4, 2 + ⌊ln k⌋ local trials. */
    public static KMeans withDefaults(int k) {
        check("k", k);
        return new KMeans(k, N_INIT_DEFAULT, MAX_ITER_DEFAULT, TOL_DEFAULT, 2 + (int) Math.log(k));
    }

    private static void check(String name, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " = " + v + " must be >= 1");
        }
    }

    /**
     * The result of a clustering.
     *
     * @param centers k × d centres, row-major
     * @param k number of centres
     * @param d number of columns
     * @param labels the nearest centre of each row
     * @param sizes rows per centre
     * @param inertia the sum of squared distances of the rows to their centres
     * @param iterations Lloyd iterations of the kept restart
     */
    public record Clustering(double[] centers, int k, int d, int[] labels, int[] sizes, double inertia, int iterations) {
    }

    /**
     * Clusters the rows of {@code data}.
     *
     * @throws IllegalArgumentException when the table has fewer rows than k
     */
    public Clustering fit(Table data, Context ctx) {
        int n = data.rows();
        if (n < k) {
            throw new IllegalArgumentException("k-means with k = " + k + " needs at least " + k + " rows, got " + n);
        }
        double tolAbs = tol * meanColumnVariance(data);
        Clustering best = null;
        for (int r = 0; r < nInit; r++) {
            ctx.checkCancelled();
            double[] centers = seed(data, ctx.random(r), ctx);
            Clustering c = lloyd(data, centers, tolAbs, ctx);
            if (best == null || c.inertia() < best.inertia()) {
                best = c;
            }
        }
        return best;
    }

    /** The k-means++ seeding alone: k × d centres. */
    double[] seed(Table data, SplittableRandom rnd, Context ctx) {
        int n = data.rows();
        int d = data.cols();
        float[] v = data.values();
        double[] centers = new double[k * d];
        int first = rnd.nextInt(n);
        copyRow(v, first, d, centers, 0);
        double[] closest = new double[n];
        double potential = distancesTo(data, centers, 0, closest, null, ctx);
        double[] candidate = new double[n];
        double[] bestCandidate = new double[n];
        double[] cand = new double[d];
        for (int c = 1; c < k; c++) {
            double bestPotential = Double.POSITIVE_INFINITY;
            int bestRow = -1;
            for (int t = 0; t < localTrials; t++) {
                int row = sampleProportional(closest, potential, rnd);
                copyRow(v, row, d, cand, 0);
                double p = distancesTo(data, cand, 0, candidate, closest, ctx);
                if (p < bestPotential) {
                    bestPotential = p;
                    bestRow = row;
                    System.arraycopy(candidate, 0, bestCandidate, 0, n);
                }
            }
            copyRow(v, bestRow, d, centers, c * d);
            System.arraycopy(bestCandidate, 0, closest, 0, n);
            potential = bestPotential;
        }
        return centers;
    }

    /** A row drawn with probability weight[i] / total; uniform when every weight is 0 (all rows are centres). */
    private static int sampleProportional(double[] weight, double total, SplittableRandom rnd) {
        int n = weight.length;
        double u = rnd.nextDouble();
        if (!(total > 0)) {
            return Math.min(n - 1, (int) (u * n));
        }
        double target = u * total;
        double acc = 0;
        int last = -1;
        for (int i = 0; i < n; i++) {
            if (weight[i] > 0) {
                acc += weight[i];
                last = i;
                if (acc > target) {
                    return i;
                }
            }
        }
        return last; // rounding left target at or above the accumulated total
    }

    /**
     * out[i] = min(previous[i], ||x_i - centre||²) (or the plain distance when previous is null);
     * returns Σ out[i], summed per fixed block then in block order.
     */
    private static double distancesTo(Table data, double[] centers, int offset, double[] out, double[] previous, Context ctx) {
        int n = data.rows();
        int d = data.cols();
        float[] v = data.values();
        int blocks = (n + BLOCK - 1) / BLOCK;
        double[] partial = new double[blocks];
        ctx.parallelFor(n, BLOCK, (from, to) -> {
            double s = 0;
            for (int i = from; i < to; i++) {
                double dist = squaredDistance(v, i * d, centers, offset, d);
                if (previous != null && previous[i] < dist) {
                    dist = previous[i];
                }
                out[i] = dist;
                s += dist;
            }
            partial[from / BLOCK] = s;
        });
        double total = 0;
        for (double p : partial) {
            total += p;
        }
        return total;
    }

    private Clustering lloyd(Table data, double[] centers, double tolAbs, Context ctx) {
        int n = data.rows();
        int d = data.cols();
        float[] v = data.values();
        int[] labels = new int[n];
        java.util.Arrays.fill(labels, -1);
        double[] dist = new double[n];
        int iterations = 0;
        for (int it = 0; it < maxIter; it++) {
            ctx.checkCancelled();
            iterations = it + 1;
            Step step = assign(data, centers, k, labels, dist, true, ctx);
            double[] next = new double[k * d];
            for (int c = 0; c < k; c++) {
                if (step.sizes[c] > 0) {
                    for (int j = 0; j < d; j++) {
                        next[c * d + j] = step.sums[c * d + j] / step.sizes[c];
                    }
                }
            }
            relocateEmpty(v, d, labels, dist, step.sizes, next);
            double shift = 0;
            for (int i = 0; i < next.length; i++) {
                double diff = next[i] - centers[i];
                shift += diff * diff;
            }
            System.arraycopy(next, 0, centers, 0, next.length);
            if (step.changed == 0 || shift <= tolAbs) {
                break;
            }
        }
        Step last = assign(data, centers, k, labels, dist, false, ctx);
        double inertia = 0;
        for (double x : last.blockInertia) {
            inertia += x;
        }
        return new Clustering(centers, k, d, labels, last.sizes, inertia, iterations);
    }

    /** Moves each empty cluster's centre to the row farthest from its own centre (not yet used), as scikit-learn does. */
    private static void relocateEmpty(float[] v, int d, int[] labels, double[] dist, int[] sizes, double[] centers) {
        int k = sizes.length;
        boolean[] used = null;
        for (int c = 0; c < k; c++) {
            if (sizes[c] != 0) {
                continue;
            }
            if (used == null) {
                used = new boolean[dist.length];
            }
            int far = -1;
            for (int i = 0; i < dist.length; i++) {
                if (!used[i] && (far < 0 || dist[i] > dist[far])) {
                    far = i;
                }
            }
            used[far] = true;
            copyRow(v, far, d, centers, c * d);
        }
    }

    private record Step(int[] sizes, double[] sums, double[] blockInertia, int changed) {
    }

    /** Assigns every row to its nearest centre, updating labels and distances, with per-cluster sums. */
    private static Step assign(Table data, double[] centers, int k, int[] labels, double[] dist, boolean sums, Context ctx) {
        int n = data.rows();
        int d = data.cols();
        float[] v = data.values();
        int blocks = (n + BLOCK - 1) / BLOCK;
        double[][] blockSums = sums ? new double[blocks][] : null;
        int[][] blockSizes = new int[blocks][];
        double[] blockInertia = new double[blocks];
        int[] blockChanged = new int[blocks];
        ctx.parallelFor(n, BLOCK, (from, to) -> {
            int b = from / BLOCK;
            double[] s = sums ? new double[k * d] : null;
            int[] sz = new int[k];
            double inertia = 0;
            int changed = 0;
            for (int i = from; i < to; i++) {
                int best = 0;
                double bestDist = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double dc = squaredDistance(v, i * d, centers, c * d, d);
                    if (dc < bestDist) {
                        bestDist = dc;
                        best = c;
                    }
                }
                if (labels[i] != best) {
                    changed++;
                    labels[i] = best;
                }
                dist[i] = bestDist;
                inertia += bestDist;
                sz[best]++;
                if (s != null) {
                    for (int j = 0; j < d; j++) {
                        s[best * d + j] += v[i * d + j];
                    }
                }
            }
            if (s != null) {
                blockSums[b] = s;
            }
            blockSizes[b] = sz;
            blockInertia[b] = inertia;
            blockChanged[b] = changed;
        });
        int[] sizes = new int[k];
        double[] total = sums ? new double[k * d] : null;
        int changed = 0;
        for (int b = 0; b < blocks; b++) {
            for (int c = 0; c < k; c++) {
                sizes[c] += blockSizes[b][c];
            }
            if (total != null) {
                for (int i = 0; i < total.length; i++) {
                    total[i] += blockSums[b][i];
                }
            }
            changed += blockChanged[b];
        }
        return new Step(sizes, total, blockInertia, changed);
    }

    /** The index of the nearest of k centres to row {@code row} of a row-major float array (ties to the lower index). */
    public static int nearest(float[] values, int row, int d, double[] centers, int k) {
        int best = 0;
        double bestDist = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double dc = squaredDistance(values, row * d, centers, c * d, d);
            if (dc < bestDist) {
                bestDist = dc;
                best = c;
            }
        }
        return best;
    }

    /** ||x - c||² in double, x a float row at xOff, c a double row at cOff. */
    public static double squaredDistance(float[] x, int xOff, double[] c, int cOff, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double diff = x[xOff + j] - c[cOff + j];
            s += diff * diff;
        }
        return s;
    }

    private static void copyRow(float[] v, int row, int d, double[] out, int off) {
        for (int j = 0; j < d; j++) {
            out[off + j] = v[row * d + j];
        }
    }

    /** The mean over columns of each column's (population) variance. */
    static double meanColumnVariance(Table data) {
        int n = data.rows();
        int d = data.cols();
        float[] v = data.values();
        double total = 0;
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += v[i * d + j];
            }
            mean /= n;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double diff = v[i * d + j] - mean;
                ss += diff * diff;
            }
            total += ss / n;
        }
        return total / d;
    }
}
