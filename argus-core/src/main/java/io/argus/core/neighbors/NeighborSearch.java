package io.argus.core.neighbors;

import io.argus.core.data.Table;

/**
 * An index over n points of dimension d that answers k-nearest-neighbour queries; methods ask it
 * for neighbours and never build indexes themselves.
 *
 * <p>Results are deterministic: ties are broken by the smaller index, and queries are split into
 * fixed blocks, so the answer is the same for every thread count. Time and memory depend on the
 * implementation; see {@link ExactKnn}.
 */
public interface NeighborSearch {

    /** Number of indexed points n. */
    int size();

    /** Dimension d of the indexed points. */
    int dimension();

    /**
     * The k nearest indexed points of every row of {@code queries}.
     *
     * @param k in [1, n]
     * @param threads worker threads, at least 1; does not change the result
     * @throws IllegalArgumentException when k is out of range, threads is below 1 or the widths differ
     */
    Neighbors query(Table queries, int k, int threads);

    /**
     * The k nearest neighbours of every indexed point among the others: point i is excluded from its
     * own list by index, while exact duplicates of it stay and count (as scikit-learn's
     * {@code kneighbors(X=None)}).
     *
     * @param k in [1, n-1]
     * @param threads worker threads, at least 1; does not change the result
     * @throws IllegalArgumentException when k is out of range or threads is below 1
     */
    Neighbors selfQuery(int k, int threads);
}
