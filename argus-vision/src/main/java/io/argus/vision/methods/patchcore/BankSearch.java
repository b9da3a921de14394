package io.argus.vision.methods.patchcore;

import io.argus.core.neighbors.Neighbors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Exact k-nearest-neighbour search of patch features against a PatchCore memory bank, with the same
 * results as {@code ExactKnn.bruteForce} over the bank (distances bit-identical, ties to the lower
 * bank index) but about half the arithmetic.
 *
 * <p>Two passes per query. The screening pass ranks every bank patch by the expansion
 * {@code ||q||² + ||b||² − 2 q·b}, the dot products computed in cache-blocked, dimension-major tiles
 * of the bank (one FMA per element against two — subtract and FMA — for the direct form) and the bank
 * norms precomputed once, in double, when the search is built. The expansion carries a float rounding
 * error, bounded by {@code d·u·(||q||² + ||b||²)} with {@code u = 2^-24}; every bank patch whose
 * screened value lies within {@code 4·margin} of the k-th smallest one, with
 * {@code margin = 4(d+2)·u·(||q||² + max ||b||²)} covering both the expansion's error and the direct
 * form's, is then re-scored by the direct form {@code Σ fma(b−q, b−q)} summed in dimension order, exactly
 * as the core's brute force computes it, and the k smallest of those (ties to the lower index) are the
 * answer. No patch of the exact top k can be screened out: its screened value exceeds the k-th screened
 * value by at most the two error bounds twice. Non-finite features skip screening and are scored
 * directly over the whole bank.
 *
 * <p>Queries are split into blocks of {@value #QUERY_BLOCK} across the given number of threads.
 * Time O(q·n·d) multiply-adds for screening plus O(c·d) per query for its c re-scored candidates;
 * memory O(n·d) for the tiles and O(threads·{@value #QUERY_BLOCK}·n) for the screening values.
 */
public final class BankSearch {

    static final boolean SIMD = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    /** Queries screened together: each bank chunk read from memory serves all of them. */
    static final int QUERY_BLOCK = 64;

    /** Bank tiles per chunk: 8 tiles of at most 32 patches of 256 floats, 256 KiB, fit in L2. */
    static final int CHUNK_TILES = 8;

    private static final double U = 0x1p-24;

    private final float[] bank;
    private final int n;
    private final int d;
    private final int width;
    private final int tiles;
    private final float[] tileData;
    private final double[] norms;
    private final double maxNorm;

    /** Builds the search over the {@code n x d} row-major {@code bank}. Time O(n·d). */
    public BankSearch(float[] bank, int n, int d) {
        if ((long) n * d != bank.length || n < 1 || d < 1) {
            throw new IllegalArgumentException("memory bank of " + n + " x " + d + " needs " + ((long) n * d)
                    + " values (n, d >= 1), got " + bank.length);
        }
        this.bank = bank;
        this.n = n;
        this.d = d;
        this.width = SIMD ? BankSimd.WIDTH : 16;
        this.tiles = (n + width - 1) / width;
        this.tileData = new float[tiles * d * width];
        this.norms = new double[n];
        double max = 0;
        for (int i = 0; i < n; i++) {
            int t = i / width;
            int base = t * d * width + (i - t * width);
            double s = 0;
            for (int j = 0; j < d; j++) {
                float v = bank[i * d + j];
                tileData[base + j * width] = v;
                s += (double) v * v;
            }
            norms[i] = s;
            max = Math.max(max, s);
        }
        this.maxNorm = max;
    }

    /** Number of bank patches. */
    public int size() {
        return n;
    }

    /**
     * The {@code k} nearest bank patches of each of the {@code nq} row-major {@code queries}, nearest
     * first, with Euclidean distances.
     */
    public Neighbors query(float[] queries, int nq, int k, int threads) {
        if ((long) nq * d != queries.length) {
            throw new IllegalArgumentException(nq + " queries of " + d + " dims need " + ((long) nq * d)
                    + " values, got " + queries.length);
        }
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k = " + k + " must be in [1, " + n + "]");
        }
        int[] idx = new int[nq * k];
        float[] dist = new float[nq * k];
        int blocks = (nq + QUERY_BLOCK - 1) / QUERY_BLOCK;
        int workers = Math.max(1, Math.min(threads, blocks));
        AtomicInteger next = new AtomicInteger();
        Runnable work = () -> {
            float[] dots = new float[QUERY_BLOCK * tiles * width];
            double[] cand = new double[n];
            int[] candIdx = new int[n];
            for (int b; (b = next.getAndIncrement()) < blocks; ) {
                int q0 = b * QUERY_BLOCK;
                int m = Math.min(QUERY_BLOCK, nq - q0);
                screen(queries, q0, m, dots);
                for (int i = 0; i < m; i++) {
                    finish(queries, q0 + i, i * tiles * width, dots, k, cand, candIdx, idx, dist);
                }
            }
        };
        if (workers == 1) {
            work.run();
        } else {
            Thread[] pool = new Thread[workers - 1];
            for (int t = 0; t < pool.length; t++) {
                pool[t] = new Thread(work, "patchcore-search-" + t);
                pool[t].start();
            }
            work.run();
            for (Thread t : pool) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while searching the memory bank", e);
                }
            }
        }
        return new Neighbors(nq, k, idx, dist);
    }

    /**
     * Dot products of queries q0..q0+m against every bank patch into {@code dots[i * tiles * width + p]}:
     * the bank streams past once per query block in chunks of {@value #CHUNK_TILES} tiles that stay
     * in L2 while every group of four queries of the block runs over them.
     */
    private void screen(float[] queries, int q0, int m, float[] dots) {
        int stride = tiles * width;
        for (int t0 = 0; t0 < tiles; t0 += CHUNK_TILES) {
            int t1 = Math.min(tiles, t0 + CHUNK_TILES);
            int i = 0;
            for (; i + 4 <= m; i += 4) {
                for (int t = t0; t < t1; t++) {
                    if (SIMD) {
                        BankSimd.dots4(queries, (q0 + i) * d, d, tileData, t * d * width, dots, i * stride + t * width, stride);
                    } else {
                        scalarDots(queries, (q0 + i) * d, 4, d, t * d * width, dots, i * stride + t * width, stride);
                    }
                }
            }
            if (i < m) {
                for (int t = t0; t < t1; t++) {
                    scalarDots(queries, (q0 + i) * d, m - i, d, t * d * width, dots, i * stride + t * width, stride);
                }
            }
        }
    }

    private void scalarDots(float[] queries, int qOff, int nq, int d, int tileOff, float[] out, int outOff, int stride) {
        for (int qi = 0; qi < nq; qi++) {
            int o = outOff + qi * stride;
            java.util.Arrays.fill(out, o, o + width, 0f);
            for (int j = 0; j < d; j++) {
                float x = queries[qOff + qi * d + j];
                int p = tileOff + j * width;
                for (int c = 0; c < width; c++) {
                    out[o + c] = Math.fma(x, tileData[p + c], out[o + c]);
                }
            }
        }
    }

    /** Screens query q from its dot products, re-scores the candidates directly and writes its top k. */
    private void finish(float[] queries, int q, int dotOff, float[] dots, int k, double[] cand, int[] candIdx,
            int[] outIdx, float[] outDist) {
        int qOff = q * d;
        double qn = 0;
        for (int j = 0; j < d; j++) {
            qn += (double) queries[qOff + j] * queries[qOff + j];
        }
        // k-th smallest screened value: a sorted insertion list of k (k <= 64 in PatchCore).
        double[] best = new double[k];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (int p = 0; p < n; p++) {
            double a = qn + norms[p] - 2.0 * dots[dotOff + p];
            cand[p] = a;
            if (a < best[k - 1]) {
                int s = k - 1;
                while (s > 0 && best[s - 1] > a) {
                    best[s] = best[s - 1];
                    s--;
                }
                best[s] = a;
            }
        }
        double margin = 4.0 * (d + 2) * U * (qn + maxNorm);
        double limit = best[k - 1] + 4.0 * margin;
        boolean all = !Double.isFinite(limit);
        int c = 0;
        for (int p = 0; p < n; p++) {
            if (all || cand[p] <= limit) {
                candIdx[c++] = p;
            }
        }
        // Direct squared distances of the candidates, in the core brute force's order of operations.
        float[] topD = new float[k];
        int[] topI = new int[k];
        int filled = 0;
        for (int ci = 0; ci < c; ci++) {
            int p = candIdx[ci];
            int bOff = p * d;
            float acc = 0f;
            for (int j = 0; j < d; j++) {
                float diff = bank[bOff + j] - queries[qOff + j];
                acc = Math.fma(diff, diff, acc);
            }
            // Candidates come in index order, so a tie never displaces an earlier index.
            if (filled < k || acc < topD[k - 1]) {
                int s = filled < k ? filled++ : k - 1;
                while (s > 0 && topD[s - 1] > acc) {
                    topD[s] = topD[s - 1];
                    topI[s] = topI[s - 1];
                    s--;
                }
                topD[s] = acc;
                topI[s] = p;
            }
        }
        for (int j = 0; j < k; j++) {
            outIdx[q * k + j] = topI[j];
            outDist[q * k + j] = (float) Math.sqrt(topD[j]);
        }
    }
}
