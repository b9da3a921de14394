package io.argus.deep.table;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.core.model.Tensor;
import io.argus.deep.nn.Objective;
import io.argus.deep.nn.Standardizer;
import io.argus.deep.nn.TrainConfig;
import io.argus.deep.nn.Training;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A fully connected autoencoder trained to reconstruct standardised rows; a row is as anomalous as its
 * reconstruction error.
 *
 * <p>The detector PyOD and ADBench call AutoEncoder (after Aggarwal, "Outlier Analysis", Springer 2017,
 * §3.5: replicator neural networks / autoencoders for outlier detection). Architecture as PyOD 2.x's
 * {@code AutoEncoderModel}: d → 64 → 32 → 64 → d, each hidden layer Linear, BatchNorm, ReLU, Dropout, the
 * output layer linear; MSE loss; Adam. The score is the Euclidean distance between the standardised row
 * and its reconstruction (PyOD's {@code pairwise_distances_no_broadcast}); higher is more anomalous.
 * Weights are initialised by DJL's default (Xavier), not PyTorch's Kaiming-uniform.
 *
 * <p>Time: O(epochs · n · p) for p weights (≈ 2·64·d + 4096); scoring O(m · p). Memory: the weights and
 * one batch of activations; training copies the standardised data (n·d floats).
 */
public final class AutoEncoder implements Detector<Table> {

    static final String NAME = "autoencoder";

    private final AutoEncoderParams params;

    public AutoEncoder(AutoEncoderParams params) {
        this.params = params;
    }

    @Override
    public Model<Table> fit(Table train, Context ctx) {
        if (train.rows() < 2) {
            throw new IllegalArgumentException(NAME + " needs at least 2 training rows, got " + train.rows());
        }
        Standardizer scaler = Standardizer.fit(train, NAME);
        int d = train.cols();
        float[] x = scaler.apply(train, NAME);
        int[] widths = params.widths();
        Supplier<Block> net = () -> network(d, widths, params);
        Objective objective = new Objective() {
            @Override
            public NDList inputs(NDManager m, int[] rows) {
                return new NDList(Mlp.gather(m, x, d, rows));
            }

            @Override
            public NDArray loss(NDManager m, NDList outputs, int[] rows) {
                NDArray target = Mlp.gather(m, x, d, rows);
                return outputs.singletonOrThrow().sub(target).square().mean();
            }
        };
        TrainConfig cfg = TrainConfig.adam(params.epochs(), params.batchSize(), params.learningRate(), params.weightDecay())
                .withValidation(params.validationFraction(), params.patience());
        Training.Result r = Training.fit(NAME, net, new Shape[] {new Shape(params.batchSize(), d)}, train.rows(), objective, cfg,
                Mlp.WEIGHTS, ctx);
        Map<String, Tensor> state = new LinkedHashMap<>();
        state.put(Mlp.ARCHITECTURE, Tensor.i64(Mlp.architecture(d, widths)));
        scaler.putInto(state);
        state.putAll(r.weights());
        return new AutoEncoderModel(params, d, scaler, state);
    }

    /** d → widths → reversed widths → d, as PyOD's AutoEncoderModel. */
    static Block network(int d, int[] widths, AutoEncoderParams p) {
        SequentialBlock s = new SequentialBlock();
        for (int w : widths) {
            Mlp.hidden(s, w, true, p.batchNorm(), p.dropout());
        }
        for (int i = widths.length - 2; i >= 0; i--) {
            Mlp.hidden(s, widths[i], true, p.batchNorm(), p.dropout());
        }
        s.add(Linear.builder().setUnits(d).build());
        return s;
    }

    /** A fitted autoencoder: the scaler, the architecture and the weights. */
    static final class AutoEncoderModel implements Model<Table> {
        private final AutoEncoderParams params;
        private final int d;
        private final Standardizer scaler;
        private final Map<String, Tensor> state;
        private final String description;

        AutoEncoderModel(AutoEncoderParams params, int d, Standardizer scaler, Map<String, Tensor> state) {
            this.params = params;
            this.d = d;
            this.scaler = scaler;
            this.state = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(state));
            this.description = NAME + " " + Arrays.toString(Mlp.architecture(d, params.widths()));
        }

        static AutoEncoderModel restore(AutoEncoderParams params, Map<String, Tensor> state) {
            int d = Mlp.checkArchitecture(state, params.widths(), NAME);
            Standardizer scaler = Standardizer.from(state);
            if (scaler.cols() != d) {
                throw new IllegalArgumentException(NAME + ": the scaler has " + scaler.cols() + " columns but the architecture has " + d + " inputs");
            }
            Map<String, Tensor> copy = new LinkedHashMap<>(state);
            AutoEncoderModel m = new AutoEncoderModel(params, d, scaler, copy);
            Mlp.validate(() -> network(d, params.widths(), params), d, copy, m.description);
            return m;
        }

        @Override
        public io.argus.core.Scores score(Table data, Context ctx) {
            data.requireColumns(d);
            float[] x = scaler.apply(data, NAME);
            double[] s = Mlp.score(ctx, () -> network(d, params.widths(), params), d, state, description, x, data.rows(), d,
                    (xi, xo, y, yo) -> {
                        double sum = 0;
                        for (int j = 0; j < d; j++) {
                            double e = xi[xo + j] - y[yo + j];
                            sum += e * e;
                        }
                        return Math.sqrt(sum);
                    });
            return io.argus.core.Scores.of(s);
        }

        @Override
        public Map<String, Tensor> state() {
            return state;
        }
    }
}
