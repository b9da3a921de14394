package io.argus.core.neighbors;

import io.argus.core.data.Table;
import io.argus.core.vector.VectorKernels;
import java.util.function.IntConsumer;

/**
 * Exact search by scanning every point, cache-blocked: a block of queries stays in L2 while the
 * reference points stream past once per block in dimension-major tiles, and each tile is scored
 * against four queries at a time by the SIMD kernel.
 *
 * <p>Distances use direct squared differences, not the ||x||² + ||y||² − 2x·y expansion: the
 * expansion would halve the arithmetic but loses precision when points are far from the origin
 * and its distances would differ in the last bits from the k-d tree's, breaking identical
 * tie-breaking between the two.
 *
 * <p>Time O(q n d), memory O(n d) for the tiles plus O(q k) for the result.
 */
final class BruteForce extends AbstractSearch {

    private static final int GROUP = 4;

    private final int width;
    private final int tiles;
    private final float[] tileData;

    BruteForce(Table table) {
        super(table);
        this.width = VectorKernels.preferredBlockWidth();
        this.tiles = (n + width - 1) / width;
        this.tileData = new float[tiles * d * width];
        for (int i = 0; i < n; i++) {
            int t = i / width;
            int lane = i - t * width;
            int base = t * d * width + lane;
            for (int j = 0; j < d; j++) {
                tileData[base + j * width] = data[i * d + j];
            }
        }
    }

    @Override
    void search(float[] queries, int nq, boolean self, int k, int threads, int[] outIdx, float[] outDist) {
        int blocks = (nq + QUERY_BLOCK - 1) / QUERY_BLOCK;
        Parallel.forEachBlock(blocks, threads, () -> worker(queries, nq, self, k, outIdx, outDist));
    }

    private IntConsumer worker(float[] queries, int nq, boolean self, int k, int[] outIdx, float[] outDist) {
        KnnHeap[] heaps = new KnnHeap[QUERY_BLOCK];
        for (int i = 0; i < heaps.length; i++) {
            heaps[i] = new KnnHeap(k);
        }
        float[] thr = new float[GROUP];
        float[] out = new float[GROUP * width];
        long[] hits = new long[GROUP];
        return b -> {
            int q0 = b * QUERY_BLOCK;
            int q1 = Math.min(nq, q0 + QUERY_BLOCK);
            for (int i = q0; i < q1; i++) {
                heaps[i - q0].clear();
            }
            for (int t = 0; t < tiles; t++) {
                int base = t * width;
                long valid = lowBits(Math.min(width, n - base));
                int tileOff = t * d * width;
                for (int g = q0; g < q1; g += GROUP) {
                    int m = Math.min(GROUP, q1 - g);
                    for (int i = 0; i < m; i++) {
                        // Tiles come in index order, so a later point that only ties the current
                        // k-th distance always loses the tie: asking for strictly closer points
                        // keeps duplicate-heavy data (binary attributes) off the slow path.
                        KnnHeap heap = heaps[g - q0 + i];
                        thr[i] = heap.full() ? Math.nextDown(heap.threshold()) : Float.POSITIVE_INFINITY;
                    }
                    VectorKernels.blockSquaredDistances(queries, g * d, m, d, tileData, tileOff, width, thr, out, hits);
                    for (int i = 0; i < m; i++) {
                        long h = hits[i] & valid;
                        if (h == 0L) {
                            continue;
                        }
                        KnnHeap heap = heaps[g - q0 + i];
                        int skip = self ? g + i : -1;
                        do {
                            int lane = Long.numberOfTrailingZeros(h);
                            h &= h - 1;
                            int idx = base + lane;
                            if (idx != skip) {
                                heap.offer(out[i * width + lane], idx);
                            }
                        } while (h != 0L);
                    }
                }
            }
            for (int i = q0; i < q1; i++) {
                heaps[i - q0].drainSorted(outIdx, outDist, i * k);
            }
        };
    }
}
