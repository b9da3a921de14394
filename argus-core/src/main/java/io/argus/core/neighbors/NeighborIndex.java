package io.argus.core.neighbors;

import io.argus.core.ProgressListener;
import io.argus.core.data.Table;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses between exact search ({@link ExactKnn}) and the approximate HNSW graph ({@link Hnsw}) for a
 * neighbour method, so that methods expose one {@code neighbors=auto|exact|hnsw} parameter and never
 * build an index themselves.
 *
 * <p>{@link Method#AUTO} searches exactly unless the exact search would be a brute-force scan
 * (d &gt; {@value ExactKnn#KD_TREE_MAX_DIMENSION}, where {@link ExactKnn} gives up its k-d tree) over
 * at least {@value #AUTO_MIN_ROWS} rows. Measured with HnswRecallBenchmark on a shared, loaded
 * machine: on 8_celeba (202,599 × 39) the exact self-query took 518 s, the graph 758 s to build and
 * 75 s to query (recall@10 0.9999). Brute force grows as n², the graph as about n log n, so they
 * cross near 1.6 × 202,599 ≈ 325,000 rows; the threshold rounds that down. On low-dimensional tables
 * AUTO keeps the exact k-d tree: it is much faster where rows are mostly distinct (10_cover,
 * 286,048 × 10: k-NN 8.6 s exact against 379 s with the graph, bench/hnsw/auroc.sh), and where the
 * graph wins, on tables of many duplicates that it indexes once (11_donors, 35,421 distinct rows of
 * 619,326: k-NN fit and score 29 s exact against 11.5 s, back to back with HeapProbe), exact answers
 * still cost under a minute.
 */
public final class NeighborIndex {

    /** Rows from which {@link Method#AUTO} switches high-dimensional tables to HNSW. */
    public static final int AUTO_MIN_ROWS = 300_000;

    private static final Logger LOG = LoggerFactory.getLogger(NeighborIndex.class);

    private NeighborIndex() {
    }

    /** How a neighbour method finds neighbours. */
    public enum Method {
        /** Exact below the size threshold described in {@link NeighborIndex}, HNSW above. */
        AUTO,
        /** Always exact ({@link ExactKnn}). */
        EXACT,
        /** Always approximate ({@link Hnsw}). */
        HNSW
    }

    /**
     * A method's neighbour-search settings.
     *
     * @param method exact, approximate, or chosen by size
     * @param hnsw the graph's parameters when HNSW is used
     */
    public record Settings(Method method, Hnsw.Options hnsw) {

        /** AUTO with HNSW's defaults. */
        public static final Settings DEFAULTS = new Settings(Method.AUTO, Hnsw.Options.DEFAULTS);

        public Settings {
            if (method == null) {
                throw new IllegalArgumentException("parameter neighbors must be auto, exact or hnsw");
            }
            Objects.requireNonNull(hnsw, "hnsw");
        }
    }

    /** Whether {@code method} resolves to HNSW for n rows of dimension d. */
    public static boolean usesHnsw(Method method, int n, int d) {
        return switch (method) {
            case EXACT -> false;
            case HNSW -> true;
            case AUTO -> d > ExactKnn.KD_TREE_MAX_DIMENSION && n >= AUTO_MIN_ROWS;
        };
    }

    /**
     * The index over the rows of {@code data} the settings ask for.
     *
     * @param seed seeds the HNSW level assignment (unused by exact search)
     */
    public static NeighborSearch build(Table data, Settings settings, long seed, ProgressListener progress, BooleanSupplier cancelled) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(settings, "settings");
        boolean hnsw = usesHnsw(settings.method(), data.rows(), data.cols());
        LOG.debug("neighbours over {}x{} with {}: {}", data.rows(), data.cols(), settings.method(), hnsw ? "hnsw" : "exact");
        return hnsw ? Hnsw.build(data, settings.hnsw(), seed, progress, cancelled) : ExactKnn.index(data);
    }
}
