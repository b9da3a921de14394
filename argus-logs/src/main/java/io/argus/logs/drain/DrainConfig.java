package io.argus.logs.drain;

import io.argus.core.params.Params;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Settings of a {@link Drain} parser.
 *
 * <p>Defaults are those of the reference implementation, {@code logparser/Drain/Drain.py} (He, Zhu,
 * Zheng, Lyu, "Drain: An Online Log Parsing Approach with Fixed Depth Tree", ICWS 2017): depth 4,
 * similarity threshold 0.4, at most 100 children per node, no masking, no bound on the number of
 * templates. The loghub benchmark settings per data set are in {@link DrainPresets}.
 *
 * @param depth depth of the parse tree counting the root and the leaf, so that depth − 3 leading tokens
 *     key the tree below the token-count layer (Drain.py's {@code depth}); at least 3
 * @param similarity similarity threshold st: a message joins the most similar template of its leaf when
 *     the share of positions where the template's constant tokens equal the message's tokens is at least
 *     st (Drain.py's {@code st}); in [0, 1]
 * @param maxChildren most children of an inner node before new tokens go to the wildcard child
 *     (Drain.py's {@code maxChild}); at least 2
 * @param maxClusters most templates kept; the least recently used one is dropped when a new one would
 *     exceed it (Drain3's {@code max_clusters}); 0 = unbounded
 * @param masks regular expressions (Java syntax) whose matches are replaced by {@code <*>} in the content
 *     before tokenising, in this order (Drain.py's {@code rex})
 */
public record DrainConfig(int depth, double similarity, int maxChildren, int maxClusters, List<String> masks) {

    /** Drain.py's default depth. */
    public static final int DEPTH_DEFAULT = 4;
    /** Drain.py's default similarity threshold. */
    public static final double SIMILARITY_DEFAULT = 0.4;
    /** Drain.py's default {@code maxChild}. */
    public static final int MAX_CHILDREN_DEFAULT = 100;
    /** No bound on the number of templates. */
    public static final int MAX_CLUSTERS_DEFAULT = 0;

    /** Drain.py's defaults. */
    public static final DrainConfig DEFAULTS = new DrainConfig(DEPTH_DEFAULT, SIMILARITY_DEFAULT, MAX_CHILDREN_DEFAULT,
            MAX_CLUSTERS_DEFAULT, List.of());

    public DrainConfig {
        Params.checkRange("depth", depth, 3, 64);
        Params.checkRange("similarity", similarity, 0, 1);
        Params.checkRange("maxChildren", maxChildren, 2, 1_000_000);
        Params.checkRange("maxClusters", maxClusters, 0, Integer.MAX_VALUE);
        masks = List.copyOf(Objects.requireNonNull(masks, "masks"));
        for (String m : masks) {
            try {
                Pattern.compile(m);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("mask regex '" + m + "' does not compile: " + e.getDescription(), e);
            }
        }
    }

    /** The same settings with another similarity threshold. */
    public DrainConfig withSimilarity(double value) {
        return new DrainConfig(depth, value, maxChildren, maxClusters, masks);
    }

    /** The same settings with another depth. */
    public DrainConfig withDepth(int value) {
        return new DrainConfig(value, similarity, maxChildren, maxClusters, masks);
    }

    /** The same settings with another template bound (0 = unbounded). */
    public DrainConfig withMaxClusters(int value) {
        return new DrainConfig(depth, similarity, maxChildren, value, masks);
    }

    /** The same settings with other masks. */
    public DrainConfig withMasks(List<String> value) {
        return new DrainConfig(depth, similarity, maxChildren, maxClusters, value);
    }
}
