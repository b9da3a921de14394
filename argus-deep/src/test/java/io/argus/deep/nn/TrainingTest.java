package io.argus.deep.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import io.argus.core.Context;
import io.argus.core.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TrainingTest {

    /** y = 2x - 1 with one linear unit: a problem with a known answer. */
    private static final int N = 64;
    private static final float[] X = new float[N];

    static {
        for (int i = 0; i < N; i++) {
            X[i] = (i - N / 2f) / N;
        }
    }

    private static final Supplier<Block> LINEAR = () -> Linear.builder().setUnits(1).build();

    private static final Objective REGRESSION = new Objective() {
        @Override
        public NDList inputs(NDManager m, int[] rows) {
            float[] b = new float[rows.length];
            for (int i = 0; i < rows.length; i++) {
                b[i] = X[rows[i]];
            }
            return new NDList(m.create(b, new Shape(rows.length, 1)));
        }

        @Override
        public NDArray loss(NDManager m, NDList out, int[] rows) {
            NDArray x = inputs(m, rows).singletonOrThrow();
            return out.singletonOrThrow().sub(x.mul(2).sub(1)).square().mean();
        }
    };

    private static Training.Result fit(TrainConfig cfg, Context ctx) {
        return Training.fit("linear", LINEAR, new Shape[] {new Shape(8, 1)}, N, REGRESSION, cfg, "w.", ctx);
    }

    @Test
    void adamAndSgdBothLearnALine() {
        try (Context ctx = Context.builder().seed(1).threads(1).build()) {
            for (TrainConfig cfg : List.of(TrainConfig.adam(200, 8, 0.05, 0),
                    new TrainConfig(200, 8, 0.5, TrainConfig.Optimizer.SGD, 0, 0, 1, 0, 0))) {
                Training.Result r = fit(cfg, ctx);
                assertThat(r.weights().get("w.weight").floats()[0]).as(cfg.optimizer().name()).isCloseTo(2f, within(0.05f));
                assertThat(r.weights().get("w.bias").floats()[0]).as(cfg.optimizer().name()).isCloseTo(-1f, within(0.05f));
                assertThat(r.trainLoss()[r.epochsRun() - 1]).isLessThan(r.trainLoss()[0]);
            }
        }
    }

    @Test
    void earlyStoppingKeepsTheBestValidationEpoch() {
        try (Context ctx = Context.builder().seed(2).threads(1).build()) {
            // learning rate decays to nothing after epoch 3, so validation stops improving and patience 2 ends training
            TrainConfig cfg = TrainConfig.adam(100, 8, 0.05, 0).withStepDecay(3, 1e-9).withValidation(0.25, 2);
            Training.Result r = fit(cfg, ctx);
            assertThat(r.epochsRun()).isLessThan(100);
            assertThat(r.validationLoss()).hasSize(r.epochsRun());
            double best = java.util.Arrays.stream(r.validationLoss()).min().orElseThrow();
            assertThat(r.validationLoss()[r.bestEpoch()]).isEqualTo(best);
            assertThat(r.epochsRun()).isLessThanOrEqualTo(r.bestEpoch() + 1 + 2);
        }
    }

    @Test
    void theStepScheduleDecaysTheRate() {
        TrainConfig cfg = TrainConfig.adam(10, 8, 0.1, 0).withStepDecay(2, 0.5);
        assertThat(cfg.learningRateAt(0)).isEqualTo(0.1);
        assertThat(cfg.learningRateAt(1)).isEqualTo(0.1);
        assertThat(cfg.learningRateAt(2)).isEqualTo(0.05);
        assertThat(cfg.learningRateAt(5)).isEqualTo(0.025);
    }

    @Test
    void progressCountsEpochs() {
        List<String> events = new ArrayList<>();
        ProgressListener p = new ProgressListener() {
            @Override
            public void start(String task, long total) {
                events.add("start " + task + " " + total);
            }

            @Override
            public void advance(long units) {
                events.add("+" + units);
            }

            @Override
            public void done() {
                events.add("done");
            }
        };
        try (Context ctx = Context.builder().seed(1).threads(1).progress(p).build()) {
            fit(TrainConfig.adam(3, 8, 0.01, 0), ctx);
        }
        assertThat(events).containsExactly("start linear 3", "+1", "+1", "+1", "done");
    }

    @Test
    void divergenceIsReportedNotHidden() {
        try (Context ctx = Context.builder().seed(1).threads(1).build()) {
            assertThatThrownBy(() -> fit(new TrainConfig(50, 8, 10, TrainConfig.Optimizer.SGD, 0, 0, 1, 0, 0), ctx))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("linear: training diverged in epoch ")
                    .hasMessageContaining("(batch loss ");
        }
    }

    /**
     * sqrt(out − out): the loss is 0, but the square root's gradient at 0 is infinite and the two paths of
     * out cancel it into NaN, so the first optimiser step leaves NaN weights behind a finite batch loss.
     */
    private static final Objective FINITE_LOSS_NAN_GRADIENT = new Objective() {
        @Override
        public NDList inputs(NDManager m, int[] rows) {
            return REGRESSION.inputs(m, rows);
        }

        @Override
        public NDArray loss(NDManager m, NDList out, int[] rows) {
            NDArray y = out.singletonOrThrow();
            return y.sub(y).sqrt().sum();
        }
    };

    @Test
    void aNonFiniteValidationLossStopsTrainingNamingTheEpoch() {
        try (Context ctx = Context.builder().seed(1).threads(1).build()) {
            // 10 samples, 2 held out: one training batch of 8, then the validation pass sees the broken weights
            assertThatThrownBy(() -> Training.fit("linear", LINEAR, new Shape[] {new Shape(8, 1)}, 10, FINITE_LOSS_NAN_GRADIENT,
                    TrainConfig.adam(5, 8, 0.01, 0).withValidation(0.2, 2), "w.", ctx))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("linear: training diverged in epoch 1 (validation loss NaN); check the data for extreme values or lower the"
                            + " learning rate");
        }
    }

    @Test
    void nonFiniteWeightsAreNeverReturned() {
        try (Context ctx = Context.builder().seed(1).threads(1).build()) {
            // one epoch of one batch: the only batch loss is finite (0), the step after it breaks the weights
            assertThatThrownBy(() -> Training.fit("linear", LINEAR, new Shape[] {new Shape(8, 1)}, 8, FINITE_LOSS_NAN_GRADIENT,
                    TrainConfig.adam(1, 8, 0.01, 0), "w.", ctx))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("linear: training diverged in epoch 1 (weight w.")
                    .hasMessageContaining(" is NaN)");
        }
    }

    @Test
    void badConfigurationsAreRejectedWithTheirRange() {
        assertThatThrownBy(() -> TrainConfig.adam(0, 8, 0.1, 0))
                .hasMessage("parameter epochs = 0 is out of range; allowed: [1, 100000]");
        assertThatThrownBy(() -> TrainConfig.adam(1, 8, 0.1, 0).withStepDecay(1, 1.5))
                .hasMessage("lrDecayFactor = 1.5 must be in (0, 1]");
        try (Context ctx = Context.builder().seed(1).threads(1).build()) {
            assertThatThrownBy(() -> Training.fit("linear", LINEAR, new Shape[] {new Shape(1, 1)}, 1, REGRESSION, TrainConfig.adam(1, 8, 0.1, 0), "w.", ctx))
                    .hasMessage("linear needs at least 2 training samples, got 1");
        }
    }
}
