package io.argus.core.vector;

/**
 * Plain-Java kernels used when {@code jdk.incubator.vector} is not in the boot layer. This class
 * must never mention a Vector API type, so that loading it never needs the incubator module.
 *
 * <p>Every per-pair sum is accumulated in the same order and with the same fused operation as the
 * SIMD kernels in {@link SimdKernels#blockSquaredDistances}, so block distances are bit-identical
 * between the two paths.
 */
final class ScalarKernels {

    private ScalarKernels() {
    }

    static float squaredDistance(float[] a, int aOff, float[] b, int bOff, int d) {
        float acc = 0f;
        for (int j = 0; j < d; j++) {
            float diff = a[aOff + j] - b[bOff + j];
            acc = Math.fma(diff, diff, acc);
        }
        return acc;
    }

    static double rbfWeightedSum(float[] x, int xOff, int d, double[] centresT, int s, double[] weights, double negGamma) {
        double total = 0;
        for (int t = 0; t < s; t++) {
            double dist = 0;
            for (int j = 0; j < d; j++) {
                double diff = (double) x[xOff + j] - centresT[j * s + t];
                dist += diff * diff;
            }
            total += weights[t] * Math.exp(negGamma * dist);
        }
        return total;
    }

    static float dot(float[] a, int aOff, float[] b, int bOff, int d) {
        float acc = 0f;
        for (int j = 0; j < d; j++) {
            acc = Math.fma(a[aOff + j], b[bOff + j], acc);
        }
        return acc;
    }

    static void blockSquaredDistances(float[] queries, int qOff, int nq, int d, float[] block, int blockOff,
            int width, float[] thresholds, float[] out, long[] hits) {
        for (int qi = 0; qi < nq; qi++) {
            int o = qi * width;
            java.util.Arrays.fill(out, o, o + width, 0f);
            int qRow = qOff + qi * d;
            for (int j = 0; j < d; j++) {
                float x = queries[qRow + j];
                int p = blockOff + j * width;
                for (int c = 0; c < width; c++) {
                    float diff = block[p + c] - x;
                    out[o + c] = Math.fma(diff, diff, out[o + c]);
                }
            }
            float t = thresholds[qi];
            long bits = 0L;
            for (int c = 0; c < width; c++) {
                if (out[o + c] <= t) {
                    bits |= 1L << c;
                }
            }
            hits[qi] = bits;
        }
    }
}
