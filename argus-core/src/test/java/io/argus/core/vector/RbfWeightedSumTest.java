package io.argus.core.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RbfWeightedSumTest {

    /** The plain loop the kernel must reproduce bit for bit. */
    private static double plain(float[] x, int xOff, int d, double[] centresT, int s, double[] w, double negGamma) {
        double total = 0;
        for (int t = 0; t < s; t++) {
            double dist = 0;
            for (int j = 0; j < d; j++) {
                double diff = (double) x[xOff + j] - centresT[j * s + t];
                dist += diff * diff;
            }
            total += w[t] * Math.exp(negGamma * dist);
        }
        return total;
    }

    @Test
    void equalsThePlainLoopBitForBitForEveryShape() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int d : new int[] {1, 3, 10, 39}) {
            for (int s : new int[] {1, 7, 8, 17, 64, 301}) {
                float[] x = new float[3 * d];
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) rnd.nextGaussian();
                }
                double[] c = new double[d * s];
                for (int i = 0; i < c.length; i++) {
                    c[i] = (float) rnd.nextGaussian();
                }
                double[] w = new double[s];
                for (int i = 0; i < s; i++) {
                    w[i] = rnd.nextDouble();
                }
                for (int row = 0; row < 3; row++) {
                    double expected = plain(x, row * d, d, c, s, w, -0.3);
                    for (int rep = 0; rep < 3; rep++) {
                        assertThat(Double.doubleToRawLongBits(VectorKernels.rbfWeightedSum(x, row * d, d, c, s, w, -0.3)))
                                .as("d=%d s=%d row=%d", d, s, row).isEqualTo(Double.doubleToRawLongBits(expected));
                    }
                }
            }
        }
    }

    @Test
    void rejectsTooFewCentresOrWeights() {
        assertThatThrownBy(() -> VectorKernels.rbfWeightedSum(new float[2], 0, 2, new double[3], 2, new double[2], -1))
                .hasMessage("expected 2 centres of dimension 2 and 2 weights, got 3 coordinates and 2 weights");
    }
}
