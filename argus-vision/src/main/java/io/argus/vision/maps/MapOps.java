package io.argus.vision.maps;

import io.argus.metrics.pixel.AnomalyMap;
import java.util.Arrays;

/**
 * The image operations that turn a coarse grid of patch scores into a pixel map, written to match
 * the reference implementations bit for bit in their semantics:
 * <ul>
 * <li>{@link #resize}: PyTorch's {@code F.interpolate(mode="bilinear")} with {@code align_corners}
 * False (PatchCore, PaDiM, VisionAD) or True (MuSc);</li>
 * <li>{@link #gaussian}: SciPy's {@code ndimage.gaussian_filter(sigma, truncate=4.0, mode="reflect")},
 * the σ = 4 smoothing of PatchCore and PaDiM;</li>
 * <li>{@link #topMean}: the mean of the largest p% of the pixels (VisionAD's {@code max_ratio}).</li>
 * </ul>
 * Maps are row-major float arrays ({@code v[y * w + x]}). Time O(output pixels) for resize,
 * O(pixels · σ) for the separable Gaussian.
 */
public final class MapOps {

    /** SciPy's default truncation of the Gaussian kernel, in standard deviations. */
    public static final double TRUNCATE = 4.0;

    private MapOps() {
    }

    /**
     * Bilinear resize of a {@code sw x sh} map to {@code dw x dh}, as PyTorch's {@code interpolate}.
     * With {@code alignCorners} false the source coordinate of destination pixel x is
     * {@code (x + 0.5)·sw/dw − 0.5} clamped at 0; with true it is {@code x·(sw−1)/(dw−1)}.
     */
    public static float[] resize(float[] src, int sw, int sh, int dw, int dh, boolean alignCorners) {
        if (src.length != sw * sh) {
            throw new IllegalArgumentException("map of " + sw + "x" + sh + " holds " + src.length + " values");
        }
        if (dw < 1 || dh < 1) {
            throw new IllegalArgumentException("target size " + dw + "x" + dh + " has an empty side");
        }
        int[] x0 = new int[dw];
        int[] x1 = new int[dw];
        float[] lx = new float[dw];
        coordinates(sw, dw, alignCorners, x0, x1, lx);
        int[] y0 = new int[dh];
        int[] y1 = new int[dh];
        float[] ly = new float[dh];
        coordinates(sh, dh, alignCorners, y0, y1, ly);
        float[] out = new float[dw * dh];
        for (int y = 0; y < dh; y++) {
            int r0 = y0[y] * sw;
            int r1 = y1[y] * sw;
            float wy1 = ly[y];
            float wy0 = 1f - wy1;
            for (int x = 0; x < dw; x++) {
                float wx1 = lx[x];
                float wx0 = 1f - wx1;
                out[y * dw + x] = wy0 * (wx0 * src[r0 + x0[x]] + wx1 * src[r0 + x1[x]])
                        + wy1 * (wx0 * src[r1 + x0[x]] + wx1 * src[r1 + x1[x]]);
            }
        }
        return out;
    }

    private static void coordinates(int in, int out, boolean alignCorners, int[] i0, int[] i1, float[] lambda) {
        double scale = alignCorners ? (out > 1 ? (in - 1.0) / (out - 1.0) : 0.0) : (double) in / out;
        for (int o = 0; o < out; o++) {
            double s = alignCorners ? o * scale : Math.max(0.0, (o + 0.5) * scale - 0.5);
            int a = Math.min((int) Math.floor(s), in - 1);
            i0[o] = a;
            i1[o] = Math.min(a + 1, in - 1);
            lambda[o] = (float) (s - a);
        }
    }

    /**
     * Gaussian smoothing as SciPy's {@code gaussian_filter(map, sigma, truncate=4.0, mode="reflect")}:
     * a separable kernel of radius {@code (int)(4σ + 0.5)}, normalised to sum 1, with half-sample
     * symmetric borders ({@code d c b a | a b c d | d c b a}). σ = 0 returns a copy.
     */
    public static float[] gaussian(float[] src, int w, int h, double sigma) {
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma = " + sigma + " must be finite and >= 0");
        }
        if (sigma == 0) {
            return src.clone();
        }
        int radius = (int) (TRUNCATE * sigma + 0.5);
        double[] k = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = Math.exp(-0.5 * i * i / (sigma * sigma));
            sum += k[i + radius];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        float[] tmp = new float[w * h];
        int[] ix = reflectIndex(w, radius);
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                double acc = 0;
                for (int t = 0; t < k.length; t++) {
                    acc += k[t] * src[row + ix[x + t]];
                }
                tmp[row + x] = (float) acc;
            }
        }
        float[] out = new float[w * h];
        int[] iy = reflectIndex(h, radius);
        double[] acc = new double[w];
        for (int y = 0; y < h; y++) {
            Arrays.fill(acc, 0);
            for (int t = 0; t < k.length; t++) {
                double kt = k[t];
                int row = iy[y + t] * w;
                for (int x = 0; x < w; x++) {
                    acc[x] += kt * tmp[row + x];
                }
            }
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (float) acc[x];
            }
        }
        return out;
    }

    /** index[i + radius] = the source index of position i in [-radius, n + radius) under SciPy's "reflect". */
    private static int[] reflectIndex(int n, int radius) {
        int[] idx = new int[n + 2 * radius];
        for (int p = -radius; p < n + radius; p++) {
            int q = p;
            int period = 2 * n;
            q = ((q % period) + period) % period;
            if (q >= n) {
                q = period - 1 - q;
            }
            idx[p + radius] = q;
        }
        return idx;
    }

    /**
     * The mean of the {@code max(1, floor(ratio·n))} largest values (VisionAD's image score with
     * {@code max_ratio = 0.01}); equals the maximum when that count is 1.
     */
    public static double topMean(float[] values, double ratio) {
        if (!(ratio > 0 && ratio <= 1)) {
            throw new IllegalArgumentException("ratio = " + ratio + " must be in (0, 1]");
        }
        int k = Math.max(1, (int) (ratio * values.length));
        float[] s = values.clone();
        Arrays.sort(s);
        double acc = 0;
        for (int i = s.length - k; i < s.length; i++) {
            acc += s[i];
        }
        return acc / k;
    }

    /** The largest value. */
    public static float max(float[] values) {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** A map resized to another size (bilinear, align_corners false), as an {@link AnomalyMap}. */
    public static AnomalyMap toSize(float[] src, int sw, int sh, int width, int height) {
        float[] v = (sw == width && sh == height) ? src : resize(src, sw, sh, width, height, false);
        return new AnomalyMap(width, height, v);
    }
}
