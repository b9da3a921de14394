package io.argus.vision.methods;

import io.argus.vision.features.FeatureMap;

/**
 * Building blocks of patch features, written to match the PyTorch operations of the reference code:
 * a position-major layout ({@code out[p * dim + j]} for position {@code p = y * w + x}),
 * {@link #unfold} ({@code torch.nn.Unfold(k, padding=(k-1)/2, stride=1)}: zero padding, channel-major
 * C·k·k vector per position), {@link #adaptivePool} ({@code F.adaptive_avg_pool1d}), and
 * {@link #resizePositions} (bilinear resize of every feature plane, {@code align_corners=False}).
 */
public final class PatchFeatures {

    private PatchFeatures() {
    }

    /** A feature map as position-major vectors: {@code out[(y*w + x) * C + c]}. */
    public static float[] positions(FeatureMap m) {
        int c = m.channels();
        int hw = m.height() * m.width();
        float[] out = new float[hw * c];
        float[] d = m.data();
        for (int ch = 0; ch < c; ch++) {
            int base = ch * hw;
            for (int p = 0; p < hw; p++) {
                out[p * c + ch] = d[base + p];
            }
        }
        return out;
    }

    /**
     * The k×k neighbourhood of every position, zero-padded, flattened channel-major as {@code Unfold}
     * does: element {@code (c * k + dy) * k + dx}. Result: {@code h*w} vectors of {@code C*k*k}.
     */
    public static float[] unfold(FeatureMap m, int k) {
        if (k < 1 || k % 2 == 0) {
            throw new IllegalArgumentException("patch size " + k + " must be odd and >= 1");
        }
        int c = m.channels();
        int h = m.height();
        int w = m.width();
        int r = (k - 1) / 2;
        int dim = c * k * k;
        float[] out = new float[h * w * dim];
        float[] d = m.data();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int off = (y * w + x) * dim;
                for (int ch = 0; ch < c; ch++) {
                    int plane = ch * h * w;
                    for (int dy = 0; dy < k; dy++) {
                        int yy = y + dy - r;
                        for (int dx = 0; dx < k; dx++) {
                            int xx = x + dx - r;
                            float v = (yy < 0 || yy >= h || xx < 0 || xx >= w) ? 0f : d[plane + yy * w + xx];
                            out[off + (ch * k + dy) * k + dx] = v;
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * {@code F.adaptive_avg_pool1d} of {@code n} vectors of length {@code in} to length {@code out}:
     * element i is the mean of input elements [floor(i·in/out), ceil((i+1)·in/out)).
     */
    public static float[] adaptivePool(float[] x, int n, int in, int out) {
        if (x.length != n * in) {
            throw new IllegalArgumentException(n + " vectors of " + in + " need " + ((long) n * in) + " values, got " + x.length);
        }
        if (in == out) {
            return x;
        }
        int[] start = new int[out];
        int[] end = new int[out];
        for (int i = 0; i < out; i++) {
            start[i] = (int) Math.floorDiv((long) i * in, out);
            end[i] = (int) -Math.floorDiv(-(long) (i + 1) * in, out);
        }
        float[] y = new float[n * out];
        for (int v = 0; v < n; v++) {
            int src = v * in;
            int dst = v * out;
            for (int i = 0; i < out; i++) {
                float s = 0f;
                for (int j = start[i]; j < end[i]; j++) {
                    s += x[src + j];
                }
                y[dst + i] = s / (end[i] - start[i]);
            }
        }
        return y;
    }

    /**
     * Bilinear resize ({@code align_corners=False}) of position-major features from an {@code h x w}
     * grid to {@code th x tw}: every one of the {@code dim} planes is interpolated.
     */
    public static float[] resizePositions(float[] x, int h, int w, int dim, int th, int tw) {
        if (h == th && w == tw) {
            return x;
        }
        int[] y0 = new int[th];
        int[] y1 = new int[th];
        float[] ly = new float[th];
        axis(h, th, y0, y1, ly);
        int[] x0 = new int[tw];
        int[] x1 = new int[tw];
        float[] lx = new float[tw];
        axis(w, tw, x0, x1, lx);
        float[] out = new float[th * tw * dim];
        for (int ty = 0; ty < th; ty++) {
            for (int tx = 0; tx < tw; tx++) {
                int o = (ty * tw + tx) * dim;
                int a = (y0[ty] * w + x0[tx]) * dim;
                int b = (y0[ty] * w + x1[tx]) * dim;
                int c = (y1[ty] * w + x0[tx]) * dim;
                int e = (y1[ty] * w + x1[tx]) * dim;
                float wy1 = ly[ty];
                float wy0 = 1f - wy1;
                float wx1 = lx[tx];
                float wx0 = 1f - wx1;
                for (int j = 0; j < dim; j++) {
                    out[o + j] = wy0 * (wx0 * x[a + j] + wx1 * x[b + j]) + wy1 * (wx0 * x[c + j] + wx1 * x[e + j]);
                }
            }
        }
        return out;
    }

    private static void axis(int in, int out, int[] i0, int[] i1, float[] lambda) {
        double scale = (double) in / out;
        for (int o = 0; o < out; o++) {
            double s = Math.max(0.0, (o + 0.5) * scale - 0.5);
            int a = Math.min((int) Math.floor(s), in - 1);
            i0[o] = a;
            i1[o] = Math.min(a + 1, in - 1);
            lambda[o] = (float) (s - a);
        }
    }

    /** Scales every one of {@code n} vectors of length {@code dim} to unit L2 norm in place (zero vectors stay zero). */
    public static void normalizeRows(float[] x, int n, int dim) {
        for (int v = 0; v < n; v++) {
            int off = v * dim;
            double s = 0;
            for (int j = 0; j < dim; j++) {
                s += (double) x[off + j] * x[off + j];
            }
            if (s > 0) {
                float inv = (float) (1.0 / Math.sqrt(s));
                for (int j = 0; j < dim; j++) {
                    x[off + j] *= inv;
                }
            }
        }
    }

    /** Checks that every layer after the first is no finer than the first, and returns the first's grid {h, w}. */
    public static int[] referenceGrid(java.util.List<FeatureMap> layers) {
        FeatureMap f = layers.get(0);
        return new int[] {f.height(), f.width()};
    }
}
