package io.argus.core.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API kernels. Only {@link VectorKernels} touches this class, and only after it has checked
 * that {@code jdk.incubator.vector} is in the boot layer; otherwise the class is never loaded.
 *
 * <p>The block kernel vectorises across reference points (one lane = one point), so each lane runs
 * exactly the scalar sequence {@code acc = fma(r - q, r - q, acc)} over the dimensions in order:
 * the result is bit-identical to {@link ScalarKernels#blockSquaredDistances}.
 */
final class SimdKernels {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int LANES = S.length();
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;

    private SimdKernels() {
    }

    static float squaredDistance(float[] a, int aOff, float[] b, int bOff, int d) {
        int j = 0;
        float acc = 0f;
        int bound = S.loopBound(d);
        if (bound > 0) {
            FloatVector v = FloatVector.zero(S);
            for (; j < bound; j += LANES) {
                FloatVector diff = FloatVector.fromArray(S, a, aOff + j).sub(FloatVector.fromArray(S, b, bOff + j));
                v = diff.fma(diff, v);
            }
            acc = v.reduceLanes(VectorOperators.ADD);
        }
        for (; j < d; j++) {
            float diff = a[aOff + j] - b[bOff + j];
            acc = Math.fma(diff, diff, acc);
        }
        return acc;
    }

    static double rbfWeightedSum(float[] x, int xOff, int d, double[] centresT, int s, double[] weights, double negGamma) {
        // Distances are vectorised across centres (each lane in the scalar order, so bit-identical); the
        // exponential stays scalar Math.exp and the sum sequential, because a lanewise EXP is computed
        // differently by the interpreter and by compiled code, and scores must not depend on the JIT.
        int lanes = DS.length();
        double[] dist = new double[lanes];
        int t = 0;
        double total = 0;
        int bound = DS.loopBound(s);
        for (; t < bound; t += lanes) {
            DoubleVector acc = DoubleVector.zero(DS);
            for (int j = 0; j < d; j++) {
                DoubleVector diff = DoubleVector.broadcast(DS, (double) x[xOff + j]).sub(DoubleVector.fromArray(DS, centresT, j * s + t));
                acc = acc.add(diff.mul(diff));
            }
            acc.intoArray(dist, 0);
            for (int l = 0; l < lanes; l++) {
                total += weights[t + l] * Math.exp(negGamma * dist[l]);
            }
        }
        for (; t < s; t++) {
            double dd = 0;
            for (int j = 0; j < d; j++) {
                double diff = (double) x[xOff + j] - centresT[j * s + t];
                dd += diff * diff;
            }
            total += weights[t] * Math.exp(negGamma * dd);
        }
        return total;
    }

    static float dot(float[] a, int aOff, float[] b, int bOff, int d) {
        int j = 0;
        float acc = 0f;
        int bound = S.loopBound(d);
        if (bound > 0) {
            FloatVector v = FloatVector.zero(S);
            for (; j < bound; j += LANES) {
                v = FloatVector.fromArray(S, a, aOff + j).fma(FloatVector.fromArray(S, b, bOff + j), v);
            }
            acc = v.reduceLanes(VectorOperators.ADD);
        }
        for (; j < d; j++) {
            acc = Math.fma(a[aOff + j], b[bOff + j], acc);
        }
        return acc;
    }

    static void blockSquaredDistances(float[] queries, int qOff, int nq, int d, float[] block, int blockOff,
            int width, float[] thresholds, float[] out, long[] hits) {
        java.util.Arrays.fill(hits, 0, nq, 0L);
        int c = 0;
        // Two chunks at a time with four queries gives eight independent FMA chains: enough to hide
        // the FMA latency on two ports, and few enough to stay in registers.
        for (; c + 2 * LANES <= width; c += 2 * LANES) {
            int qi = 0;
            for (; qi + 4 <= nq; qi += 4) {
                quadPair(queries, qOff + qi * d, qi, d, block, blockOff + c, c, width, thresholds, out, hits);
            }
            for (; qi < nq; qi++) {
                singlePair(queries, qOff + qi * d, qi, d, block, blockOff + c, c, width, thresholds, out, hits);
            }
        }
        for (; c < width; c += LANES) {
            for (int qi = 0; qi < nq; qi++) {
                single(queries, qOff + qi * d, qi, d, block, blockOff + c, c, width, thresholds, out, hits);
            }
        }
    }

    private static void quadPair(float[] q, int q0, int qi, int d, float[] block, int p, int c, int width,
            float[] thr, float[] out, long[] hits) {
        FloatVector a00 = FloatVector.zero(S);
        FloatVector a01 = a00;
        FloatVector a10 = a00;
        FloatVector a11 = a00;
        FloatVector a20 = a00;
        FloatVector a21 = a00;
        FloatVector a30 = a00;
        FloatVector a31 = a00;
        int q1 = q0 + d;
        int q2 = q1 + d;
        int q3 = q2 + d;
        for (int j = 0; j < d; j++, p += width) {
            FloatVector r0 = FloatVector.fromArray(S, block, p);
            FloatVector r1 = FloatVector.fromArray(S, block, p + LANES);
            FloatVector x = FloatVector.broadcast(S, q[q0 + j]);
            FloatVector t0 = r0.sub(x);
            FloatVector t1 = r1.sub(x);
            a00 = t0.fma(t0, a00);
            a01 = t1.fma(t1, a01);
            x = FloatVector.broadcast(S, q[q1 + j]);
            t0 = r0.sub(x);
            t1 = r1.sub(x);
            a10 = t0.fma(t0, a10);
            a11 = t1.fma(t1, a11);
            x = FloatVector.broadcast(S, q[q2 + j]);
            t0 = r0.sub(x);
            t1 = r1.sub(x);
            a20 = t0.fma(t0, a20);
            a21 = t1.fma(t1, a21);
            x = FloatVector.broadcast(S, q[q3 + j]);
            t0 = r0.sub(x);
            t1 = r1.sub(x);
            a30 = t0.fma(t0, a30);
            a31 = t1.fma(t1, a31);
        }
        emit(a00, qi, c, width, thr, out, hits);
        emit(a01, qi, c + LANES, width, thr, out, hits);
        emit(a10, qi + 1, c, width, thr, out, hits);
        emit(a11, qi + 1, c + LANES, width, thr, out, hits);
        emit(a20, qi + 2, c, width, thr, out, hits);
        emit(a21, qi + 2, c + LANES, width, thr, out, hits);
        emit(a30, qi + 3, c, width, thr, out, hits);
        emit(a31, qi + 3, c + LANES, width, thr, out, hits);
    }

    private static void singlePair(float[] q, int q0, int qi, int d, float[] block, int p, int c, int width,
            float[] thr, float[] out, long[] hits) {
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = a0;
        for (int j = 0; j < d; j++, p += width) {
            FloatVector x = FloatVector.broadcast(S, q[q0 + j]);
            FloatVector t0 = FloatVector.fromArray(S, block, p).sub(x);
            FloatVector t1 = FloatVector.fromArray(S, block, p + LANES).sub(x);
            a0 = t0.fma(t0, a0);
            a1 = t1.fma(t1, a1);
        }
        emit(a0, qi, c, width, thr, out, hits);
        emit(a1, qi, c + LANES, width, thr, out, hits);
    }

    private static void single(float[] q, int q0, int qi, int d, float[] block, int p, int c, int width,
            float[] thr, float[] out, long[] hits) {
        FloatVector a0 = FloatVector.zero(S);
        for (int j = 0; j < d; j++, p += width) {
            FloatVector t0 = FloatVector.fromArray(S, block, p).sub(FloatVector.broadcast(S, q[q0 + j]));
            a0 = t0.fma(t0, a0);
        }
        emit(a0, qi, c, width, thr, out, hits);
    }

    private static void emit(FloatVector acc, int qi, int c, int width, float[] thr, float[] out, long[] hits) {
        int o = qi * width + c;
        acc.intoArray(out, o);
        float t = thr[qi];
        // anyTrue is intrinsified on JDK 17; VectorMask.toLong is not everywhere, so the few
        // chunks that hold a candidate are re-read from out.
        if (acc.compare(VectorOperators.LE, t).anyTrue()) {
            long bits = 0L;
            for (int l = 0; l < LANES; l++) {
                if (out[o + l] <= t) {
                    bits |= 1L << (c + l);
                }
            }
            hits[qi] |= bits;
        }
    }
}
