package io.argus.vision.methods;

import io.argus.vision.features.FeatureExtractor;
import io.argus.vision.features.FeatureMap;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic stand-in backbone for unit tests: the image resized to the input side, ImageNet
 * normalisation, then two layers of fixed random 3x3 convolutions with ReLU: "conv1" (stride 4,
 * 16 channels) and "conv2" (stride 2 on conv1, 32 channels). Registered as backbone {@code test-conv}.
 */
public final class TestConvBackbone implements BackboneFactory {

    /** The backbone name. */
    public static final String NAME = "test-conv";

    /** Its layers. */
    public static final String LAYERS = "conv1,conv2";

    @Override
    public boolean accepts(String backbone) {
        return NAME.equals(backbone);
    }

    @Override
    public FeatureExtractor open(String backbone, List<String> layers, int inputSize) {
        for (String l : layers) {
            if (!l.equals("conv1") && !l.equals("conv2")) {
                throw new IllegalArgumentException("test-conv has no layer '" + l + "'");
            }
        }
        return new Extractor(layers, inputSize);
    }

    static final class Extractor implements FeatureExtractor {
        private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
        private static final float[] STD = {0.229f, 0.224f, 0.225f};
        private final List<String> layers;
        private final int size;
        private final float[] w1;
        private final float[] w2;

        Extractor(List<String> layers, int size) {
            this.layers = List.copyOf(layers);
            this.size = size;
            SplittableRandom r = new SplittableRandom(7);
            w1 = new float[16 * 3 * 9];
            for (int i = 0; i < w1.length; i++) {
                w1[i] = (float) r.nextGaussian() / 3f;
            }
            w2 = new float[32 * 16 * 9];
            for (int i = 0; i < w2.length; i++) {
                w2[i] = (float) r.nextGaussian() / 12f;
            }
        }

        @Override
        public String spec() {
            return "test-conv:" + size + ":" + layers;
        }

        @Override
        public List<String> layers() {
            return layers;
        }

        @Override
        public int inputSize() {
            return size;
        }

        @Override
        public List<List<FeatureMap>> extract(List<BufferedImage> images) {
            List<List<FeatureMap>> out = new ArrayList<>();
            for (BufferedImage img : images) {
                BufferedImage s = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = s.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(img, 0, 0, size, size, null);
                g.dispose();
                float[] x = new float[3 * size * size];
                for (int y = 0; y < size; y++) {
                    for (int xx = 0; xx < size; xx++) {
                        int rgb = s.getRGB(xx, y);
                        for (int c = 0; c < 3; c++) {
                            float v = ((rgb >> (16 - 8 * c)) & 0xff) / 255f;
                            x[(c * size + y) * size + xx] = (v - MEAN[c]) / STD[c];
                        }
                    }
                }
                float[] a = conv(x, 3, size, w1, 16, 4);
                int sa = size / 4;
                float[] b = conv(a, 16, sa, w2, 32, 2);
                int sb = sa / 2;
                List<FeatureMap> maps = new ArrayList<>();
                for (String l : layers) {
                    maps.add(l.equals("conv1") ? new FeatureMap(l, 16, sa, sa, a) : new FeatureMap(l, 32, sb, sb, b));
                }
                out.add(maps);
            }
            return out;
        }

        private static float[] conv(float[] x, int cin, int side, float[] w, int cout, int stride) {
            int os = side / stride;
            float[] y = new float[cout * os * os];
            for (int o = 0; o < cout; o++) {
                for (int oy = 0; oy < os; oy++) {
                    for (int ox = 0; ox < os; ox++) {
                        float acc = 0;
                        int cy = oy * stride + stride / 2;
                        int cx = ox * stride + stride / 2;
                        for (int c = 0; c < cin; c++) {
                            for (int dy = -1; dy <= 1; dy++) {
                                for (int dx = -1; dx <= 1; dx++) {
                                    int yy = cy + dy;
                                    int xx = cx + dx;
                                    if (yy >= 0 && yy < side && xx >= 0 && xx < side) {
                                        acc += w[((o * cin + c) * 3 + dy + 1) * 3 + dx + 1] * x[(c * side + yy) * side + xx];
                                    }
                                }
                            }
                        }
                        y[(o * os + oy) * os + ox] = Math.max(0f, acc);
                    }
                }
            }
            return y;
        }

        @Override
        public void close() {
        }
    }
}
