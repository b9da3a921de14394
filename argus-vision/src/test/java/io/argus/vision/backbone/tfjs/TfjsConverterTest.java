package io.argus.vision.backbone.tfjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.argus.vision.backbone.OnnxFeatureExtractor;
import io.argus.vision.features.FeatureMap;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Converts a small Keras model written here (model.json + a binary shard, some weights uint8-quantized) and
 * compares ONNX Runtime's output with a direct channels-last implementation of the Keras layers.
 */
class TfjsConverterTest {

    static final int H = 6;
    static final int CIN = 3;

    @TempDir
    Path tmp;

    float[] convK = new float[3 * 3 * CIN * 3];
    float[] convB;
    float[] dwK;
    float[] gamma = new float[6];
    float[] beta = new float[6];
    float[] mean = new float[6];
    float[] var = new float[6];
    float[] denseK = new float[24 * 4];
    float[] denseB = new float[4];
    byte[] convBq = {0, (byte) 200, 17};
    byte[] dwKq = new byte[3 * 3 * 3 * 2];

    static final double BQ_MIN = -0.3;
    static final double BQ_SCALE = 0.0021;
    static final double DQ_MIN = -1.1;
    static final double DQ_SCALE = 0.0093;

    @BeforeEach
    void weights() {
        SplittableRandom r = new SplittableRandom(7);
        fill(r, convK, 0.6);
        fill(r, gamma, 0.5);
        for (int i = 0; i < 6; i++) {
            gamma[i] += 1;
            var[i] = (float) (0.2 + r.nextDouble());
        }
        fill(r, beta, 0.3);
        fill(r, mean, 0.4);
        fill(r, denseK, 0.5);
        fill(r, denseB, 0.1);
        for (int i = 0; i < dwKq.length; i++) {
            dwKq[i] = (byte) r.nextInt(256);
        }
        convB = new float[3];
        for (int i = 0; i < 3; i++) {
            convB[i] = (float) ((convBq[i] & 0xFF) * BQ_SCALE + BQ_MIN);
        }
        dwK = new float[dwKq.length];
        for (int i = 0; i < dwK.length; i++) {
            dwK[i] = (float) ((dwKq[i] & 0xFF) * DQ_SCALE + DQ_MIN);
        }
    }

    private static void fill(SplittableRandom r, float[] a, double scale) {
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) ((r.nextDouble() * 2 - 1) * scale);
        }
    }

    private static String layer(String cls, String name, String config, String inbound) {
        return "{\"class_name\":\"" + cls + "\",\"name\":\"" + name + "\",\"config\":{\"name\":\"" + name + "\"" + (config.isEmpty() ? "" : "," + config)
                + "},\"inbound_nodes\":" + (inbound == null ? "[]" : "[[[\"" + inbound + "\",0,0,{}]]]") + "}";
    }

    private Path writeModel() throws Exception {
        String layers = String.join(",",
                layer("InputLayer", "input_1", "\"batch_input_shape\":[null," + H + "," + H + "," + CIN + "],\"dtype\":\"float32\"", null),
                layer("Conv2D", "conv", "\"filters\":3,\"kernel_size\":[3,3],\"strides\":[2,2],\"padding\":\"same\",\"data_format\":\"channels_last\","
                        + "\"dilation_rate\":[1,1],\"activation\":\"relu\",\"use_bias\":true", "input_1"),
                layer("DepthwiseConv2D", "dw", "\"kernel_size\":[3,3],\"strides\":[1,1],\"padding\":\"same\",\"depth_multiplier\":2,"
                        + "\"activation\":\"linear\",\"use_bias\":false", "conv"),
                layer("BatchNormalization", "bn", "\"axis\":-1,\"epsilon\":0.001,\"center\":true,\"scale\":true", "dw"),
                layer("ReLU", "relu6", "\"max_value\":6,\"negative_slope\":0,\"threshold\":0", "bn"),
                layer("AveragePooling2D", "pool", "\"pool_size\":[2,2],\"strides\":[2,2],\"padding\":\"same\"", "relu6"),
                layer("Flatten", "flat", "", "pool"),
                layer("Dense", "dense", "\"units\":4,\"activation\":\"softmax\",\"use_bias\":true", "flat"));
        String manifest = "[{\"paths\":[\"group1-shard1of1\"],\"weights\":["
                + "{\"name\":\"conv/kernel\",\"shape\":[3,3,3,3],\"dtype\":\"float32\"},"
                + "{\"name\":\"conv/bias\",\"shape\":[3],\"dtype\":\"float32\",\"quantization\":{\"min\":" + BQ_MIN + ",\"scale\":" + BQ_SCALE
                + ",\"dtype\":\"uint8\"}},"
                + "{\"name\":\"dw/depthwise_kernel\",\"shape\":[3,3,3,2],\"dtype\":\"float32\",\"quantization\":{\"min\":" + DQ_MIN + ",\"scale\":"
                + DQ_SCALE + ",\"dtype\":\"uint8\"}},"
                + "{\"name\":\"bn/gamma\",\"shape\":[6],\"dtype\":\"float32\"},{\"name\":\"bn/beta\",\"shape\":[6],\"dtype\":\"float32\"},"
                + "{\"name\":\"bn/moving_mean\",\"shape\":[6],\"dtype\":\"float32\"},{\"name\":\"bn/moving_variance\",\"shape\":[6],\"dtype\":\"float32\"},"
                + "{\"name\":\"dense/kernel\",\"shape\":[24,4],\"dtype\":\"float32\"},{\"name\":\"dense/bias\",\"shape\":[4],\"dtype\":\"float32\"}]}]";
        String json = "{\"modelTopology\":{\"keras_version\":\"2.2.4\",\"model_config\":{\"class_name\":\"Model\",\"config\":{\"name\":\"m\",\"layers\":["
                + layers + "],\"input_layers\":[[\"input_1\",0,0]],\"output_layers\":[[\"dense\",0,0]]}}},\"weightsManifest\":" + manifest + "}";
        Files.writeString(tmp.resolve("model.json"), json);
        ByteArrayOutputStream bin = new ByteArrayOutputStream();
        bin.write(f32(convK));
        bin.write(convBq);
        bin.write(dwKq);
        for (float[] a : List.of(gamma, beta, mean, var, denseK, denseB)) {
            bin.write(f32(a));
        }
        Files.write(tmp.resolve("group1-shard1of1.bin"), bin.toByteArray());
        return tmp.resolve("model.json");
    }

    private static byte[] f32(float[] a) {
        ByteBuffer b = ByteBuffer.allocate(a.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(a);
        return b.array();
    }

    /** Keras's forward pass, channels last, written out directly. Returns {conv, pool, dense} outputs (NHWC). */
    private float[][] keras(float[] nhwc) {
        // conv: 6x6x2 -> 3x3x3, stride 2, 'same': total pad 1, all of it after (TensorFlow's rule).
        float[] conv = new float[3 * 3 * 3];
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 3; x++) {
                for (int o = 0; o < 3; o++) {
                    double s = convB[o];
                    for (int ky = 0; ky < 3; ky++) {
                        for (int kx = 0; kx < 3; kx++) {
                            int iy = y * 2 + ky;
                            int ix = x * 2 + kx;
                            if (iy >= H || ix >= H) {
                                continue;
                            }
                            for (int c = 0; c < CIN; c++) {
                                s += nhwc[(iy * H + ix) * CIN + c] * convK[((ky * 3 + kx) * CIN + c) * 3 + o];
                            }
                        }
                    }
                    conv[(y * 3 + x) * 3 + o] = (float) Math.max(0, s);
                }
            }
        }
        float[] act = new float[3 * 3 * 6];
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 3; x++) {
                for (int c = 0; c < 3; c++) {
                    for (int j = 0; j < 2; j++) {
                        double s = 0;
                        for (int ky = 0; ky < 3; ky++) {
                            for (int kx = 0; kx < 3; kx++) {
                                int iy = y + ky - 1;
                                int ix = x + kx - 1;
                                if (iy >= 0 && iy < 3 && ix >= 0 && ix < 3) {
                                    s += conv[(iy * 3 + ix) * 3 + c] * dwK[((ky * 3 + kx) * 3 + c) * 2 + j];
                                }
                            }
                        }
                        int ch = c * 2 + j;
                        double bn = gamma[ch] * (s - mean[ch]) / Math.sqrt(var[ch] + 0.001) + beta[ch];
                        act[(y * 3 + x) * 6 + ch] = (float) Math.min(6, Math.max(0, bn));
                    }
                }
            }
        }
        // 2x2 average pool, stride 2, 'same' on 3x3: pad after; the mean counts only cells inside.
        float[] pool = new float[2 * 2 * 6];
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 2; x++) {
                for (int c = 0; c < 6; c++) {
                    double s = 0;
                    int n = 0;
                    for (int dy = 0; dy < 2; dy++) {
                        for (int dx = 0; dx < 2; dx++) {
                            int iy = y * 2 + dy;
                            int ix = x * 2 + dx;
                            if (iy < 3 && ix < 3) {
                                s += act[(iy * 3 + ix) * 6 + c];
                                n++;
                            }
                        }
                    }
                    pool[(y * 2 + x) * 6 + c] = (float) (s / n);
                }
            }
        }
        double[] logits = new double[4];
        double max = Double.NEGATIVE_INFINITY;
        for (int u = 0; u < 4; u++) {
            double s = denseB[u];
            for (int i = 0; i < 24; i++) {
                s += pool[i] * denseK[i * 4 + u];
            }
            logits[u] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int u = 0; u < 4; u++) {
            logits[u] = Math.exp(logits[u] - max);
            sum += logits[u];
        }
        float[] dense = new float[4];
        for (int u = 0; u < 4; u++) {
            dense[u] = (float) (logits[u] / sum);
        }
        return new float[][] {conv, pool, dense};
    }

    @Test
    void theConvertedGraphComputesWhatKerasComputes() throws Exception {
        TfjsModel model = TfjsModel.read(writeModel());
        assertThat(model.weight("conv", "bias")).containsExactly(convB);
        assertThat(model.weight("dw", "depthwise_kernel")[1]).isEqualTo((float) ((dwKq[1] & 0xFF) * DQ_SCALE + DQ_MIN));
        TfjsConverter.Result r = TfjsConverter.convert(model, "m", Map.of(OnnxFeatureExtractor.METADATA_PREPROCESS, "resize=6,crop=6"));
        assertThat(r.layers()).containsExactly("input_1", "conv", "dw", "bn", "relu6", "pool", "flat", "dense");
        assertThat(r.shapes().get("pool")).containsExactly(6, 2, 2);
        Path onnx = tmp.resolve("m.onnx");
        Files.write(onnx, r.onnx());

        SplittableRandom rnd = new SplittableRandom(3);
        int n = 2;
        float[] nchw = new float[n * CIN * H * H];
        for (int i = 0; i < nchw.length; i++) {
            nchw[i] = (float) rnd.nextDouble();
        }
        try (OnnxFeatureExtractor fx = OnnxFeatureExtractor.open(onnx, "m", List.of("conv", "pool", "dense"), null, 1, 2)) {
            assertThat(fx.inputSize()).isEqualTo(H);
            List<List<FeatureMap>> out = fx.run(nchw, n, H);
            for (int img = 0; img < n; img++) {
                float[] nhwc = new float[H * H * CIN];
                for (int c = 0; c < CIN; c++) {
                    for (int p = 0; p < H * H; p++) {
                        nhwc[p * CIN + c] = nchw[(img * CIN + c) * H * H + p];
                    }
                }
                float[][] expected = keras(nhwc);
                for (int l = 0; l < 2; l++) {
                    FeatureMap fm = out.get(img).get(l);
                    int hw = fm.height() * fm.width();
                    for (int c = 0; c < fm.channels(); c++) {
                        for (int p = 0; p < hw; p++) {
                            assertThat(fm.data()[c * hw + p]).as(fm.layer() + " c=" + c + " p=" + p)
                                    .isCloseTo(expected[l][p * fm.channels() + c], within(1e-5f));
                        }
                    }
                }
                // The dense head sees the pool flattened channels-last, as Keras flattens.
                assertThat(out.get(img).get(2).data()).containsExactly(expected[2], within(1e-6f));
            }
        }
    }

    @Test
    void aDynamicSizeGraphAgreesAtTheNativeSizeAndFollowsTensorflowAtOthers() throws Exception {
        TfjsModel model = TfjsModel.read(writeModel());
        Path fixed = tmp.resolve("fixed.onnx");
        Path dynamic = tmp.resolve("dynamic.onnx");
        Files.write(fixed, TfjsConverter.convert(model, "m", Map.of()).onnx());
        Files.write(dynamic, TfjsConverter.convert(model, "m", Map.of(), true).onnx());
        SplittableRandom rnd = new SplittableRandom(5);
        float[] in = new float[CIN * H * H];
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) rnd.nextDouble();
        }
        io.argus.vision.image.Preprocess p = io.argus.vision.image.Preprocess.unitScale(H);
        try (OnnxFeatureExtractor a = OnnxFeatureExtractor.open(fixed, "f", List.of("conv", "pool", "dense"), p, 1, 1);
                OnnxFeatureExtractor b = OnnxFeatureExtractor.open(dynamic, "d", List.of("conv", "pool", "dense"), p, 1, 1)) {
            List<FeatureMap> x = a.run(in, 1, H).get(0);
            List<FeatureMap> y = b.run(in, 1, H).get(0);
            for (int l = 0; l < 3; l++) {
                assertThat(y.get(l).data()).containsExactly(x.get(l).data(), within(1e-6f));
            }
        }
        // At 10x10 the stride-2 'same' convolution pads one cell after (TensorFlow), giving 5x5; pooling 'same' gives 3x3.
        float[] big = new float[CIN * 10 * 10];
        java.util.Arrays.fill(big, 0.5f);
        try (OnnxFeatureExtractor b = OnnxFeatureExtractor.open(dynamic, "d", List.of("conv", "pool"), io.argus.vision.image.Preprocess.unitScale(10), 1, 1)) {
            List<FeatureMap> y = b.run(big, 1, 10).get(0);
            assertThat(y.get(0).height()).isEqualTo(5);
            assertThat(y.get(1).height()).isEqualTo(3);
            // Constant input: the last row of the conv output sees the zero padding below, the first does not.
            FeatureMap conv = y.get(0);
            float[] expectedTop = new float[3];
            float[] expectedBottom = new float[3];
            for (int o = 0; o < 3; o++) {
                double top = convB[o];
                double bottom = convB[o];
                for (int ky = 0; ky < 3; ky++) {
                    for (int kx = 0; kx < 3; kx++) {
                        for (int c = 0; c < CIN; c++) {
                            double w = 0.5 * convK[((ky * 3 + kx) * CIN + c) * 3 + o];
                            top += w;
                            if (ky < 2) {
                                bottom += w;
                            }
                        }
                    }
                }
                expectedTop[o] = (float) Math.max(0, top);
                expectedBottom[o] = (float) Math.max(0, bottom);
            }
            for (int o = 0; o < 3; o++) {
                // Column 1 is interior horizontally.
                assertThat(conv.get(o, 0, 1)).isCloseTo(expectedTop[o], within(1e-5f));
                assertThat(conv.get(o, 4, 1)).isCloseTo(expectedBottom[o], within(1e-5f));
            }
        }
    }

    @Test
    void unsupportedLayersAreNamed() throws Exception {
        Path f = writeModel();
        Files.writeString(f, Files.readString(f).replace("\"class_name\":\"Flatten\"", "\"class_name\":\"Reshape\""));
        TfjsModel model = TfjsModel.read(f);
        assertThatThrownBy(() -> TfjsConverter.convert(model, "m", Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("layer flat: Keras layer type Reshape is not supported; supported: InputLayer, Conv2D");
    }

    @Test
    void tfSamePaddingIsAsymmetricForStrideTwo() {
        assertThat(TfjsConverter.spatial("l", "same", 6, 3, 2, 1)).containsExactly(0, 1, 3);
        assertThat(TfjsConverter.spatial("l", "same", 7, 3, 2, 1)).containsExactly(1, 1, 4);
        assertThat(TfjsConverter.spatial("l", "same", 224, 3, 2, 1)).containsExactly(0, 1, 112);
        assertThat(TfjsConverter.spatial("l", "same", 5, 1, 1, 1)).containsExactly(0, 0, 5);
        assertThat(TfjsConverter.spatial("l", "valid", 299, 3, 2, 1)).containsExactly(0, 0, 149);
        assertThat(TfjsConverter.spatial("l", "same", 5, 3, 1, 2)).containsExactly(2, 2, 5);
    }

    @Test
    void javascriptLiteralsAsMinifiersWriteThem() {
        Object v = JsLiteral.parseModule("!function(e){}({1:[function(e,a,n){a.exports={a:!0,b:!1,'c':[.5,-0,1e-3,-.25,12],d:null,e:\"x\\\"y\",f:void 0}}]})",
                "m.js");
        assertThat(v).isEqualTo(new java.util.LinkedHashMap<>(Map.of()) {
            {
                put("a", true);
                put("b", false);
                put("c", List.of(0.5, -0.0, 1e-3, -0.25, 12L));
                put("d", null);
                put("e", "x\"y");
                put("f", null);
            }
        });
        assertThat(JsLiteral.parseModule("x.exports=\"QUJD\"", "s.js")).isEqualTo("QUJD");
        assertThatThrownBy(() -> JsLiteral.parseModule("a.exports={a:[1,2}", "bad.js")).hasMessageStartingWith("bad.js: cannot parse the model literal");
    }

    @Test
    void halfPrecisionWeightsWiden() {
        assertThat(TfjsModel.halfToFloat((short) 0x3C00)).isEqualTo(1f);
        assertThat(TfjsModel.halfToFloat((short) 0xC000)).isEqualTo(-2f);
        assertThat(TfjsModel.halfToFloat((short) 0x0001)).isEqualTo(5.9604645e-8f);
        assertThat(TfjsModel.halfToFloat((short) 0x7BFF)).isEqualTo(65504f);
    }
}
