package io.argus.vision.methods.padim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.core.Context;
import io.argus.core.Model;
import io.argus.core.Scores;
import io.argus.vision.Synthetic;
import io.argus.vision.data.ImageSet;
import io.argus.vision.data.MvtecLayout;
import io.argus.vision.data.Split;
import io.argus.vision.methods.MethodFixtures;
import io.argus.vision.methods.TestConvBackbone;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PadimTest {

    @TempDir
    static Path dir;

    static Split split;

    static final PadimParams PARAMS = new PadimParams(TestConvBackbone.NAME, TestConvBackbone.LAYERS, 64, 20, 0.01, 4.0);

    @BeforeAll
    static void data() throws Exception {
        split = MvtecLayout.read(Synthetic.category(dir.resolve("tex"), 16, 8, 8, false, 5));
    }

    @Test
    void findsAndLocatesBlobsAndRestores() {
        try (Context ctx = Context.builder().seed(2).threads(2).build()) {
            Model<ImageSet> m = new Padim(PARAMS).fit(split.train(), ctx);
            Scores s = m.score(split.test(), ctx);
            assertThat(MethodFixtures.imageAuroc(s, split.test())).isGreaterThan(0.95);
            assertThat(MethodFixtures.pixelAuroc(s, split.test())).isGreaterThan(0.9);
            Model<ImageSet> back = new PadimProvider().restore(PARAMS, m.state());
            assertThat(back.score(split.test(), ctx).values()).containsExactly(s.values());
        }
    }

    @Test
    void embeddingPicksChannelsAcrossLayersByNearestNeighbour() {
        var a = new io.argus.vision.features.FeatureMap("a", 1, 2, 2, new float[] {1, 2, 3, 4});
        var b = new io.argus.vision.features.FeatureMap("b", 2, 1, 1, new float[] {7, 9});
        float[] e = Padim.embed(java.util.List.of(a, b), new int[] {2, 0});
        assertThat(e).containsExactly(9, 1, 9, 2, 9, 3, 9, 4);
    }

    @Test
    void needsTwoTrainingImages() {
        ImageSet one = new ImageSet("one", split.train().images().subList(0, 1));
        try (Context ctx = Context.defaults()) {
            assertThatThrownBy(() -> new Padim(PARAMS).fit(one, ctx)).hasMessageContaining("at least 2 training images");
        }
    }
}
