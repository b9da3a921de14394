package io.argus.vision.methods.patchcore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.core.Context;
import io.argus.core.Model;
import io.argus.core.Scores;
import io.argus.core.model.Tensor;
import io.argus.vision.PixelMaps;
import io.argus.vision.Synthetic;
import io.argus.vision.data.ImageSet;
import io.argus.vision.data.MvtecLayout;
import io.argus.vision.data.Split;
import io.argus.vision.features.FeatureMap;
import io.argus.vision.methods.MethodFixtures;
import io.argus.vision.methods.TestConvBackbone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatchCoreTest {

    @TempDir
    static Path dir;

    static Split split;

    static final PatchCoreParams PARAMS = new PatchCoreParams(TestConvBackbone.NAME, TestConvBackbone.LAYERS, 64, 3, 64, 64, 0.25, 1, 4.0, true);

    @BeforeAll
    static void data() throws Exception {
        split = MvtecLayout.read(Synthetic.category(dir.resolve("tex"), 12, 8, 8, false, 3));
    }

    static Context ctx() {
        return Context.builder().seed(1).threads(2).build();
    }

    @Test
    void findsAndLocatesBlobs() {
        try (Context ctx = ctx()) {
            Model<ImageSet> m = new PatchCore(PARAMS).fit(split.train(), ctx);
            Scores s = m.score(split.test(), ctx);
            assertThat(MethodFixtures.imageAuroc(s, split.test())).isGreaterThan(0.95);
            assertThat(MethodFixtures.pixelAuroc(s, split.test())).isGreaterThan(0.9);
            PixelMaps maps = (PixelMaps) s.localization().orElseThrow();
            assertThat(maps.maps().get(0).width()).isEqualTo(Synthetic.WIDTH);
            assertThat(maps.maps().get(0).height()).isEqualTo(Synthetic.HEIGHT);
            assertThat(((PatchCoreModel) m).maskThreshold()).isPositive();
        }
    }

    @Test
    void fullBankGivesTrainingImagesZero() {
        PatchCoreParams all = new PatchCoreParams(TestConvBackbone.NAME, TestConvBackbone.LAYERS, 64, 3, 64, 64, 1.0, 1, 4.0, true);
        try (Context ctx = ctx()) {
            Model<ImageSet> m = new PatchCore(all).fit(split.train(), ctx);
            Scores s = m.score(split.train(), ctx);
            for (double v : s.values()) {
                assertThat(v).isEqualTo(0.0);
            }
            assertThat(((PatchCoreModel) m).bankSize()).isEqualTo(12 * 16 * 16);
        }
    }

    @Test
    void restoresFromStateAndIsSeedReproducible() {
        try (Context ctx = ctx()) {
            Model<ImageSet> m = new PatchCore(PARAMS).fit(split.train(), ctx);
            Map<String, Tensor> state = m.state();
            Model<ImageSet> back = new PatchCoreProvider().restore(PARAMS, state);
            assertThat(back.score(split.test(), ctx).values()).containsExactly(m.score(split.test(), ctx).values());
            try (Context one = Context.builder().seed(1).threads(1).build()) {
                Model<ImageSet> again = new PatchCore(PARAMS).fit(split.train(), one);
                assertThat(((PatchCoreModel) again).bankSize()).isEqualTo(((PatchCoreModel) m).bankSize());
                assertThat(again.state().get("bank").floats()).containsExactly(state.get("bank").floats());
            }
        }
    }

    @Test
    void embeddingMatchesHandComputedLayout() {
        // One 1-channel 2x2 layer, patch 3: the unfolded vector of position (0,0) is the zero-padded
        // 3x3 window [0,0,0, 0,a,b, 0,c,d]; pooling 9 -> 3 averages thirds of it.
        FeatureMap f = new FeatureMap("l", 1, 2, 2, new float[] {1, 2, 3, 4});
        PatchCoreParams p = new PatchCoreParams(TestConvBackbone.NAME, TestConvBackbone.LAYERS, 64, 3, 3, 3, 0.5, 1, 4.0, true);
        PatchCore.Embedding e = PatchCore.embed(List.of(f), p);
        assertThat(e.vectors()).hasSize(4 * 3);
        assertThat(e.vectors()[0]).isEqualTo(0f);
        assertThat(e.vectors()[1]).isEqualTo((0 + 1 + 2) / 3f);
        assertThat(e.vectors()[2]).isEqualTo((0 + 3 + 4) / 3f);
    }

    @Test
    void rejectsGrayscaleImagesForAColourModelAndCorruptFiles() throws Exception {
        Split gray = MvtecLayout.read(Synthetic.category(dir.resolve("gray"), 2, 1, 1, true, 4));
        try (Context ctx = ctx()) {
            Model<ImageSet> m = new PatchCore(PARAMS).fit(split.train(), ctx);
            assertThatThrownBy(() -> m.score(gray.test(), ctx))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("grayscale (1 channel) but the model was fitted on colour (RGB) images");
            Path bad = dir.resolve("bad.jpg");
            Files.write(bad, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1});
            ImageSet corrupt = new ImageSet("x", List.of(io.argus.vision.data.ImageRef.unlabelled("bad", bad)));
            assertThatThrownBy(() -> m.score(corrupt, ctx)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad.jpg");
        }
    }

    @Test
    void refusesABackboneThatChangedSinceFitting() {
        try (Context ctx = ctx()) {
            Model<ImageSet> m = new PatchCore(PARAMS).fit(split.train(), ctx);
            Map<String, Tensor> state = new java.util.LinkedHashMap<>(m.state());
            assertThat(new String(state.get("extractor_spec").bytes(), java.nio.charset.StandardCharsets.UTF_8)).startsWith("test-conv:64:");
            state.put("extractor_spec", Tensor.u8("backbone=other;sha256=00".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            Model<ImageSet> changed = new PatchCoreProvider().restore(PARAMS, state);
            assertThatThrownBy(() -> changed.score(split.test(), ctx)).hasMessageContaining("was fitted with 'backbone=other;sha256=00'")
                    .hasMessageContaining("refit the model");
        }
    }

    @Test
    void rejectsBadParameters() {
        assertThatThrownBy(() -> new PatchCoreParams("test-conv", "conv1", 64, 2, 8, 8, 0.1, 1, 4, true))
                .hasMessageContaining("patch_size = 2 must be odd");
        assertThatThrownBy(() -> new PatchCoreParams("test-conv", "conv1", 64, 3, 8, 8, 0, 1, 4, true))
                .hasMessageContaining("coreset = 0.0 is out of range");
    }
}
