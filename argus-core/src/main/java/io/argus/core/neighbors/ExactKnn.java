package io.argus.core.neighbors;

import io.argus.core.data.Table;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds exact k-nearest-neighbour indexes over a {@link Table}: a k-d tree (Bentley 1975, searched
 * as in Friedman, Bentley and Finkel 1977) for low dimension, a cache-blocked SIMD brute force
 * otherwise. Both return identical results, including indices under ties.
 *
 * <p>{@link #index} picks the k-d tree when {@code d <= }{@value #KD_TREE_MAX_DIMENSION} and
 * {@code n >= }{@value #KD_TREE_MIN_POINTS}, brute force otherwise. Costs: k-d tree build
 * O(n log n · d) time and O(n d) memory, queries about O(log n) leaves each for well-spread data;
 * brute force O(n d) memory and O(q n d) time for q queries.
 */
public final class ExactKnn {

    /**
     * Largest dimension for which {@link #index} builds a k-d tree. Measured self-queries (k = 20,
     * n = 30,000, 2 threads): on data with a decaying spectrum, as real tables have, the tree ties
     * brute force up to d = 24 and wins by far at low d as n grows (brute force is O(n²)); on
     * i.i.d. Gaussians, the tree's worst case, it already loses from d = 8 and is 4-7x slower at
     * d = 12..16. 16 keeps real low-dimensional tables on the tree, near scikit-learn's 15.
     */
    public static final int KD_TREE_MAX_DIMENSION = 16;

    /** Below this many points {@link #index} scans: a tree does not pay for itself. */
    public static final int KD_TREE_MIN_POINTS = 512;

    private static final Logger LOG = LoggerFactory.getLogger(ExactKnn.class);

    private ExactKnn() {
    }

    /** An exact index over the rows of {@code data}, choosing the algorithm as described above. */
    public static NeighborSearch index(Table data) {
        Objects.requireNonNull(data, "data");
        boolean tree = data.cols() <= KD_TREE_MAX_DIMENSION && data.rows() >= KD_TREE_MIN_POINTS;
        LOG.debug("exact kNN over {}x{}: {}", data.rows(), data.cols(), tree ? "k-d tree" : "brute force");
        return tree ? kdTree(data) : bruteForce(data);
    }

    /** A k-d tree over the rows of {@code data}; build O(n log n · d) time, O(n d) memory. */
    public static NeighborSearch kdTree(Table data) {
        return new KdTree(Objects.requireNonNull(data, "data"));
    }

    /** A blocked brute-force scan over the rows of {@code data}; O(n d) memory, O(n d) per query. */
    public static NeighborSearch bruteForce(Table data) {
        return new BruteForce(Objects.requireNonNull(data, "data"));
    }
}
