package io.argus.deep.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class KerasInitTest {

    private static float[] draw(ai.djl.training.initializer.Initializer init, Shape shape, long seed) {
        return Torch.call(1, () -> {
            Torch.seed(seed);
            try (NDManager m = NDManager.newBaseManager(Torch.ENGINE)) {
                return init.initialize(m, shape, DataType.FLOAT32).toFloatArray();
            }
        });
    }

    @Test
    void glorotUniformHasKerasBoundAndVariance() {
        Shape shape = new Shape(100, 400);
        double limit = Math.sqrt(6.0 / 500);
        assertThat(KerasInit.glorotLimit(shape)).isCloseTo(limit, within(1e-15));
        // a convolution kernel (out 16, in 32, k 7): fans 32·7 and 16·7
        assertThat(KerasInit.glorotLimit(new Shape(16, 32, 7))).isCloseTo(Math.sqrt(6.0 / (48 * 7)), within(1e-15));
        float[] w = draw(KerasInit.glorotUniform(), shape, 1);
        double sum = 0;
        double sq = 0;
        for (float v : w) {
            assertThat(Math.abs(v)).isLessThanOrEqualTo((float) limit);
            sum += v;
            sq += v * v;
        }
        double mean = sum / w.length;
        double var = sq / w.length - mean * mean;
        assertThat(mean).isCloseTo(0, within(0.01 * limit));
        assertThat(var).isCloseTo(limit * limit / 3, within(0.03 * limit * limit / 3));
    }

    @Test
    void orthogonalHasOrthonormalRowsOrColumns() {
        for (Shape shape : new Shape[] {new Shape(20, 80), new Shape(80, 20), new Shape(30, 30)}) {
            float[] w = draw(KerasInit.orthogonal(), shape, 2);
            int rows = (int) shape.get(0);
            int cols = (int) shape.get(1);
            boolean byRows = rows <= cols;
            int k = Math.min(rows, cols);
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    double dot = 0;
                    for (int i = 0; i < (byRows ? cols : rows); i++) {
                        dot += byRows ? (double) w[a * cols + i] * w[b * cols + i] : (double) w[i * cols + a] * w[i * cols + b];
                    }
                    assertThat(dot).as("%s (%d, %d)", shape, a, b).isCloseTo(a == b ? 1 : 0, within(1e-5));
                }
            }
        }
    }

    @Test
    void initialisationRepeatsWithTheSeedOnly() {
        Shape shape = new Shape(8, 32);
        assertThat(draw(KerasInit.orthogonal(), shape, 3)).containsExactly(draw(KerasInit.orthogonal(), shape, 3));
        assertThat(draw(KerasInit.orthogonal(), shape, 4)).isNotEqualTo(draw(KerasInit.orthogonal(), shape, 3));
        assertThat(draw(KerasInit.glorotUniform(), shape, 3)).containsExactly(draw(KerasInit.glorotUniform(), shape, 3));
    }

    @Test
    void lstmBiasHasTheForgetGateAtOne() {
        float[] b = draw(KerasInit.lstmBias(3), new Shape(12), 0);
        assertThat(b).containsExactly(0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> draw(KerasInit.lstmBias(3), new Shape(10), 0))
                .hasMessage("LSTM bias of 3 units has 12 values, the parameter has shape (10)");
    }
}
