package io.argus.core.neighbors;

import java.util.Arrays;

/**
 * A growable binary heap of (squared distance, index) pairs ordered lexicographically, so that ties
 * go to the smaller index: a min-heap (nearest on top) or a max-heap (farthest on top).
 * O(log size) per push and pop; no allocation once grown.
 */
final class ScoredHeap {

    private final boolean max;
    private float[] dist;
    private int[] idx;
    private int size;

    ScoredHeap(boolean max, int capacity) {
        this.max = max;
        this.dist = new float[Math.max(capacity, 4)];
        this.idx = new int[Math.max(capacity, 4)];
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    float topDist() {
        return dist[0];
    }

    int topIndex() {
        return idx[0];
    }

    /** Whether (d1, i1) comes after (d2, i2) in ascending (distance, index) order. */
    static boolean after(float d1, int i1, float d2, int i2) {
        return d1 > d2 || (d1 == d2 && i1 > i2);
    }

    /** Whether a belongs above b in this heap. */
    private boolean above(float da, int ia, float db, int ib) {
        return max ? after(da, ia, db, ib) : after(db, ib, da, ia);
    }

    void push(float d, int i) {
        if (size == dist.length) {
            dist = Arrays.copyOf(dist, size * 2);
            idx = Arrays.copyOf(idx, size * 2);
        }
        int c = size++;
        while (c > 0) {
            int p = (c - 1) >>> 1;
            if (!above(d, i, dist[p], idx[p])) {
                break;
            }
            dist[c] = dist[p];
            idx[c] = idx[p];
            c = p;
        }
        dist[c] = d;
        idx[c] = i;
    }

    /** Removes the top element. */
    void pop() {
        int n = --size;
        if (n == 0) {
            return;
        }
        float d = dist[n];
        int i = idx[n];
        int c = 0;
        int half = n >>> 1;
        while (c < half) {
            int child = 2 * c + 1;
            int r = child + 1;
            if (r < n && above(dist[r], idx[r], dist[child], idx[child])) {
                child = r;
            }
            if (!above(dist[child], idx[child], d, i)) {
                break;
            }
            dist[c] = dist[child];
            idx[c] = idx[child];
            c = child;
        }
        dist[c] = d;
        idx[c] = i;
    }

    /**
     * Empties a max-heap into {@code outIdx/outDist[0..size)} in ascending order and returns the count.
     */
    int drainAscending(int[] outIdx, float[] outDist) {
        int count = size;
        for (int p = count - 1; p >= 0; p--) {
            outIdx[p] = idx[0];
            outDist[p] = dist[0];
            pop();
        }
        return count;
    }
}
