package io.argus.vision.methods.gaussianad;

import static org.assertj.core.api.Assertions.assertThat;

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

class GaussianAdTest {

    @TempDir
    static Path dir;

    static Split split;

    static final GaussianAdParams PARAMS = new GaussianAdParams(TestConvBackbone.NAME, TestConvBackbone.LAYERS, 64);

    @BeforeAll
    static void data() throws Exception {
        split = MvtecLayout.read(Synthetic.category(dir.resolve("tex"), 24, 8, 8, false, 6));
    }

    @Test
    void separatesDefectsAtImageLevelWithoutMaps() {
        try (Context ctx = Context.builder().seed(3).threads(2).build()) {
            Model<ImageSet> m = new GaussianAd(PARAMS).fit(split.train(), ctx);
            Scores s = m.score(split.test(), ctx);
            assertThat(MethodFixtures.imageAuroc(s, split.test())).isGreaterThan(0.9);
            assertThat(s.localization()).isEmpty();
            Model<ImageSet> back = new GaussianAdProvider().restore(PARAMS, m.state());
            assertThat(back.score(split.test(), ctx).values()).containsExactly(s.values());
        }
    }
}
