package io.argus.vision.backbone;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.vision.backbone.onnx.OnnxModel;
import io.argus.vision.backbone.tfjs.TfjsConverter;
import io.argus.vision.backbone.tfjs.TfjsModel;
import io.argus.vision.features.FeatureMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The converted nsfwjs backbones reproduce the activations of the original TF.js runtime
 * (../shared/models-ref/nsfwjs-4.4.0) within 1e-4 on every reference layer.
 */
class NsfwjsConversionTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(NsfwjsModels.Model.class)
    void conversionMatchesTheTfjsReferenceOnEveryLayer(NsfwjsModels.Model m) throws Exception {
        Path pkg = NsfwjsFixtures.packageDir();
        Path ref = NsfwjsFixtures.referenceDir();
        TfjsConverter.Result r = NsfwjsModels.convert(pkg, m);
        Path onnx = tmp.resolve(m.id() + ".onnx");
        Files.write(onnx, r.onnx());
        assertThat(r.inputSize()).isEqualTo(m.size());
        assertThat(r.layers()).containsAll(m.referenceLayers());

        // The reference input file is the LCG the README describes, regenerated exactly.
        assertThat(NsfwjsModels.referenceInput(3 * m.size() * m.size())).containsExactly(NsfwjsModels.readF32(ref.resolve("in" + m.size() + ".f32")));

        List<NsfwjsModels.LayerCheck> full = NsfwjsModels.check(onnx, m, ref, 2);
        assertThat(full).extracting(NsfwjsModels.LayerCheck::layer).containsExactlyElementsOf(m.referenceLayers());
        for (NsfwjsModels.LayerCheck c : full) {
            int[] s = r.shapes().get(c.layer());
            assertThat(c.values()).as(c.layer()).isEqualTo(java.util.Arrays.stream(s).reduce(1, (a, b) -> a * b));
            assertThat(c.maxAbsError()).as(m.id() + " " + c.layer() + " max abs error").isLessThanOrEqualTo(1e-4);
        }
        for (NsfwjsModels.LayerCheck c : NsfwjsModels.check(onnx, m, null, 2)) {
            assertThat(c.maxAbsError()).as(m.id() + " " + c.layer() + " vs the bundled samples").isLessThanOrEqualTo(1e-4);
        }

        // Every Keras layer is an ONNX value of the same name, with its NCHW shape declared.
        OnnxModel parsed = OnnxModel.parse(r.onnx(), onnx.toString());
        assertThat(parsed.layerNames()).containsAll(r.layers().subList(1, r.layers().size()));
        assertThat(parsed.metadata()).containsKey(OnnxFeatureExtractor.METADATA_PREPROCESS);
    }

    @ParameterizedTest
    @EnumSource(NsfwjsModels.Model.class)
    void aSlightlyWrongWeightFailsTheCheck(NsfwjsModels.Model m) throws Exception {
        Path pkg = NsfwjsFixtures.packageDir();
        Path ref = NsfwjsFixtures.referenceDir();
        TfjsModel model = TfjsModel.read(pkg.resolve("dist/models/" + m.id() + "/model.min.js"));
        String first = m == NsfwjsModels.Model.MOBILENET_V2 ? "Conv1" : "conv2d_1";
        model.weight(first, "kernel")[5] += 0.05f;
        Path f = tmp.resolve("bad.onnx");
        Files.write(f, TfjsConverter.convert(model, m.id(), java.util.Map.of()).onnx());
        double worst = 0;
        for (NsfwjsModels.LayerCheck c : NsfwjsModels.check(f, m, ref, 2)) {
            worst = Math.max(worst, c.maxAbsError());
        }
        assertThat(worst).isGreaterThan(1e-4);
    }

    @org.junit.jupiter.api.Test
    void aPullWhoseCheckFailsCachesNothing() throws Exception {
        Path pkg = NsfwjsFixtures.packageDir();
        Path copy = tmp.resolve("package/dist/models/mobilenet_v2");
        Files.createDirectories(copy);
        Files.copy(pkg.resolve("dist/models/mobilenet_v2/model.min.js"), copy.resolve("model.min.js"));
        String shard = Files.readString(pkg.resolve("dist/models/mobilenet_v2/group1-shard1of1.min.js"));
        int at = shard.indexOf("exports=\"") + 20;
        // Zero a run of quantized weights near the start of the shard.
        Files.writeString(copy.resolve("group1-shard1of1.min.js"), shard.substring(0, at) + "A".repeat(40000) + shard.substring(at + 40000));
        Path cache = tmp.resolve("cache");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NsfwjsModels.pull(NsfwjsModels.Model.MOBILENET_V2, cache, tmp.resolve("package"), null, 2))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("differs from the TF.js reference").hasMessageEndingWith("; not cached");
        try (var files = Files.list(cache)) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @org.junit.jupiter.api.Test
    void namedLayersComeOutWithTheirKerasShapes() throws Exception {
        Path pkg = NsfwjsFixtures.packageDir();
        Path onnx = tmp.resolve("m.onnx");
        Files.write(onnx, NsfwjsModels.convert(pkg, NsfwjsModels.Model.MOBILENET_V2).onnx());
        try (OnnxFeatureExtractor fx = OnnxFeatureExtractor.open(onnx, "mobilenet_v2", List.of("block_6_expand_relu", "block_10_expand_relu", "out_relu"),
                null, 2, 2)) {
            assertThat(fx.preprocess()).isEqualTo(NsfwjsModels.Model.MOBILENET_V2.preprocess());
            List<FeatureMap> maps = fx.run(NsfwjsModels.referenceInput(2 * 3 * 224 * 224), 2, 224).get(1);
            assertThat(maps).extracting(f -> f.channels() + "x" + f.height() + "x" + f.width()).containsExactly("192x28x28", "384x14x14", "1280x7x7");
        }
        // The pulled model's height and width are free: a larger input gives larger maps.
        try (OnnxFeatureExtractor fx = OnnxFeatureExtractor.open(onnx, "mobilenet_v2", List.of("block_6_expand_relu", "block_10_expand_relu", "out_relu"),
                NsfwjsModels.Model.MOBILENET_V2.preprocess().withSize(320, 320), 2, 1)) {
            List<FeatureMap> maps = fx.run(NsfwjsModels.referenceInput(3 * 320 * 320), 1, 320).get(0);
            assertThat(maps).extracting(f -> f.channels() + "x" + f.height() + "x" + f.width()).containsExactly("192x40x40", "384x20x20", "1280x10x10");
        }
    }
}
