package io.argus.core.neighbors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.core.ProgressListener;
import io.argus.core.data.Table;
import io.argus.core.neighbors.NeighborIndex.Method;
import org.junit.jupiter.api.Test;

class NeighborIndexTest {

    @Test
    void autoSwitchesToHnswOnlyForLargeHighDimensionalTables() {
        int big = NeighborIndex.AUTO_MIN_ROWS;
        assertThat(NeighborIndex.usesHnsw(Method.AUTO, big, ExactKnn.KD_TREE_MAX_DIMENSION + 1)).isTrue();
        assertThat(NeighborIndex.usesHnsw(Method.AUTO, big - 1, ExactKnn.KD_TREE_MAX_DIMENSION + 1)).isFalse();
        assertThat(NeighborIndex.usesHnsw(Method.AUTO, 10 * big, ExactKnn.KD_TREE_MAX_DIMENSION)).isFalse();
        assertThat(NeighborIndex.usesHnsw(Method.EXACT, 10 * big, 500)).isFalse();
        assertThat(NeighborIndex.usesHnsw(Method.HNSW, 3, 1)).isTrue();
    }

    @Test
    void buildGivesTheIndexAsked() {
        Table t = HnswTest.uniform(new java.util.SplittableRandom(1), 100, 20);
        assertThat(NeighborIndex.build(t, NeighborIndex.Settings.DEFAULTS, 1L, ProgressListener.NONE, () -> false))
                .isNotInstanceOf(Hnsw.class);
        assertThat(NeighborIndex.build(t, new NeighborIndex.Settings(Method.HNSW, Hnsw.Options.DEFAULTS), 1L,
                ProgressListener.NONE, () -> false)).isInstanceOf(Hnsw.class);
        assertThatThrownBy(() -> new NeighborIndex.Settings(null, Hnsw.Options.DEFAULTS))
                .hasMessage("parameter neighbors must be auto, exact or hnsw");
    }
}
