package io.argus.core.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VectorKernelsTest {

    @Test
    void vectorPathIsActiveUnderTheBuildFlags() {
        assertThat(VectorKernels.isVectorized()).isTrue();
        assertThat(VectorKernels.preferredBlockWidth() % VectorKernels.lanes()).isZero();
        assertThat(VectorKernels.preferredBlockWidth()).isLessThanOrEqualTo(VectorKernels.MAX_BLOCK_WIDTH);
    }

    @Test
    void distanceAndDotMatchDoubleWithOffsets() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int d = 0; d <= 70; d++) {
            float[] a = random(rnd, d + 3);
            float[] b = random(rnd, d + 5);
            double sq = 0;
            double dot = 0;
            for (int j = 0; j < d; j++) {
                double x = a[3 + j];
                double y = b[5 + j];
                sq += (x - y) * (x - y);
                dot += x * y;
            }
            double tol = 1e-5 * (d + 1) * (1 + Math.abs(sq));
            assertThat((double) VectorKernels.squaredDistance(a, 3, b, 5, d)).isCloseTo(sq, within(tol));
            assertThat((double) ScalarKernels.squaredDistance(a, 3, b, 5, d)).isCloseTo(sq, within(tol));
            double dotTol = 1e-5 * (d + 1) * (1 + sumAbs(a, 3, b, 5, d));
            assertThat((double) VectorKernels.dot(a, 3, b, 5, d)).isCloseTo(dot, within(dotTol));
            assertThat((double) ScalarKernels.dot(a, 3, b, 5, d)).isCloseTo(dot, within(dotTol));
        }
    }

    @Test
    void blockKernelIsBitIdenticalToScalarAndSetsHits() {
        SplittableRandom rnd = new SplittableRandom(2);
        int lanes = VectorKernels.lanes();
        for (int d : new int[] {1, 2, 3, 9, 10, 17, 39, 40}) {
            for (int width = lanes; width <= VectorKernels.MAX_BLOCK_WIDTH; width += lanes) {
                for (int nq = 1; nq <= 6; nq++) {
                    float[] q = random(rnd, 7 + nq * d);
                    float[] block = random(rnd, 11 + d * width);
                    float[] thr = new float[nq];
                    for (int i = 0; i < nq; i++) {
                        thr[i] = (float) (d * rnd.nextDouble() * 2);
                    }
                    float[] outV = new float[nq * width];
                    float[] outS = new float[nq * width];
                    long[] hitsV = new long[nq];
                    long[] hitsS = new long[nq];
                    Arrays.fill(hitsV, -1L);
                    VectorKernels.blockSquaredDistances(q, 7, nq, d, block, 11, width, thr, outV, hitsV);
                    ScalarKernels.blockSquaredDistances(q, 7, nq, d, block, 11, width, thr, outS, hitsS);
                    assertThat(outV).containsExactly(outS);
                    assertThat(hitsV).containsExactly(hitsS);
                    for (int i = 0; i < nq; i++) {
                        for (int p = 0; p < width; p++) {
                            float expected = 0f;
                            for (int j = 0; j < d; j++) {
                                float diff = block[11 + j * width + p] - q[7 + i * d + j];
                                expected = Math.fma(diff, diff, expected);
                            }
                            assertThat(outV[i * width + p]).isEqualTo(expected);
                            assertThat((hitsV[i] >>> p & 1L) == 1L).isEqualTo(expected <= thr[i]);
                        }
                    }
                }
            }
        }
    }

    @Test
    void badBlockWidthIsRejected() {
        float[] x = new float[200];
        assertThatThrownBy(() -> VectorKernels.blockSquaredDistances(x, 0, 1, 1, x, 0, 65, new float[1], x, new long[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("block width = 65");
        assertThatThrownBy(() -> VectorKernels.squaredDistance(x, 190, x, 0, 20)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    private static double sumAbs(float[] a, int ao, float[] b, int bo, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            s += Math.abs((double) a[ao + j] * b[bo + j]);
        }
        return s;
    }

    private static float[] random(SplittableRandom rnd, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        return v;
    }
}
