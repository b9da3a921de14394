package io.argus.core.neighbors;

/**
 * A bounded max-heap of the k best (squared distance, index) pairs seen so far, ordered
 * lexicographically so that ties go to the smaller index. O(log k) per accepted offer.
 */
final class KnnHeap {

    private final int k;
    private final float[] dist;
    private final int[] idx;
    private int size;

    KnnHeap(int k) {
        this.k = k;
        this.dist = new float[k];
        this.idx = new int[k];
    }

    void clear() {
        size = 0;
    }

    boolean full() {
        return size == k;
    }

    /** The squared distance a candidate must not exceed to be considered (+inf until full). */
    float threshold() {
        return size == k ? dist[0] : Float.POSITIVE_INFINITY;
    }

    /** Index of the current worst element; meaningful only when full. */
    int worstIndex() {
        return idx[0];
    }

    /** Whether a subtree with this lower bound and smallest index can still improve the heap. */
    boolean canImprove(float bound, int minIndex) {
        if (size < k) {
            return true;
        }
        float w = dist[0];
        return bound < w || (bound == w && minIndex < idx[0]);
    }

    void offer(float d, int i) {
        if (size < k) {
            int c = size++;
            while (c > 0) {
                int p = (c - 1) >>> 1;
                if (!worse(d, i, dist[p], idx[p])) {
                    break;
                }
                dist[c] = dist[p];
                idx[c] = idx[p];
                c = p;
            }
            dist[c] = d;
            idx[c] = i;
            return;
        }
        if (!worse(dist[0], idx[0], d, i)) {
            return;
        }
        int c = 0;
        int half = k >>> 1;
        while (c < half) {
            int child = 2 * c + 1;
            int r = child + 1;
            if (r < k && worse(dist[r], idx[r], dist[child], idx[child])) {
                child = r;
            }
            if (!worse(dist[child], idx[child], d, i)) {
                break;
            }
            dist[c] = dist[child];
            idx[c] = idx[child];
            c = child;
        }
        dist[c] = d;
        idx[c] = i;
    }

    private static boolean worse(float d1, int i1, float d2, int i2) {
        return d1 > d2 || (d1 == d2 && i1 > i2);
    }

    /** Writes the k entries ascending, with Euclidean distances, at {@code off}; empties the heap. */
    void drainSorted(int[] outIdx, float[] outDist, int off) {
        // Pop the max into the last free slot: heapsort without an extra buffer.
        for (int n = size; n > 0; n--) {
            outIdx[off + n - 1] = idx[0];
            outDist[off + n - 1] = (float) Math.sqrt(dist[0]);
            float d = dist[n - 1];
            int i = idx[n - 1];
            int m = n - 1;
            int c = 0;
            while (true) {
                int child = 2 * c + 1;
                if (child >= m) {
                    break;
                }
                int r = child + 1;
                if (r < m && worse(dist[r], idx[r], dist[child], idx[child])) {
                    child = r;
                }
                if (!worse(dist[child], idx[child], d, i)) {
                    break;
                }
                dist[c] = dist[child];
                idx[c] = idx[child];
                c = child;
            }
            if (m > 0) {
                dist[c] = d;
                idx[c] = i;
            }
        }
        size = 0;
    }
}
