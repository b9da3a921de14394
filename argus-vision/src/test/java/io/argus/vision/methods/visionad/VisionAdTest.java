package io.argus.vision.methods.visionad;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VisionAdTest {

    @TempDir
    static Path dir;

    static Split split;

    static VisionAdParams params(int shots, boolean support, boolean query) {
        return new VisionAdParams(TestConvBackbone.NAME, TestConvBackbone.LAYERS, 64, shots, support, query, 0.01);
    }

    @BeforeAll
    static void data() throws Exception {
        split = MvtecLayout.read(Synthetic.category(dir.resolve("tex"), 8, 8, 8, false, 7));
    }

    @Test
    void fewShotFindsAndLocatesBlobs() {
        try (Context ctx = Context.builder().seed(4).threads(2).build()) {
            Model<ImageSet> m = new VisionAd(params(8, true, true)).fit(split.train(), ctx);
            assertThat(((VisionAdModel) m).memorySize()).isEqualTo(8 * 6 * 16 * 16);
            Scores s = m.score(split.test(), ctx);
            assertThat(MethodFixtures.imageAuroc(s, split.test())).isGreaterThan(0.9);
            assertThat(MethodFixtures.pixelAuroc(s, split.test())).isGreaterThan(0.9);
            Model<ImageSet> back = new VisionAdProvider().restore(params(8, true, true), m.state());
            assertThat(back.score(split.test(), ctx).values()).containsExactly(s.values());
        }
    }

    @Test
    void theSupportItselfAndItsRotationScoreZeroOnlyWithAugmentation() throws Exception {
        ImageSet one = new ImageSet("one", split.train().images().subList(0, 1));
        BufferedImage img = ImageIO.read(one.get(0).file().toFile());
        Path rotated = dir.resolve("rot180.png");
        ImageIO.write(Views.rotate(img, 2), "png", rotated.toFile());
        ImageSet rot = new ImageSet("rot", List.of(ImageRef.unlabelled("rot", rotated)));
        try (Context ctx = Context.builder().seed(4).threads(2).build()) {
            Model<ImageSet> aug = new VisionAd(params(1, true, true)).fit(one, ctx);
            assertThat(aug.score(one, ctx).get(0)).isLessThan(1e-5);
            assertThat(aug.score(rot, ctx).get(0)).isLessThan(1e-5);
            Model<ImageSet> plain = new VisionAd(params(1, false, false)).fit(one, ctx);
            assertThat(plain.score(one, ctx).get(0)).isLessThan(1e-5);
            assertThat(plain.score(rot, ctx).get(0)).isGreaterThan(1e-3);
        }
    }

    @Test
    void flipBackRestoresRowOrder() {
        float[] g = {1, 2, 3, 4, 5, 6};
        assertThat(VisionAdModel.flipRows(g, 3, 2)).containsExactly(5, 6, 3, 4, 1, 2);
        assertThat(VisionAdModel.flipRows(VisionAdModel.flipRows(g, 3, 2), 3, 2)).containsExactly(g);
    }
}
