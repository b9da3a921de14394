package io.argus.core.neighbors;

import java.util.Arrays;

/**
 * The k nearest neighbours of each of q queries: indices into the searched data and Euclidean
 * (not squared) distances, ascending per query, ties broken by the smaller index.
 *
 * <p>Immutable. Memory O(q*k): one int and one float per neighbour, row-major by query.
 */
public final class Neighbors {

    private final int queries;
    private final int k;
    private final int[] indices;
    private final float[] distances;

    /**
     * Wraps row-major results (taken, not copied).
     *
     * @throws IllegalArgumentException when the arrays do not hold {@code queries * k} entries
     */
    public Neighbors(int queries, int k, int[] indices, float[] distances) {
        if (queries < 0 || k < 1) {
            throw new IllegalArgumentException("queries = " + queries + " must be >= 0 and k = " + k + " >= 1");
        }
        if ((long) queries * k != indices.length || indices.length != distances.length) {
            throw new IllegalArgumentException("shape mismatch: " + queries + " queries x k = " + k + " needs "
                    + ((long) queries * k) + " entries, got " + indices.length + " indices and " + distances.length + " distances");
        }
        this.queries = queries;
        this.k = k;
        this.indices = indices;
        this.distances = distances;
    }

    /** Number of queries. */
    public int queries() {
        return queries;
    }

    /** Neighbours per query. */
    public int k() {
        return k;
    }

    /** Index (row in the searched data) of the j-th nearest neighbour of query q, j from 0. */
    public int index(int q, int j) {
        return indices[at(q, j)];
    }

    /** Euclidean distance from query q to its j-th nearest neighbour, j from 0. */
    public float distance(int q, int j) {
        return distances[at(q, j)];
    }

    /** Distance from query q to its k-th (farthest kept) neighbour. */
    public float kDistance(int q) {
        return distances[at(q, k - 1)];
    }

    /** A copy of the neighbour indices of query q, nearest first. */
    public int[] indices(int q) {
        int o = at(q, 0);
        return Arrays.copyOfRange(indices, o, o + k);
    }

    /** A copy of the neighbour distances of query q, ascending. */
    public float[] distances(int q) {
        int o = at(q, 0);
        return Arrays.copyOfRange(distances, o, o + k);
    }

    private int at(int q, int j) {
        if (q < 0 || q >= queries || j < 0 || j >= k) {
            throw new IndexOutOfBoundsException("(" + q + ", " + j + ") outside " + queries + " queries x k = " + k);
        }
        return q * k + j;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Neighbors other && other.queries == queries && other.k == k
                && Arrays.equals(other.indices, indices) && Arrays.equals(other.distances, distances);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(indices) + Arrays.hashCode(distances);
    }

    @Override
    public String toString() {
        return "Neighbors[" + queries + " queries, k = " + k + "]";
    }
}
