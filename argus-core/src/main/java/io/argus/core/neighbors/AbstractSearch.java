package io.argus.core.neighbors;

import io.argus.core.data.Table;
import java.util.Objects;

/** Validation and result assembly shared by the exact searches. */
abstract class AbstractSearch implements NeighborSearch {

    /** Queries per work block: fixed, so the split never depends on the thread count. */
    static final int QUERY_BLOCK = 256;

    final float[] data;
    final int n;
    final int d;

    AbstractSearch(Table table) {
        Objects.requireNonNull(table, "data");
        this.data = table.values();
        this.n = table.rows();
        this.d = table.cols();
    }

    @Override
    public final int size() {
        return n;
    }

    @Override
    public final int dimension() {
        return d;
    }

    @Override
    public final Neighbors query(Table queries, int k, int threads) {
        Objects.requireNonNull(queries, "queries");
        if (queries.cols() != d) {
            throw new IllegalArgumentException("shape mismatch: queries have " + queries.cols()
                    + " columns but the indexed data has d = " + d);
        }
        checkK(k, n);
        Parallel.checkThreads(threads);
        int nq = queries.rows();
        int[] idx = new int[nq * k];
        float[] dist = new float[nq * k];
        if (nq > 0) {
            search(queries.values(), nq, false, k, threads, idx, dist);
        }
        return new Neighbors(nq, k, idx, dist);
    }

    @Override
    public final Neighbors selfQuery(int k, int threads) {
        checkK(k, n - 1);
        Parallel.checkThreads(threads);
        int[] idx = new int[n * k];
        float[] dist = new float[n * k];
        search(data, n, true, k, threads, idx, dist);
        return new Neighbors(n, k, idx, dist);
    }

    /**
     * Fills row q of the outputs with the k nearest points to row q of {@code queries}; when
     * {@code self}, queries are the indexed points and point q is skipped by index.
     */
    abstract void search(float[] queries, int nq, boolean self, int k, int threads, int[] outIdx, float[] outDist);

    private void checkK(int k, int max) {
        if (k < 1 || k > max) {
            throw new IllegalArgumentException("k = " + k + " must be in [1, " + max + "] (n = " + n + " points)");
        }
    }

    static int roundUp(int x, int m) {
        return (x + m - 1) / m * m;
    }

    static long lowBits(int count) {
        return count >= 64 ? -1L : (1L << count) - 1;
    }
}
