package io.argus.vision.backbone;

import io.argus.vision.backbone.onnx.OnnxGraphBuilder;
import io.argus.vision.backbone.onnx.OnnxGraphBuilder.Attr;
import java.util.List;

/** Small hand-built ONNX models for tests. */
final class TinyNets {

    static final int SIDE = 8;

    /** Weights of the 2-filter 3x3 convolution of {@link #convRelu}: w[o][c][ky][kx] = ((o+1)*(c+2)*(ky*3+kx+1) % 7 - 3) / 10. */
    static float weight(int o, int c, int ky, int kx) {
        return (((o + 1) * (c + 2) * (ky * 3 + kx + 1)) % 7 - 3) / 10f;
    }

    static final float[] BIAS = {0.05f, -0.1f};

    private TinyNets() {
    }

    /** input N×3×8×8 → conv (2 filters, 3x3, pad 1) → relu → gap (N×2×1×1) → flat (N×2), output "flat". */
    static byte[] convRelu() {
        float[] w = new float[2 * 3 * 3 * 3];
        for (int o = 0, i = 0; o < 2; o++) {
            for (int c = 0; c < 3; c++) {
                for (int ky = 0; ky < 3; ky++) {
                    for (int kx = 0; kx < 3; kx++) {
                        w[i++] = weight(o, c, ky, kx);
                    }
                }
            }
        }
        return new OnnxGraphBuilder("tiny")
                .input("image", new long[] {-1, 3, SIDE, SIDE}, new String[] {"batch", null, null, null})
                .initializer("w", new long[] {2, 3, 3, 3}, w)
                .initializer("b", new long[] {2}, BIAS)
                .node("Conv", List.of("image", "w", "b"), List.of("conv"), "conv", Attr.ints("pads", 1, 1, 1, 1), Attr.ints("kernel_shape", 3, 3))
                .node("Relu", List.of("conv"), List.of("relu"), "relu")
                .node("GlobalAveragePool", List.of("relu"), List.of("gap"), "gap")
                .node("Flatten", List.of("gap"), List.of("flat"), "flat", Attr.i("axis", 1))
                .output("flat", new long[] {-1, 2}, new String[] {"batch", null})
                .build(7, 13, "argus-test");
    }

    /** The conv layer computed directly: out[o][y][x] for one NCHW image. */
    static float[] conv(float[] image) {
        float[] out = new float[2 * SIDE * SIDE];
        for (int o = 0; o < 2; o++) {
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    double s = BIAS[o];
                    for (int c = 0; c < 3; c++) {
                        for (int ky = 0; ky < 3; ky++) {
                            for (int kx = 0; kx < 3; kx++) {
                                int yy = y + ky - 1;
                                int xx = x + kx - 1;
                                if (yy >= 0 && yy < SIDE && xx >= 0 && xx < SIDE) {
                                    s += weight(o, c, ky, kx) * image[(c * SIDE + yy) * SIDE + xx];
                                }
                            }
                        }
                    }
                    out[(o * SIDE + y) * SIDE + x] = (float) s;
                }
            }
        }
        return out;
    }
}
