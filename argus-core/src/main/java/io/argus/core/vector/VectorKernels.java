package io.argus.core.vector;

/**
 * Float32 distance and dot-product kernels, SIMD through {@code jdk.incubator.vector} when that
 * module is in the boot layer (checked once) and plain Java otherwise.
 *
 * <p>Precision: sums are accumulated in float with fused multiply-adds, one rounding per term, so
 * the relative error of a d-term sum is at most about {@code d * 2^-24} (under 10^-5 for d up to a
 * few hundred); results are float. {@link #squaredDistance} and {@link #dot} keep one partial sum per
 * vector lane and add the lanes at the end, so their last bits can differ from the scalar fallback.
 * {@link #blockSquaredDistances} instead runs one point per lane and sums the dimensions strictly in
 * order, so its results are bit-identical on both paths and for every vector width; exact
 * neighbour search relies on that for its deterministic tie-breaking.
 *
 * <p>Time O(d) per pair, no allocation. Without {@code --add-modules jdk.incubator.vector} the
 * Vector API classes are never loaded and results stay correct, only slower.
 */
public final class VectorKernels {

    private static final boolean SIMD = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    /** Largest block width {@link #blockSquaredDistances} accepts (one bit per point in a long). */
    public static final int MAX_BLOCK_WIDTH = 64;

    private static final int LANES = SIMD ? Math.min(SimdKernels.LANES, MAX_BLOCK_WIDTH) : 1;

    private VectorKernels() {
    }

    /** Whether the Vector API path is in use. */
    public static boolean isVectorized() {
        return SIMD;
    }

    /**
     * Float lanes per vector on this machine (1 without the Vector API); block widths must be a
     * multiple of it.
     */
    public static int lanes() {
        return LANES;
    }

    /** The block width that keeps the SIMD kernel's registers busy: two vectors, at most 64 points. */
    public static int preferredBlockWidth() {
        return SIMD ? Math.min(2 * LANES, MAX_BLOCK_WIDTH) : 32;
    }

    /**
     * Euclidean distance between {@code a[aOff..aOff+d)} and {@code b[bOff..bOff+d)} accumulated in
     * double, for methods whose results are pinned to reference values at 1e-9 (chaining distances,
     * hypersphere radii). Scalar and exact to double rounding. Time O(d).
     */
    public static double distance64(float[] a, int aOff, float[] b, int bOff, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double diff = (double) a[aOff + j] - b[bOff + j];
            s += diff * diff;
        }
        return Math.sqrt(s);
    }

    /**
     * Squared Euclidean distance between {@code a[aOff..aOff+d)} and {@code b[bOff..bOff+d)}.
     * Time O(d).
     */
    public static float squaredDistance(float[] a, int aOff, float[] b, int bOff, int d) {
        checkRange(a, aOff, d);
        checkRange(b, bOff, d);
        return SIMD ? SimdKernels.squaredDistance(a, aOff, b, bOff, d) : ScalarKernels.squaredDistance(a, aOff, b, bOff, d);
    }

    /**
     * The RBF kernel expansion {@code Σ_t weights[t] · exp(negGamma · ‖x − c_t‖²)} over {@code s} centres
     * stored dimension-major ({@code centresT[j * s + t]} is coordinate j of centre t), in double
     * precision: the decision function of a kernel machine such as the one-class SVM. The distances are
     * vectorised across centres, each lane in the scalar loop's order, and the exponentials and the sum
     * are taken in order with {@link Math#exp}, so the result is bit-identical to the plain loop (and
     * does not depend on whether the JIT has compiled the code). Time O(s·d).
     */
    public static double rbfWeightedSum(float[] x, int xOff, int d, double[] centresT, int s, double[] weights, double negGamma) {
        checkRange(x, xOff, d);
        if ((long) d * s > centresT.length || weights.length < s) {
            throw new IllegalArgumentException("expected " + s + " centres of dimension " + d + " and " + s + " weights, got "
                    + centresT.length + " coordinates and " + weights.length + " weights");
        }
        return SIMD ? SimdKernels.rbfWeightedSum(x, xOff, d, centresT, s, weights, negGamma)
                : ScalarKernels.rbfWeightedSum(x, xOff, d, centresT, s, weights, negGamma);
    }

    /** Dot product of {@code a[aOff..aOff+d)} and {@code b[bOff..bOff+d)}. Time O(d). */
    public static float dot(float[] a, int aOff, float[] b, int bOff, int d) {
        checkRange(a, aOff, d);
        checkRange(b, bOff, d);
        return SIMD ? SimdKernels.dot(a, aOff, b, bOff, d) : ScalarKernels.dot(a, aOff, b, bOff, d);
    }

    /**
     * Squared distances from {@code nq} queries to one block of {@code width} points, and which of
     * them are within a per-query threshold.
     *
     * <p>The queries are row-major: query {@code i} is {@code queries[qOff + i*d .. +d)}. The block is
     * dimension-major ("transposed"): coordinate {@code j} of point {@code p} is
     * {@code block[blockOff + j*width + p]}. On return {@code out[i*width + p]} holds the squared
     * distance, summed over dimensions 0..d-1 in order as {@code acc = fma(x - q, x - q, acc)}, and
     * bit {@code p} of {@code hits[i]} is set iff that distance is {@code <= thresholds[i]}.
     *
     * <p>Time O(nq * width * d); no allocation.
     *
     * @param width a multiple of {@link #lanes()}, at most {@link #MAX_BLOCK_WIDTH}
     * @param out at least {@code nq * width} long
     * @throws IllegalArgumentException when the width is not allowed
     */
    public static void blockSquaredDistances(float[] queries, int qOff, int nq, int d, float[] block, int blockOff,
            int width, float[] thresholds, float[] out, long[] hits) {
        if (width <= 0 || width > MAX_BLOCK_WIDTH || width % LANES != 0) {
            throw new IllegalArgumentException("block width = " + width + " must be a positive multiple of "
                    + LANES + " and at most " + MAX_BLOCK_WIDTH);
        }
        if (SIMD) {
            SimdKernels.blockSquaredDistances(queries, qOff, nq, d, block, blockOff, width, thresholds, out, hits);
        } else {
            ScalarKernels.blockSquaredDistances(queries, qOff, nq, d, block, blockOff, width, thresholds, out, hits);
        }
    }

    private static void checkRange(float[] a, int off, int d) {
        if (off < 0 || d < 0 || off > a.length - d) {
            throw new IndexOutOfBoundsException("range [" + off + ", " + off + " + " + d + ") outside an array of length " + a.length);
        }
    }
}
