package io.argus.core.neighbors;

import io.argus.core.data.Table;
import io.argus.core.vector.VectorKernels;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Exact k-d tree search (Bentley 1975; the kNN search of Friedman, Bentley and Finkel 1977): each
 * node splits its points at the median of the widest dimension of its bounding box, leaves hold up
 * to {@value #LEAF_SIZE} points copied contiguously in dimension-major order for the SIMD kernel,
 * and the search visits the nearer child first and prunes a node by the squared distance to its box.
 *
 * <p>The split is by position on the key (value, index), so every split halves the points even when
 * most of them are identical: depth is ⌈log2(n / 16)⌉ at most. Each node also records its smallest
 * index, so a node whose box distance only ties the current k-th distance is pruned when it cannot
 * win the tie-break; a query among many duplicates then costs O(k + log n) leaves, not O(n).
 *
 * <p>The box distance is summed in the same order and with the same fused operations as the point
 * distances, and rounding is monotone, so it never exceeds the computed distance of a point inside:
 * pruning is exact, and results equal the brute-force search bit for bit.
 *
 * <p>Build O(n log n · d) time; memory O(n d) for the reordered copy plus O(n d / 16) for the boxes.
 * A query costs O(log n) leaves for well-spread low-dimensional data, O(n d) at worst.
 */
final class KdTree extends AbstractSearch {

    static final int LEAF_SIZE = 32;

    private final int lanes = VectorKernels.lanes();
    private final int[] perm;
    private final int[] left;
    private final int[] right;
    private final int[] start;
    private final int[] count;
    private final int[] minIndex;
    private final int[] leafOff;
    private final int[] leafWidth;
    private final float[] boxLo;
    private final float[] boxHi;
    private float[] leafData;
    private int nodes;
    private int leafCursor;
    private int depth;

    KdTree(Table table) {
        super(table);
        int maxNodes = 2 * (n / (LEAF_SIZE / 2) + 1) + 1;
        perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        left = new int[maxNodes];
        right = new int[maxNodes];
        start = new int[maxNodes];
        count = new int[maxNodes];
        minIndex = new int[maxNodes];
        leafOff = new int[maxNodes];
        leafWidth = new int[maxNodes];
        boxLo = new float[maxNodes * d];
        boxHi = new float[maxNodes * d];
        leafData = new float[(n + (n / (LEAF_SIZE / 2) + 1) * lanes) * d];
        float[] keys = new float[n];
        build(0, n, 0, keys);
        leafData = Arrays.copyOf(leafData, leafCursor);
    }

    /** Builds the subtree over perm[from, to); returns its node id. Recursion depth is log2(n / 16). */
    private int build(int from, int to, int level, float[] keys) {
        int node = nodes++;
        depth = Math.max(depth, level + 1);
        start[node] = from;
        count[node] = to - from;
        int lo = node * d;
        Arrays.fill(boxLo, lo, lo + d, Float.POSITIVE_INFINITY);
        Arrays.fill(boxHi, lo, lo + d, Float.NEGATIVE_INFINITY);
        int min = Integer.MAX_VALUE;
        for (int p = from; p < to; p++) {
            int i = perm[p];
            min = Math.min(min, i);
            int row = i * d;
            for (int j = 0; j < d; j++) {
                float v = data[row + j];
                boxLo[lo + j] = Math.min(boxLo[lo + j], v);
                boxHi[lo + j] = Math.max(boxHi[lo + j], v);
            }
        }
        minIndex[node] = min;
        if (to - from <= LEAF_SIZE) {
            left[node] = -1;
            right[node] = -1;
            int w = Math.max(lanes, AbstractSearch.roundUp(to - from, lanes));
            leafOff[node] = leafCursor;
            leafWidth[node] = w;
            for (int p = from; p < to; p++) {
                int row = perm[p] * d;
                for (int j = 0; j < d; j++) {
                    leafData[leafCursor + j * w + (p - from)] = data[row + j];
                }
            }
            leafCursor += w * d;
            return node;
        }
        int dim = 0;
        float spread = -1f;
        for (int j = 0; j < d; j++) {
            float s = boxHi[lo + j] - boxLo[lo + j];
            if (s > spread) {
                spread = s;
                dim = j;
            }
        }
        for (int p = from; p < to; p++) {
            keys[p] = data[perm[p] * d + dim];
        }
        int mid = (from + to) >>> 1;
        select(keys, from, to, mid);
        left[node] = build(from, mid, level + 1, keys);
        right[node] = build(mid, to, level + 1, keys);
        return node;
    }

    /** Quickselect on (key, index): afterwards perm[mid] is in place, smaller keys before it. */
    private void select(float[] keys, int from, int to, int kth) {
        int lo = from;
        int hi = to - 1;
        while (hi > lo) {
            int a = lo;
            int b = (lo + hi) >>> 1;
            int c = hi;
            // Median of three keeps sorted runs (common among duplicates) from going quadratic.
            if (less(keys, c, a)) {
                int t = a;
                a = c;
                c = t;
            }
            if (less(keys, b, a)) {
                b = a;
            } else if (less(keys, c, b)) {
                b = c;
            }
            float pv = keys[b];
            int pi = perm[b];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (keys[i] < pv || (keys[i] == pv && perm[i] < pi)) {
                    i++;
                }
                while (pv < keys[j] || (pv == keys[j] && pi < perm[j])) {
                    j--;
                }
                if (i <= j) {
                    float tk = keys[i];
                    keys[i] = keys[j];
                    keys[j] = tk;
                    int tp = perm[i];
                    perm[i] = perm[j];
                    perm[j] = tp;
                    i++;
                    j--;
                }
            }
            if (kth <= j) {
                hi = j;
            } else if (kth >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    private boolean less(float[] keys, int x, int y) {
        return keys[x] < keys[y] || (keys[x] == keys[y] && perm[x] < perm[y]);
    }

    /** Squared distance from the query to the node's box, summed like a point distance (see class doc). */
    private float boxDistance(int node, float[] q, int qOff) {
        int o = node * d;
        float acc = 0f;
        for (int j = 0; j < d; j++) {
            float x = q[qOff + j];
            float g;
            if (x < boxLo[o + j]) {
                g = boxLo[o + j] - x;
            } else if (x > boxHi[o + j]) {
                g = x - boxHi[o + j];
            } else {
                continue;
            }
            acc = Math.fma(g, g, acc);
        }
        return acc;
    }

    @Override
    void search(float[] queries, int nq, boolean self, int k, int threads, int[] outIdx, float[] outDist) {
        int blocks = (nq + QUERY_BLOCK - 1) / QUERY_BLOCK;
        Parallel.forEachBlock(blocks, threads, () -> worker(queries, nq, self, k, outIdx, outDist));
    }

    private IntConsumer worker(float[] queries, int nq, boolean self, int k, int[] outIdx, float[] outDist) {
        KnnHeap heap = new KnnHeap(k);
        int[] stack = new int[depth + 2];
        float[] stackBound = new float[depth + 2];
        float[] thr = new float[1];
        float[] out = new float[VectorKernels.MAX_BLOCK_WIDTH];
        long[] hits = new long[1];
        return b -> {
            int to = Math.min(nq, (b + 1) * QUERY_BLOCK);
            for (int p = b * QUERY_BLOCK; p < to; p++) {
                // Self-queries go in tree order: consecutive queries walk the same paths, which keeps
                // the boxes and leaves they touch in cache.
                int q = self ? perm[p] : p;
                searchOne(queries, q * d, self ? q : -1, heap, stack, stackBound, thr, out, hits);
                heap.drainSorted(outIdx, outDist, q * k);
            }
        };
    }

    private void searchOne(float[] queries, int qOff, int skip, KnnHeap heap, int[] stack, float[] stackBound,
            float[] thr, float[] out, long[] hits) {
        heap.clear();
        int sp = 0;
        stack[sp] = 0;
        stackBound[sp++] = boxDistance(0, queries, qOff);
        while (sp > 0) {
            int node = stack[--sp];
            if (!heap.canImprove(stackBound[sp], minIndex[node])) {
                continue;
            }
            while (left[node] >= 0) {
                int l = left[node];
                int r = right[node];
                float bl = boxDistance(l, queries, qOff);
                float br = boxDistance(r, queries, qOff);
                int near;
                int far;
                float bn;
                float bf;
                if (bl < br || (bl == br && minIndex[l] < minIndex[r])) {
                    near = l;
                    far = r;
                    bn = bl;
                    bf = br;
                } else {
                    near = r;
                    far = l;
                    bn = br;
                    bf = bl;
                }
                if (heap.canImprove(bf, minIndex[far])) {
                    stack[sp] = far;
                    stackBound[sp++] = bf;
                }
                if (!heap.canImprove(bn, minIndex[near])) {
                    node = -1;
                    break;
                }
                node = near;
            }
            if (node < 0) {
                continue;
            }
            // When every point here has a larger index than the current k-th, a tie cannot win, so
            // only strictly closer points are worth an offer (integer data ties a lot).
            float t = heap.threshold();
            thr[0] = heap.full() && minIndex[node] > heap.worstIndex() ? Math.nextDown(t) : t;
            VectorKernels.blockSquaredDistances(queries, qOff, 1, d, leafData, leafOff[node], leafWidth[node], thr, out, hits);
            long h = hits[0] & lowBits(count[node]);
            int first = start[node];
            while (h != 0L) {
                int p = Long.numberOfTrailingZeros(h);
                h &= h - 1;
                int idx = perm[first + p];
                if (idx != skip) {
                    heap.offer(out[p], idx);
                }
            }
        }
    }
}
