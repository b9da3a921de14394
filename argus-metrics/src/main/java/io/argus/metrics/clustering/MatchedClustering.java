package io.argus.metrics.clustering;

import java.util.Arrays;

/**
 * Scores of a clustering after its clusters were matched one-to-one to the true classes by the
 * Hungarian algorithm, maximising the number of units whose cluster is matched to their class. Made by
 * {@link ClusteringMetrics#matched}.
 *
 * @param accuracy matched units / all units, in [0, 1]
 * @param macroF1 the unweighted mean over true classes of F1 = 2·TP/(|class| + |matched cluster|), a
 *        class without a matched cluster scoring 0
 * @param clusterIds the distinct predicted cluster ids, increasing
 * @param clusterToClass for each cluster of {@code clusterIds}, the class id it is matched to (0 where
 *        unmatched)
 * @param matched for each cluster of {@code clusterIds}, whether it has a class (false only when there
 *        are more clusters than classes)
 */
public record MatchedClustering(double accuracy, double macroF1, int[] clusterIds, int[] clusterToClass, boolean[] matched) {

    /** Copies the arrays. */
    public MatchedClustering {
        clusterIds = clusterIds.clone();
        clusterToClass = clusterToClass.clone();
        matched = matched.clone();
    }

    /** The distinct predicted cluster ids, increasing. */
    @Override
    public int[] clusterIds() {
        return clusterIds.clone();
    }

    /** Per cluster in {@link #clusterIds()} order, its class; meaningful only where {@link #matched()}. */
    @Override
    public int[] clusterToClass() {
        return clusterToClass.clone();
    }

    /** Per cluster in {@link #clusterIds()} order, whether it was matched to a class. */
    @Override
    public boolean[] matched() {
        return matched.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MatchedClustering c && accuracy == c.accuracy && macroF1 == c.macroF1 && Arrays.equals(clusterIds, c.clusterIds)
                && Arrays.equals(clusterToClass, c.clusterToClass) && Arrays.equals(matched, c.matched);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(accuracy) * 31 + Arrays.hashCode(clusterToClass);
    }

    @Override
    public String toString() {
        return "MatchedClustering[accuracy=" + accuracy + ", macroF1=" + macroF1 + ", clusters=" + clusterIds.length + "]";
    }
}
