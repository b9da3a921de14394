package io.argus.deep.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import io.argus.core.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The Keras-style training options: last-share validation, no shuffling, last-epoch weights. */
class KerasFitTest {

    private static final int N = 40;

    /**
     * y = 2x − 1 on the first 30 samples; the last 10 want y = 0, so once training fits the line the
     * validation loss (on the last 10, Keras' split) only grows and early stopping ends training.
     */
    private static final class Recording implements Objective {
        final List<int[]> batches = new ArrayList<>();

        private static float x(int row) {
            return (row - N / 2f) / N;
        }

        @Override
        public NDList inputs(NDManager m, int[] rows) {
            batches.add(rows.clone());
            float[] b = new float[rows.length];
            for (int i = 0; i < rows.length; i++) {
                b[i] = x(rows[i]);
            }
            return new NDList(m.create(b, new Shape(rows.length, 1)));
        }

        @Override
        public NDArray loss(NDManager m, NDList out, int[] rows) {
            float[] t = new float[rows.length];
            for (int i = 0; i < rows.length; i++) {
                t[i] = rows[i] < 30 ? 2 * x(rows[i]) - 1 : 0;
            }
            return out.singletonOrThrow().sub(m.create(t, new Shape(rows.length, 1))).square().mean();
        }
    }

    private static Training.Result fit(TrainConfig cfg, Recording objective) {
        try (Context ctx = Context.builder().seed(3).threads(1).build()) {
            return Training.fit("line", () -> Linear.builder().setUnits(1).build(), new Shape[] {new Shape(8, 1)}, N, objective, cfg, "w.", ctx);
        }
    }

    @Test
    void validationCountsFollowKerasAndTheRandomSplit() {
        TrainConfig keras = TrainConfig.adam(1, 32, 1e-3, 0).keras(0.1, 5, true);
        // Keras: split_at = int(n * (1 - 0.1)); SKAB's Conv-AE has 341 training windows, its LSTM-AE 391
        assertThat(keras.validationCount(341)).isEqualTo(35);
        assertThat(keras.validationCount(391)).isEqualTo(40);
        assertThat(TrainConfig.adam(1, 32, 1e-3, 0).withValidation(0.1, 5).validationCount(341)).isEqualTo(34);
        assertThat(keras.adamEpsilon()).isEqualTo(1e-7);
        assertThat(TrainConfig.adam(1, 32, 1e-3, 0).adamEpsilon()).isEqualTo(1e-8);
        assertThat(Training.lastFirst(6, 2)).containsExactly(4, 5, 0, 1, 2, 3);
    }

    @Test
    void kerasFitValidatesOnTheLastSamplesInOrderAndKeepsTheLastEpoch() {
        TrainConfig cfg = TrainConfig.adam(200, 8, 0.05, 0).keras(0.25, 2, false);
        Recording rec = new Recording();
        Training.Result r = fit(cfg, rec);
        assertThat(r.epochsRun()).isLessThan(200);
        assertThat(r.bestEpoch()).isEqualTo(r.epochsRun() - 1);
        // epoch 1: 4 training batches in sample order, then 2 validation batches over the last 10 samples
        assertThat(rec.batches.get(0)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(rec.batches.get(3)).containsExactly(IntStream.range(24, 30).toArray());
        assertThat(rec.batches.get(4)).containsExactly(IntStream.range(30, 38).toArray());
        assertThat(rec.batches.get(5)).containsExactly(38, 39);
        assertThat(rec.batches.get(6)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        double[] v = r.validationLoss();
        double best = Arrays.stream(v).min().orElseThrow();
        assertThat(v[v.length - 1]).isGreaterThan(best);

        // the same with the best epoch restored: other weights, those of the lowest validation loss
        Recording rec2 = new Recording();
        TrainConfig keepBest = new TrainConfig(200, 8, 0.05, TrainConfig.Optimizer.ADAM, 0, 0, 1, 0.25, 2, TrainConfig.ValidationSplit.LAST, true,
                false, TrainConfig.ADAM_EPSILON_KERAS);
        Training.Result b = fit(keepBest, rec2);
        assertThat(b.validationLoss()).containsExactly(v);
        assertThat(b.validationLoss()[b.bestEpoch()]).isEqualTo(best);
        assertThat(b.weights().get("w.weight").floats()).isNotEqualTo(r.weights().get("w.weight").floats());
    }

    @Test
    void shuffledKerasFitDrawsAnotherOrderEachEpoch() {
        Recording rec = new Recording();
        fit(TrainConfig.adam(2, 8, 0.05, 0).keras(0.25, 0, true), rec);
        // 4 training batches and 2 validation batches per epoch; the training part is still the first 30 samples
        int[] epoch1 = IntStream.range(0, 4).flatMap(i -> Arrays.stream(rec.batches.get(i))).toArray();
        int[] epoch2 = IntStream.range(6, 10).flatMap(i -> Arrays.stream(rec.batches.get(i))).toArray();
        assertThat(epoch1).containsExactlyInAnyOrder(IntStream.range(0, 30).toArray()).isNotEqualTo(IntStream.range(0, 30).toArray());
        assertThat(epoch2).containsExactlyInAnyOrder(epoch1).isNotEqualTo(epoch1);
    }

    @Test
    void badKerasOptionsAreRejected() {
        assertThatThrownBy(() -> new TrainConfig(1, 8, 0.1, TrainConfig.Optimizer.ADAM, 0, 0, 1, 0.1, 1, null, false, true, 1e-7))
                .hasMessage("validationSplit must be RANDOM or LAST, got null");
        assertThatThrownBy(() -> new TrainConfig(1, 8, 0.1, TrainConfig.Optimizer.ADAM, 0, 0, 1, 0.1, 1, TrainConfig.ValidationSplit.LAST, false,
                true, 0))
                .hasMessage("adamEpsilon = 0.0 must be in (0, 1]");
    }
}
