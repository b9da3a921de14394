package io.argus.vision.backbone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.vision.backbone.onnx.OnnxGraphBuilder;
import io.argus.vision.features.FeatureMap;
import io.argus.vision.image.Preprocess;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxFeatureExtractorTest {

    @TempDir
    Path tmp;

    private Path tiny() throws Exception {
        Path f = tmp.resolve("tiny.onnx");
        Files.write(f, TinyNets.convRelu());
        return f;
    }

    private static BufferedImage randomImage(long seed, int w, int h) {
        SplittableRandom r = new SplittableRandom(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, r.nextInt(1 << 24));
            }
        }
        return img;
    }

    @Test
    void intermediateLayersMatchADirectComputation() throws Exception {
        Preprocess p = Preprocess.unitScale(TinyNets.SIDE);
        try (OnnxFeatureExtractor fx = OnnxFeatureExtractor.open(tiny(), "tiny", List.of("conv", "relu"), p, 1, 2)) {
            List<BufferedImage> images = List.of(randomImage(1, 8, 8), randomImage(2, 8, 8), randomImage(3, 8, 8));
            List<List<FeatureMap>> maps = fx.extract(images);
            assertThat(maps).hasSize(3);
            for (int i = 0; i < 3; i++) {
                float[] input = new float[p.tensorSize()];
                p.toTensor(images.get(i), "img", input, 0);
                float[] expected = TinyNets.conv(input);
                FeatureMap conv = maps.get(i).get(0);
                FeatureMap relu = maps.get(i).get(1);
                assertThat(conv.layer()).isEqualTo("conv");
                assertThat(conv.channels()).isEqualTo(2);
                assertThat(conv.height()).isEqualTo(8);
                for (int k = 0; k < expected.length; k++) {
                    assertThat(conv.data()[k]).isCloseTo(expected[k], org.assertj.core.data.Offset.offset(1e-5f));
                    assertThat(relu.data()[k]).isCloseTo(Math.max(0, expected[k]), org.assertj.core.data.Offset.offset(1e-5f));
                }
            }
            assertThat(fx.spec()).startsWith("backbone=tiny;sha256=").contains(";layers=conv,relu;preprocess=resize=8,crop=8");
            assertThat(fx.inputSize()).isEqualTo(8);
        }
    }

    @Test
    void batchSizeDoesNotChangeFeatures() throws Exception {
        Preprocess p = Preprocess.unitScale(TinyNets.SIDE);
        List<BufferedImage> images = List.of(randomImage(4, 8, 8), randomImage(5, 8, 8), randomImage(6, 8, 8));
        try (OnnxFeatureExtractor one = OnnxFeatureExtractor.open(tiny(), "tiny", List.of("relu", "flat"), p, 1, 1);
                OnnxFeatureExtractor three = OnnxFeatureExtractor.open(tiny(), "tiny", List.of("relu", "flat"), p, 2, 3)) {
            List<List<FeatureMap>> a = one.extract(images);
            List<List<FeatureMap>> b = three.extract(images);
            for (int i = 0; i < 3; i++) {
                for (int l = 0; l < 2; l++) {
                    assertThat(a.get(i).get(l).data()).containsExactly(b.get(i).get(l).data(), org.assertj.core.data.Offset.offset(1e-6f));
                }
            }
            FeatureMap flat = a.get(0).get(1);
            assertThat(flat.channels()).isEqualTo(2);
            assertThat(flat.height()).isEqualTo(1);
        }
    }

    @Test
    void theRewrittenGraphKeepsOnlyWhatTheLayersNeed() {
        io.argus.vision.backbone.onnx.OnnxModel m = io.argus.vision.backbone.onnx.OnnxModel.parse(TinyNets.convRelu(), "tiny");
        io.argus.vision.backbone.onnx.OnnxModel conv = io.argus.vision.backbone.onnx.OnnxModel.parse(m.withOutputs(List.of("conv")), "r");
        assertThat(conv.nodes()).extracting(io.argus.vision.backbone.onnx.OnnxModel.Node::name).containsExactly("conv");
        assertThat(conv.outputs()).extracting(io.argus.vision.backbone.onnx.OnnxModel.ValueInfo::name).containsExactly("conv");
        io.argus.vision.backbone.onnx.OnnxModel two = io.argus.vision.backbone.onnx.OnnxModel.parse(m.withOutputs(List.of("gap", "conv")), "r");
        assertThat(two.nodes()).extracting(io.argus.vision.backbone.onnx.OnnxModel.Node::name).containsExactly("conv", "relu", "gap");
        assertThat(two.dataInputs()).extracting(io.argus.vision.backbone.onnx.OnnxModel.ValueInfo::name).containsExactly("image");
    }

    @Test
    void aModelWithAFixedBatchOfOneTakesAnyNumberOfImages() throws Exception {
        Path f = tmp.resolve("one.onnx");
        Files.write(f, new OnnxGraphBuilder("one").input("x", new long[] {1, 3, 2, 2}, null)
                .node("Relu", List.of("x"), List.of("y"), "relu").output("y", new long[] {1, 3, 2, 2}, null).build(7, 13, "t"));
        try (OnnxFeatureExtractor fx = OnnxFeatureExtractor.open(f, null, List.of("y"), Preprocess.unitScale(2), 1, 8)) {
            float[] in = new float[3 * 12];
            for (int i = 0; i < in.length; i++) {
                in[i] = i - 10;
            }
            List<List<FeatureMap>> out = fx.run(in, 3, 2);
            assertThat(out).hasSize(3);
            assertThat(out.get(2).get(0).data()).containsExactly(14f, 15f, 16f, 17f, 18f, 19f, 20f, 21f, 22f, 23f, 24f, 25f);
            assertThat(out.get(0).get(0).data()[0]).isZero();
        }
    }

    @Test
    void unknownLayerListsTheAvailableOnes() throws Exception {
        Path f = tiny();
        assertThatThrownBy(() -> OnnxFeatureExtractor.open(f, "tiny", List.of("layer3"), null, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(f + ": no layer 'layer3'; available layers: conv, relu, gap, flat");
        assertThatThrownBy(() -> OnnxFeatureExtractor.open(f, "tiny", List.of(), null, 1, 1))
                .hasMessage(f + ": no layers requested; available layers: conv, relu, gap, flat");
    }

    @Test
    void aModelWithoutAnImageInputIsNotABackbone() throws Exception {
        Path f = tmp.resolve("mlp.onnx");
        Files.write(f, new OnnxGraphBuilder("mlp").input("x", new long[] {-1, 10}, new String[] {"n", null})
                .node("Relu", List.of("x"), List.of("y"), "relu").output("y", new long[] {-1, 10}, new String[] {"n", null})
                .build(7, 13, "t"));
        assertThatThrownBy(() -> OnnxFeatureExtractor.open(f, null, List.of("y"), null, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(f + ": not an image backbone: its inputs are x[?, 10] of element type 1; expected one float32 input N×3×H×W (NCHW); its layers: y");
    }

    @Test
    void aFileThatIsNotOnnxIsRejectedByName() throws Exception {
        Path f = tmp.resolve("junk.onnx");
        Files.writeString(f, "this is not a protobuf at all, just text");
        assertThatThrownBy(() -> OnnxFeatureExtractor.open(f, null, List.of("y"), null, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(f + ": not");
        assertThatThrownBy(() -> OnnxFeatureExtractor.open(tmp.resolve("absent.onnx"), null, List.of("y"), null, 1, 1))
                .hasMessage(tmp.resolve("absent.onnx") + ": no such ONNX file");
    }

    @Test
    void weightsInAnExternalDataFileNextToTheModelAreFound() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("ext"));
        float[] scale = {2f, -1f, 0.5f};
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(12).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(scale);
        Files.write(dir.resolve("weights.bin"), b.array());
        // A Mul by a 3x1x1 initializer whose data lives in weights.bin (data_location = EXTERNAL).
        io.argus.vision.backbone.onnx.ProtoWriter w = new io.argus.vision.backbone.onnx.ProtoWriter().packedInt64(1, new long[] {3, 1, 1}).varint(2, 1)
                .string(8, "scale")
                .message(13, new io.argus.vision.backbone.onnx.ProtoWriter().string(1, "location").string(2, "weights.bin"))
                .message(13, new io.argus.vision.backbone.onnx.ProtoWriter().string(1, "offset").string(2, "0"))
                .message(13, new io.argus.vision.backbone.onnx.ProtoWriter().string(1, "length").string(2, "12"))
                .varint(14, 1);
        byte[] base = new OnnxGraphBuilder("ext").input("x", new long[] {-1, 3, 2, 2}, new String[] {"n", null, null, null})
                .node("Mul", List.of("x", "scale"), List.of("y"), "mul").output("y", new long[] {-1, 3, 2, 2}, new String[] {"n", null, null, null})
                .build(7, 13, "t");
        // Splice the external initializer into the graph: parse, then append a graph field holding it.
        byte[] model = withInitializer(base, w.toByteArray());
        Path f = dir.resolve("ext.onnx");
        Files.write(f, model);
        try (OnnxFeatureExtractor fx = OnnxFeatureExtractor.open(f, null, List.of("y"), Preprocess.unitScale(2), 1, 1)) {
            float[] in = new float[12];
            java.util.Arrays.fill(in, 1f);
            assertThat(fx.run(in, 1, 2).get(0).get(0).data()).containsExactly(2f, 2f, 2f, 2f, -1f, -1f, -1f, -1f, 0.5f, 0.5f, 0.5f, 0.5f);
        }
    }

    /** Appends an initializer (field 5) to the graph (field 7) of a serialised model. */
    private static byte[] withInitializer(byte[] model, byte[] tensor) {
        // The builder writes ir_version, producer, opset_import, then the graph as the last field but metadata.
        int i = 0;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        while (i < model.length) {
            int tag = model[i] & 0xFF;
            int start = i;
            i++;
            if ((tag & 7) == 0) {
                while ((model[i++] & 0x80) != 0) {
                    // varint
                }
                out.write(model, start, i - start);
                continue;
            }
            long len = 0;
            int shift = 0;
            int b;
            do {
                b = model[i++] & 0xFF;
                len |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            if ((tag >>> 3) == 7) {
                io.argus.vision.backbone.onnx.ProtoWriter g = new io.argus.vision.backbone.onnx.ProtoWriter().raw(model, i, i + (int) len)
                        .bytes(5, tensor);
                out.writeBytes(new io.argus.vision.backbone.onnx.ProtoWriter().message(7, g).toByteArray());
            } else {
                out.write(model, start, i + (int) len - start);
            }
            i += (int) len;
        }
        return out.toByteArray();
    }

    @Test
    void preprocessingMustMatchAFixedInputSize() throws Exception {
        Path f = tmp.resolve("fixed.onnx");
        Files.write(f, new OnnxGraphBuilder("fixed").input("x", new long[] {1, 3, 8, 8}, null)
                .node("Relu", List.of("x"), List.of("y"), "relu").output("y", new long[] {1, 3, 8, 8}, null).build(7, 13, "t"));
        assertThatThrownBy(() -> OnnxFeatureExtractor.open(f, null, List.of("y"), Preprocess.imagenet(256, 224), 1, 1))
                .hasMessage(f + ": the model's input is 8x8 but the preprocessing makes 224x224 images (crop); use crop=8");
    }
}
