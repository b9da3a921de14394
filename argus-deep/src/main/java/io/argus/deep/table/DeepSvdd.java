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
import io.argus.core.Scores;
import io.argus.core.data.Table;
import io.argus.core.model.StateTensors;
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
 * Deep SVDD (one-class): a network maps normal rows close to a fixed centre c; a row is as anomalous
 * as its squared distance to c in the network's output space.
 *
 * <p>Ruff, Vandermeulen, Görnitz, Deecke, Siddiqui, Binder, Müller, Kloft, "Deep One-Class
 * Classification", ICML 2018. The one-class objective min_W (1/n) Σ ||φ(x_i; W) − c||² + (λ/2) Σ ||W||²
 * (eq. 4; the λ term as Adam's weight decay); c is the mean of the network's outputs on the training
 * data in an initial forward pass, and coordinates with |c_j| &lt; eps = 0.1 are pushed to ±eps (their
 * code) so that c is not near the trivial all-zero output; the network has no bias terms (their
 * Proposition 2: biases allow the constant map onto c, the hypersphere collapse). The score is
 * ||φ(x) − c||² (their eq. 5). Network: Linear(d, 64) → ReLU → Linear(64, 32), no biases, on
 * standardised input (defaults in {@link DeepSvddParams}).
 *
 * <p>Time: O(epochs · n · p) for p ≈ 64·d + 2048 weights; scoring O(m · p). Memory: the weights,
 * one batch of activations and the standardised training data.
 */
public final class DeepSvdd implements Detector<Table> {

    static final String NAME = "deep-svdd";
    static final String CENTER = "center";
    /** Ruff et al.'s eps for the centre's coordinates. */
    public static final double CENTER_EPS = 0.1;

    private final DeepSvddParams params;

    public DeepSvdd(DeepSvddParams params) {
        this.params = params;
    }

    @Override
    public Model<Table> fit(Table train, Context ctx) {
        if (train.rows() < 2) {
            throw new IllegalArgumentException(NAME + " needs at least 2 training rows, got " + train.rows());
        }
        Standardizer scaler = Standardizer.fit(train, NAME);
        int d = train.cols();
        int n = train.rows();
        float[] x = scaler.apply(train, NAME);
        int[] widths = params.widths();
        int k = widths[widths.length - 1];
        Supplier<Block> net = () -> network(widths);
        float[][] center = new float[1][];
        Training.ObjectiveFactory objectives = (block, forward) -> {
            center[0] = initialCenter(forward, x, n, d, k);
            return new Objective() {
                @Override
                public NDList inputs(NDManager m, int[] rows) {
                    return new NDList(Mlp.gather(m, x, d, rows));
                }

                @Override
                public NDArray loss(NDManager m, NDList outputs, int[] rows) {
                    NDArray c = m.create(center[0], new Shape(1, k));
                    return outputs.singletonOrThrow().sub(c).square().sum(new int[] {1}).mean();
                }
            };
        };
        TrainConfig cfg = TrainConfig.adam(params.epochs(), params.batchSize(), params.learningRate(), params.weightDecay())
                .withValidation(params.validationFraction(), params.patience());
        Training.Result r = Training.fit(NAME, net, new Shape[] {new Shape(params.batchSize(), d)}, n, objectives, cfg, Mlp.WEIGHTS, ctx);
        Map<String, Tensor> state = new LinkedHashMap<>();
        state.put(Mlp.ARCHITECTURE, Tensor.i64(Mlp.architecture(d, widths)));
        scaler.putInto(state);
        state.put(CENTER, Tensor.f32(center[0].clone()));
        state.putAll(r.weights());
        return new DeepSvddModel(params, d, scaler, state);
    }

    /** The mean initial output over all training rows, with Ruff et al.'s eps fix. */
    private static float[] initialCenter(java.util.function.Function<NDList, NDList> forward, float[] x, int n, int d, int k) {
        double[] sum = new double[k];
        for (int from = 0; from < n; from += Mlp.SCORE_BATCH) {
            int to = Math.min(n, from + Mlp.SCORE_BATCH);
            try (NDManager m = NDManager.newBaseManager(io.argus.deep.nn.Torch.ENGINE)) {
                NDArray in = m.create(Arrays.copyOfRange(x, from * d, to * d), new Shape(to - from, d));
                float[] y = forward.apply(new NDList(in)).singletonOrThrow().toFloatArray();
                for (int i = 0; i < to - from; i++) {
                    for (int j = 0; j < k; j++) {
                        sum[j] += y[i * k + j];
                    }
                }
            }
        }
        float[] c = new float[k];
        for (int j = 0; j < k; j++) {
            double v = sum[j] / n;
            if (Math.abs(v) < CENTER_EPS) {
                v = v < 0 ? -CENTER_EPS : CENTER_EPS;
            }
            c[j] = (float) v;
        }
        return c;
    }

    /** d → widths, ReLU between layers, no biases, linear output. */
    static Block network(int[] widths) {
        SequentialBlock s = new SequentialBlock();
        for (int i = 0; i < widths.length - 1; i++) {
            Mlp.hidden(s, widths[i], false, false, 0);
        }
        s.add(Linear.builder().setUnits(widths[widths.length - 1]).optBias(false).build());
        return s;
    }

    /** A fitted Deep SVDD: scaler, architecture, centre and weights. */
    static final class DeepSvddModel implements Model<Table> {
        private final DeepSvddParams params;
        private final int d;
        private final Standardizer scaler;
        private final float[] center;
        private final Map<String, Tensor> state;
        private final String description;

        DeepSvddModel(DeepSvddParams params, int d, Standardizer scaler, Map<String, Tensor> state) {
            this.params = params;
            this.d = d;
            this.scaler = scaler;
            this.state = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(state));
            int[] w = params.widths();
            this.center = StateTensors.floats(state, CENTER, w[w.length - 1]);
            this.description = NAME + " " + Arrays.toString(Mlp.architecture(d, w));
        }

        static DeepSvddModel restore(DeepSvddParams params, Map<String, Tensor> state) {
            int d = Mlp.checkArchitecture(state, params.widths(), NAME);
            Standardizer scaler = Standardizer.from(state);
            if (scaler.cols() != d) {
                throw new IllegalArgumentException(NAME + ": the scaler has " + scaler.cols() + " columns but the architecture has " + d + " inputs");
            }
            Map<String, Tensor> copy = new LinkedHashMap<>(state);
            DeepSvddModel m = new DeepSvddModel(params, d, scaler, copy);
            for (float c : m.center) {
                if (!Float.isFinite(c)) {
                    throw new IllegalArgumentException(NAME + ": model state tensor '" + CENTER + "' is not finite");
                }
            }
            Map<String, Tensor> weightsOnly = new LinkedHashMap<>(copy);
            Mlp.validate(() -> network(params.widths()), d, weightsOnly, m.description);
            return m;
        }

        @Override
        public Scores score(Table data, Context ctx) {
            data.requireColumns(d);
            float[] x = scaler.apply(data, NAME);
            int k = center.length;
            double[] s = Mlp.score(ctx, () -> network(params.widths()), d, state, description, x, data.rows(), k, (xi, xo, y, yo) -> {
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    double e = y[yo + j] - center[j];
                    sum += e * e;
                }
                return sum;
            });
            return Scores.of(s);
        }

        @Override
        public Map<String, Tensor> state() {
            return state;
        }
    }
}
