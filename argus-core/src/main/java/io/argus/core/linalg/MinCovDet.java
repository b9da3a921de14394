package io.argus.core.linalg;

import io.argus.core.Context;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;

/**
 * The Minimum Covariance Determinant estimator of location and scatter, found with FAST-MCD and then
 * corrected and re-weighted as scikit-learn's {@code MinCovDet} (1.2) does.
 *
 * <p>Rousseeuw and Van Driessen, "A Fast Algorithm for the Minimum Covariance Determinant Estimator",
 * Technometrics 41(3), 1999. The raw estimate is the mean and covariance of the h rows (h = ⌈(n+d+1)/2⌉
 * by default) whose covariance has the smallest determinant, searched with C-steps (each step keeps the
 * h rows closest in Mahalanobis distance to the current estimate, which never raises the determinant)
 * from random starts: for n ≤ 500, 30 random h-subsets get two C-steps, the 10 best are iterated to
 * convergence; for larger n, the rows are split into k = min(⌊n/300⌋, 5) disjoint random subsets
 * (the paper's cap of five; scikit-learn keeps all ⌊n/300⌋), each runs ⌊500/k⌋ (at least 10) starts of
 * two C-steps and keeps its 10 best, these are iterated on a random merged set of min(n, 1500) rows, and
 * for n ≥ 1500 the 10 best of those are iterated on all rows. Then, as in scikit-learn: the raw distances
 * are divided by median(d²)/χ²_d(0.5) (the paper's consistency factor), rows with a corrected distance
 * below χ²_d(0.975) are kept and the final location and covariance are their mean and empirical
 * covariance (the paper's re-weighting step).
 *
 * <p>Precision matrices come from {@link Matrices#inverse}, which equals scikit-learn's {@code pinvh} to
 * rounding on well-conditioned matrices and falls back to it otherwise.
 *
 * <p>Each random start draws from its own {@link Context#random} stream, so the result depends on the
 * seed only, never on the thread count. It cannot reproduce scikit-learn's NumPy random starts.
 *
 * <p>Time O(starts · iterations · m · d² + candidates · d³) with m the rows a start works on (at most
 * 300 per subset start, 1500 when merged, n at the last stage); memory O(n·d) for the distances and
 * O(candidates · d²) for the candidates.
 */
public final class MinCovDet {

    /** The subset size of the paper's first stage. */
    static final int SUBSET_ROWS = 300;
    /** The paper's maximum number of first-stage subsets. */
    static final int MAX_SUBSETS = 5;
    /** Total random starts over the first-stage subsets. */
    static final int TOTAL_TRIALS = 500;
    /** Candidates each subset passes on. */
    static final int BEST_PER_SUBSET = 10;
    /** Rows of the merged set. */
    static final int MERGED_ROWS = 1500;
    /** C-steps of a random start. */
    static final int START_STEPS = 2;
    /** Maximum C-steps when iterating to convergence. */
    static final int MAX_STEPS = 30;

    private static final long STREAM_SHUFFLE = 1;
    private static final long STREAM_MERGE = 2;
    private static final long STREAM_STARTS = 1_000_000L;

    /**
     * The fitted estimate.
     *
     * @param location the re-weighted location (length d)
     * @param covariance the re-weighted covariance (row-major d×d)
     * @param precision its inverse ({@link Matrices#inverse}: SciPy's {@code pinvh} where near singular)
     * @param support the rows used for the re-weighted estimate
     * @param rawLocation the raw MCD location
     * @param rawCovariance the raw MCD covariance (not consistency-corrected, as scikit-learn's {@code raw_covariance_})
     * @param rawSupport the h rows of the raw estimate
     * @param distances squared Mahalanobis distances of the fitted rows to the final estimate
     */
    public record Estimate(double[] location, double[] covariance, double[] precision, boolean[] support, double[] rawLocation,
            double[] rawCovariance, boolean[] rawSupport, double[] distances) {
    }

    private MinCovDet() {
    }

    /** The default support size ⌈(n + d + 1)/2⌉ (scikit-learn's {@code support_fraction=None}). */
    public static int defaultSupport(int n, int d) {
        return (int) Math.ceil(0.5 * (n + d + 1));
    }

    /**
     * Fits the MCD estimate of an n×d row-major matrix.
     *
     * @param supportFraction share of rows in the raw support, in (0, 1); 0 for the default ⌈(n+d+1)/2⌉ rows
     * @throws IllegalArgumentException when n &lt; 2, or the support's covariance is zero
     */
    public static Estimate fit(double[] x, int n, int d, double supportFraction, Context ctx) {
        if (n < 2) {
            throw new IllegalArgumentException("minimum covariance determinant needs at least 2 rows, got " + n);
        }
        int h = supportFraction == 0 ? defaultSupport(n, d) : (int) (supportFraction * n);
        h = Math.max(1, Math.min(h, n));
        Raw raw = d == 1 ? univariate(x, n, h) : fastMcd(x, n, d, h, ctx);
        boolean allZero = true;
        for (double v : raw.covariance) {
            allZero &= Math.abs(v) <= 1e-8;
        }
        if (h < n && allZero) {
            throw new IllegalArgumentException("the covariance matrix of the support data is equal to 0, try to increase supportFraction");
        }
        // consistency correction (the paper's eq. 1.3 factor), applied to the distances that select the re-weighted rows
        double[] dist = raw.distances.clone();
        double correction = median(dist) / ChiSquared.isf(0.5, d);
        if (correction > 0 && Double.isFinite(correction)) {
            for (int i = 0; i < n; i++) {
                dist[i] /= correction;
            }
        }
        double cut = ChiSquared.isf(0.025, d);
        int[] rows = new int[n];
        int count = 0;
        boolean[] support = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (dist[i] < cut) {
                rows[count++] = i;
                support[i] = true;
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("minimum covariance determinant: no row lies within the chi-squared 97.5% cut-off of the raw estimate");
        }
        double[] location = new double[d];
        double[] covariance = Covariance.empirical(x, d, rows, count, location);
        double[] precision = Matrices.inverse(covariance, d);
        double[] finalDist = new double[n];
        double[] z = new double[d];
        for (int i = 0; i < n; i++) {
            finalDist[i] = Matrices.quadraticForm(x, i, d, location, precision, z);
        }
        boolean[] rawSupport = new boolean[n];
        for (int i = 0; i < raw.support.length; i++) {
            rawSupport[raw.support[i]] = true;
        }
        return new Estimate(location, covariance, precision, support, raw.location, raw.covariance, rawSupport, finalDist);
    }

    /** The raw estimate: location, covariance, support rows (global indices) and distances of all n rows. */
    private record Raw(double[] location, double[] covariance, int[] support, double[] distances) {
    }

    /** One dimension: the shortest half (Rousseeuw and Leroy), as scikit-learn's fast_mcd for d = 1. */
    private static Raw univariate(double[] x, int n, int h) {
        double location;
        int[] support;
        double variance;
        if (h < n) {
            double[] sorted = x.clone();
            Arrays.sort(sorted);
            double minDiff = Double.POSITIVE_INFINITY;
            for (int i = 0; i + h < n; i++) {
                minDiff = Math.min(minDiff, sorted[i + h] - sorted[i]);
            }
            double sum = 0;
            int count = 0;
            for (int i = 0; i + h < n; i++) {
                if (sorted[i + h] - sorted[i] == minDiff) {
                    sum += sorted[i + h] + sorted[i];
                    count++;
                }
            }
            location = 0.5 * sum / count;
            double loc = location;
            support = smallest(n, h, i -> Math.abs(x[i] - loc));
            double[] m = new double[1];
            variance = Covariance.empirical(x, 1, support, h, m)[0];
        } else {
            support = new int[n];
            for (int i = 0; i < n; i++) {
                support[i] = i;
            }
            double[] m = new double[1];
            variance = Covariance.empirical(x, 1, support, n, m)[0];
            location = m[0];
        }
        double precision = variance > 0 ? 1.0 / variance : 0.0;
        double[] dist = new double[n];
        for (int i = 0; i < n; i++) {
            double z = x[i] - location;
            dist[i] = z * precision * z;
        }
        return new Raw(new double[] {location}, new double[] {variance}, support, dist);
    }

    private static Raw fastMcd(double[] x, int n, int d, int h, Context ctx) {
        int[] all = identity(n);
        Candidate best;
        if (n > 500) {
            int subsets = Math.min(n / SUBSET_ROWS, MAX_SUBSETS);
            int subsetRows = n / SUBSET_ROWS > MAX_SUBSETS ? SUBSET_ROWS : n / subsets;
            int[] shuffle = permutation(n, ctx.random(STREAM_SHUFFLE));
            int hSubset = (int) Math.ceil(subsetRows * (h / (double) n));
            int trials = Math.max(10, TOTAL_TRIALS / subsets);
            Candidate[] pooled = new Candidate[subsets * BEST_PER_SUBSET];
            for (int s = 0; s < subsets; s++) {
                int[] rows = Arrays.copyOfRange(shuffle, s * subsetRows, (s + 1) * subsetRows);
                long streamBase = STREAM_STARTS + (long) s * trials;
                Candidate[] sub = select(x, d, rows, hSubset, randomStarts(trials), streamBase, BEST_PER_SUBSET, START_STEPS, ctx);
                System.arraycopy(sub, 0, pooled, s * BEST_PER_SUBSET, sub.length);
            }
            int merged = Math.min(MERGED_ROWS, n);
            int hMerged = (int) Math.ceil(merged * (h / (double) n));
            int keepMerged = n > MERGED_ROWS ? 10 : 1;
            int[] selection = Arrays.copyOf(permutation(n, ctx.random(STREAM_MERGE)), merged);
            Candidate[] fromMerged = select(x, d, selection, hMerged, nonNull(pooled), 0, keepMerged, MAX_STEPS, ctx);
            if (n < MERGED_ROWS) {
                best = fromMerged[0];
                // the merged set is then a permutation of all rows: map its support and distances back
                int[] support = new int[best.support.length];
                for (int i = 0; i < support.length; i++) {
                    support[i] = selection[best.support[i]];
                }
                double[] local = best.distances(x, d, selection);
                double[] dist = new double[n];
                for (int i = 0; i < selection.length; i++) {
                    dist[selection[i]] = local[i];
                }
                return new Raw(best.location, best.covariance, support, dist);
            }
            best = select(x, d, all, h, fromMerged, 0, 1, MAX_STEPS, ctx)[0];
        } else {
            Candidate[] starts = select(x, d, all, h, randomStarts(30), STREAM_STARTS, 10, START_STEPS, ctx);
            best = select(x, d, all, h, starts, 0, 1, MAX_STEPS, ctx)[0];
        }
        return new Raw(best.location, best.covariance, best.support.clone(), best.distances(x, d, all));
    }

    private static Candidate[] randomStarts(int count) {
        return new Candidate[count];
    }

    private static Candidate[] nonNull(Candidate[] a) {
        return Arrays.stream(a).filter(c -> c != null).toArray(Candidate[]::new);
    }

    /**
     * Runs one C-step search per start (a null start is a random h-subset drawn from stream
     * {@code streamBase + index}) on the given rows and returns the {@code keep} results of smallest
     * log-determinant (ties by start order), as scikit-learn's select_candidates.
     */
    private static Candidate[] select(double[] x, int d, int[] rows, int h, Candidate[] starts, long streamBase, int keep, int steps,
            Context ctx) {
        Candidate[] results = new Candidate[starts.length];
        ctx.parallelFor(starts.length, 1, (from, to) -> {
            for (int t = from; t < to; t++) {
                SplittableRandom rnd = starts[t] == null ? ctx.random(streamBase + t) : null;
                results[t] = cStep(x, d, rows, h, starts[t], rnd, steps);
            }
        });
        Integer[] order = new Integer[results.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(results[a].logDet, results[b].logDet));
        Candidate[] out = new Candidate[Math.min(keep, results.length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = results[order[i]];
        }
        return out;
    }

    /**
     * A C-step search as scikit-learn's _c_step, on the rows {@code rows} (support indices are positions
     * in {@code rows}). The distances it would return are computed lazily ({@link Candidate#distances}).
     */
    private static Candidate cStep(double[] x, int d, int[] rows, int h, Candidate initial, SplittableRandom rnd, int steps) {
        int m = rows.length;
        int[] support;
        double[] precision = null;
        if (initial == null) {
            support = Arrays.copyOf(permutation(m, rnd), h);
        } else {
            double[] dist = initial.distancesUnder(x, d, rows, null);
            support = smallest(m, h, i -> dist[i]);
        }
        double[] location = new double[d];
        int[] global = globalRows(rows, support);
        double[] covariance = Covariance.empirical(x, d, global, h, location);
        double det = Matrices.logDet(covariance, d);
        if (Double.isInfinite(det)) {
            // scikit-learn computes pinvh(covariance) here; it only serves the distances, computed on demand
            precision = null;
        }
        double previousDet = Double.POSITIVE_INFINITY;
        double[] previousLocation = null;
        double[] previousCovariance = null;
        int[] previousSupport = null;
        int[] previousGlobal = null;
        double[] dist = null;
        int remaining = steps;
        while (det < previousDet && remaining > 0 && !Double.isInfinite(det)) {
            previousLocation = location;
            previousCovariance = covariance;
            previousDet = det;
            previousSupport = support;
            previousGlobal = global;
            precision = Matrices.inverse(covariance, d);
            double[] dd = distances(x, d, rows, location, precision);
            dist = dd;
            support = smallest(m, h, i -> dd[i]);
            location = new double[d];
            global = globalRows(rows, support);
            covariance = Covariance.empirical(x, d, global, h, location);
            det = Matrices.logDet(covariance, d);
            remaining--;
        }
        // the distances scikit-learn returns use the new location with the precision of the step before
        Candidate current = new Candidate(location, covariance, det, support, global, precision, null);
        Candidate result = null;
        if (Double.isInfinite(det)) {
            result = current;
        }
        if (close(det, previousDet)) {
            result = current;
        } else if (det > previousDet) {
            result = new Candidate(previousLocation, previousCovariance, previousDet, previousSupport, previousGlobal, null, dist);
        }
        if (remaining == 0) {
            result = current;
        }
        return result == null ? current : result;
    }

    /** numpy.allclose for two scalars (rtol 1e-5, atol 1e-8; equal infinities are close). */
    private static boolean close(double a, double b) {
        if (a == b) {
            return true;
        }
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return false;
        }
        return Math.abs(a - b) <= 1e-8 + 1e-5 * Math.abs(b);
    }

    /** A C-step result; its distances are computed from (location, precision) on demand unless given. */
    private static final class Candidate {
        final double[] location;
        final double[] covariance;
        final double logDet;
        final int[] support;
        final int[] globalSupport;
        final double[] precision;
        final double[] givenDistances;

        Candidate(double[] location, double[] covariance, double logDet, int[] support, int[] globalSupport, double[] precision,
                double[] givenDistances) {
            this.location = location;
            this.covariance = covariance;
            this.logDet = logDet;
            this.support = support;
            this.globalSupport = globalSupport;
            this.precision = precision;
            this.givenDistances = givenDistances;
        }

        /** The distances scikit-learn's _c_step returns for this result. */
        double[] distances(double[] x, int d, int[] rows) {
            return givenDistances != null ? givenDistances : distancesUnder(x, d, rows, precision);
        }

        /**
         * Squared distances of {@code rows} to the location under {@code precision}, or, when that is null,
         * under pinvh(covariance). A singular covariance of fewer rows than columns takes the low-rank
         * route ({@link MinCovDet#lowRankDistances}) instead of a d×d pseudo-inverse.
         */
        double[] distancesUnder(double[] x, int d, int[] rows, double[] p) {
            if (p != null) {
                return MinCovDet.distances(x, d, rows, location, p);
            }
            if (Double.isInfinite(logDet) && globalSupport.length < d) {
                return lowRankDistances(x, d, globalSupport, location, rows);
            }
            return MinCovDet.distances(x, d, rows, location, Matrices.inverse(covariance, d));
        }
    }

    /**
     * (x − μ)ᵀ pinvh(C) (x − μ) for the query rows, where C = ZᵀZ/h is the empirical covariance of h
     * support rows (Z: the rows minus their mean μ) and h &lt; d, through the h×h Gram matrix G = ZZᵀ
     * instead of C: with G = U diag(g) Uᵀ and y = Z(x − μ), the form is h·Σₖ (uₖ·y)²/gₖ² over the gₖ
     * that pinvh keeps (gₖ &gt; d·ε·g_max, its cut-off on C's eigenvalues gₖ/h). Time O(h²d + h³ + q·h·d)
     * instead of O(d³ + q·d²).
     */
    static double[] lowRankDistances(double[] x, int d, int[] support, double[] location, int[] queries) {
        int h = support.length;
        double[] z = new double[h * d];
        for (int r = 0; r < h; r++) {
            int off = support[r] * d;
            for (int j = 0; j < d; j++) {
                z[r * d + j] = x[off + j] - location[j];
            }
        }
        double[] g = new double[h * h];
        for (int a = 0; a < h; a++) {
            for (int b = a; b < h; b++) {
                double acc = 0;
                for (int j = 0; j < d; j++) {
                    acc += z[a * d + j] * z[b * d + j];
                }
                g[a * h + b] = acc;
                g[b * h + a] = acc;
            }
        }
        SymmetricEigen eig = SymmetricEigen.of(g, h);
        double gMax = 0;
        for (int k = 0; k < h; k++) {
            gMax = Math.max(gMax, Math.abs(eig.value(k)));
        }
        double cutoff = gMax * d * Math.ulp(1.0);
        int kept = 0;
        while (kept < h && Math.abs(eig.value(kept)) > cutoff) {
            kept++;
        }
        double[] u = eig.vectorRows();
        double[] out = new double[queries.length];
        double[] y = new double[h];
        for (int q = 0; q < queries.length; q++) {
            int off = queries[q] * d;
            for (int r = 0; r < h; r++) {
                double acc = 0;
                for (int j = 0; j < d; j++) {
                    acc += z[r * d + j] * (x[off + j] - location[j]);
                }
                y[r] = acc;
            }
            double sum = 0;
            for (int k = 0; k < kept; k++) {
                double proj = 0;
                for (int r = 0; r < h; r++) {
                    proj += u[k * h + r] * y[r];
                }
                double gk = eig.value(k);
                sum += proj * proj / (gk * gk);
            }
            out[q] = h * sum;
        }
        return out;
    }

    private static double[] distances(double[] x, int d, int[] rows, double[] location, double[] precision) {
        double[] out = new double[rows.length];
        double[] z = new double[d];
        for (int i = 0; i < rows.length; i++) {
            out[i] = Matrices.quadraticForm(x, rows[i], d, location, precision, z);
        }
        return out;
    }

    private static int[] globalRows(int[] rows, int[] local) {
        int[] out = new int[local.length];
        for (int i = 0; i < local.length; i++) {
            out[i] = rows[local[i]];
        }
        return out;
    }

    /**
     * The positions of the h smallest keys among 0..m-1, ties at the h-th value broken by position (the
     * set a stable argsort's first h would give), in increasing position order.
     */
    private static int[] smallest(int m, int h, IntToDoubleFunction key) {
        double[] keys = new double[m];
        for (int i = 0; i < m; i++) {
            keys[i] = key.applyAsDouble(i);
        }
        double[] sorted = keys.clone();
        Arrays.sort(sorted);
        double cut = sorted[h - 1];
        int below = 0;
        for (int i = 0; i < m; i++) {
            if (Double.compare(keys[i], cut) < 0) {
                below++;
            }
        }
        int[] out = new int[h];
        int k = 0;
        int ties = h - below;
        for (int i = 0; i < m; i++) {
            int c = Double.compare(keys[i], cut);
            if (c < 0 || (c == 0 && ties-- > 0)) {
                out[k++] = i;
            }
        }
        return out;
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    private static int[] permutation(int n, SplittableRandom rnd) {
        int[] p = identity(n);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
