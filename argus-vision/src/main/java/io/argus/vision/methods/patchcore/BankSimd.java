package io.argus.vision.methods.patchcore;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernel of {@link BankSearch}: dot products of four queries against one
 * dimension-major bank tile of two vectors' width, eight independent FMA chains held in registers.
 * Loaded only when {@code jdk.incubator.vector} is in the boot layer.
 */
final class BankSimd {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    /** Bank patches per tile. */
    static final int WIDTH = 2 * L;

    private BankSimd() {
    }

    /** {@code out[outOff + i*stride + c] = q_i · tile column c} for queries i = 0..3 starting at qOff. */
    static void dots4(float[] q, int qOff, int d, float[] tile, int tileOff, float[] out, int outOff, int stride) {
        FloatVector a00 = FloatVector.zero(S);
        FloatVector a01 = FloatVector.zero(S);
        FloatVector a10 = FloatVector.zero(S);
        FloatVector a11 = FloatVector.zero(S);
        FloatVector a20 = FloatVector.zero(S);
        FloatVector a21 = FloatVector.zero(S);
        FloatVector a30 = FloatVector.zero(S);
        FloatVector a31 = FloatVector.zero(S);
        int q1 = qOff + d;
        int q2 = q1 + d;
        int q3 = q2 + d;
        for (int j = 0; j < d; j++) {
            int p = tileOff + j * WIDTH;
            FloatVector b0 = FloatVector.fromArray(S, tile, p);
            FloatVector b1 = FloatVector.fromArray(S, tile, p + L);
            FloatVector x0 = FloatVector.broadcast(S, q[qOff + j]);
            a00 = b0.fma(x0, a00);
            a01 = b1.fma(x0, a01);
            FloatVector x1 = FloatVector.broadcast(S, q[q1 + j]);
            a10 = b0.fma(x1, a10);
            a11 = b1.fma(x1, a11);
            FloatVector x2 = FloatVector.broadcast(S, q[q2 + j]);
            a20 = b0.fma(x2, a20);
            a21 = b1.fma(x2, a21);
            FloatVector x3 = FloatVector.broadcast(S, q[q3 + j]);
            a30 = b0.fma(x3, a30);
            a31 = b1.fma(x3, a31);
        }
        a00.intoArray(out, outOff);
        a01.intoArray(out, outOff + L);
        a10.intoArray(out, outOff + stride);
        a11.intoArray(out, outOff + stride + L);
        a20.intoArray(out, outOff + 2 * stride);
        a21.intoArray(out, outOff + 2 * stride + L);
        a30.intoArray(out, outOff + 3 * stride);
        a31.intoArray(out, outOff + 3 * stride + L);
    }
}
