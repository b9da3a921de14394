package io.argus.vision.methods.musc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.core.Context;
import io.argus.core.Model;
import io.argus.core.Scores;
import io.argus.vision.Synthetic;
import io.argus.vision.data.ImageRef;
import io.argus.vision.data.ImageSet;
import io.argus.vision.data.MvtecLayout;
import io.argus.vision.data.Split;
import io.argus.vision.methods.MethodFixtures;
import io.argus.vision.methods.TestConvBackbone;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MuscTest {

    @TempDir
    static Path dir;

    static Split split;

    static final MuscParams PARAMS = new MuscParams(TestConvBackbone.NAME, TestConvBackbone.LAYERS, 64, "1,3,5", 0.3, "1,2,3", 1);

    @BeforeAll
    static void data() throws Exception {
        split = MvtecLayout.read(Synthetic.category(dir.resolve("tex"), 1, 14, 4, false, 8));
    }

    @Test
    void scoresWithoutAnyTrainingImageAndIsOrderInvariant() {
        try (Context ctx = Context.builder().seed(5).threads(2).build()) {
            Model<ImageSet> m = new Musc(PARAMS).fit(new ImageSet("empty", List.of()), ctx);
            Scores s = m.score(split.test(), ctx);
            assertThat(MethodFixtures.imageAuroc(s, split.test())).isGreaterThan(0.9);
            assertThat(MethodFixtures.pixelAuroc(s, split.test())).isGreaterThan(0.9);
            List<ImageRef> rev = new ArrayList<>(split.test().images());
            Collections.reverse(rev);
            Scores r = m.score(new ImageSet("rev", rev), ctx);
            for (int i = 0; i < rev.size(); i++) {
                assertThat(r.get(i)).isCloseTo(s.get(rev.size() - 1 - i), org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }

    @Test
    void refusesFewerThanFiveImages() {
        ImageSet four = new ImageSet("four", split.test().images().subList(0, 4));
        try (Context ctx = Context.defaults()) {
            assertThatThrownBy(() -> new Musc(PARAMS).fit(four, ctx).score(four, ctx)).hasMessageContaining("at least 5 images per subset");
        }
    }

    @Test
    void rscinWithKOneIsIdentity() {
        double[] s = {0.1, 0.9, 0.5};
        float[][] e = {{1, 0}, {1, 0}, {0.6f, 0.8f}};
        assertThat(MuscModel.rscin(s, e, new int[] {1})).containsExactly(s);
        double[] two = MuscModel.rscin(s, e, new int[] {2});
        assertThat(two[0]).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void lnamdVectorsAreUnitLength() {
        var m = new io.argus.vision.features.FeatureMap("l", 3, 4, 4, new float[48]);
        for (int i = 0; i < 48; i++) {
            m.data()[i] = (i * 7919 % 13) - 6;
        }
        float[] z = MuscModel.lnamd(m, 3);
        for (int p = 0; p < 16; p++) {
            double s = 0;
            for (int c = 0; c < 3; c++) {
                s += z[p * 3 + c] * z[p * 3 + c];
            }
            assertThat(s).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        }
    }
}
