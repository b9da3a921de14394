package io.argus.deep.series;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.norm.Dropout;
import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.Scores;
import io.argus.core.data.Series;
import io.argus.core.data.Table;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import io.argus.deep.nn.Network;
import io.argus.deep.nn.Objective;
import io.argus.deep.nn.Standardizer;
import io.argus.deep.nn.TrainConfig;
import io.argus.deep.nn.Torch;
import io.argus.deep.nn.Training;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A 1-D convolutional autoencoder over sliding windows of a multivariate series: windows the network
 * reconstructs badly are anomalous.
 *
 * <p>The Conv-AE of the SKAB leaderboard (Katser and Kozitsin, "Skoltech Anomaly Benchmark (SKAB)",
 * Kaggle 2020; F1 0.78 on the outlier problem), following the Keras example it was built from
 * (defaults and sources in {@link ConvAutoEncoderParams}). Channels are standardised on the training
 * series; the window residual is the mean absolute reconstruction error over its steps and channels;
 * a step's score is the smallest residual of the windows containing it, so that it exceeds the
 * threshold exactly when all of them do (the notebook's point rule). The model carries its threshold,
 * the UCL, derived from training residuals only ({@link ConvAeModel#threshold()}).
 *
 * <p>Time: O(epochs · W · w · C · F · k) for W training windows; scoring one forward pass per window.
 * Memory: weights plus one batch of windows.
 */
public final class ConvAutoEncoder implements Detector<Series> {

    static final String NAME = "conv-ae";
    static final String ARCHITECTURE = "architecture";
    static final String UCL = "ucl";
    static final String WEIGHTS = "net.";
    private static final int SCORE_BATCH = 1024;

    private final ConvAutoEncoderParams params;

    public ConvAutoEncoder(ConvAutoEncoderParams params) {
        this.params = params;
    }

    @Override
    public Model<Series> fit(Series train, Context ctx) {
        int w = params.window();
        int steps = train.size();
        if (steps < w + 1) {
            throw new IllegalArgumentException(NAME + " needs at least window + 1 = " + (w + 1) + " training steps, got " + steps);
        }
        Standardizer scaler = Standardizer.fit(asTable(train), NAME);
        int c = train.channels();
        float[] x = scaler.apply(asTable(train), NAME);
        int windows = Windows.count(steps, w);
        Objective objective = new Objective() {
            @Override
            public NDList inputs(NDManager m, int[] rows) {
                return new NDList(Windows.channelsFirst(m, x, c, w, rows));
            }

            @Override
            public NDArray loss(NDManager m, NDList outputs, int[] rows) {
                return outputs.singletonOrThrow().sub(Windows.channelsFirst(m, x, c, w, rows)).square().mean();
            }
        };
        TrainConfig cfg = TrainConfig.adam(params.epochs(), params.batchSize(), params.learningRate(), 0)
                .withValidation(params.validationFraction(), params.patience());
        Training.Result r = Training.fit(NAME, () -> network(c, params), new Shape[] {new Shape(2, c, w)}, windows, objective, cfg, WEIGHTS, ctx);
        Map<String, Tensor> state = new LinkedHashMap<>();
        state.put(ARCHITECTURE, Tensor.i64(architecture(c, params)));
        scaler.putInto(state);
        state.putAll(r.weights());
        ConvAeModel provisional = new ConvAeModel(params, c, scaler, state, Double.NaN);
        double[] residuals = provisional.windowResiduals(x, steps, ctx);
        double ucl = params.uclFactor() * Windows.quantile(residuals, params.uclQuantile());
        state.put(UCL, Tensor.f64(new double[] {ucl}));
        return new ConvAeModel(params, c, scaler, state, ucl);
    }

    /** The steps of a series as table rows (the scaler's input). */
    static Table asTable(Series s) {
        return Table.of(s.steps(), s.channels(), s.values(), null, null, s.source());
    }

    static long[] architecture(int channels, ConvAutoEncoderParams p) {
        return new long[] {channels, p.window(), p.filters(), p.kernel()};
    }

    /**
     * (b, c, L) → (b, c, 2L): x0 0 x1 0 … x(L−1) 0. Followed by a stride-1 convolution with padding k/2
     * this is exactly a transposed convolution with stride 2, padding k/2 and output padding 1 (Keras'
     * Conv1DTranspose(strides=2, padding="same")) up to the kernel's flip, which training absorbs:
     * DJL's PyTorch engine does not implement transposed convolution.
     */
    static NDList upsampleWithZeros(NDList in) {
        NDArray x = in.singletonOrThrow();
        Shape s = x.getShape();
        NDArray e = x.expandDims(3);
        return new NDList(e.concat(e.zerosLike(), 3).reshape(s.get(0), s.get(1), 2 * s.get(2)));
    }

    /**
     * The network. The Keras model's transposed convolutions are built as zero-insertion upsampling
     * plus a convolution ({@link #upsampleWithZeros}); the last one (stride 1) is a plain convolution.
     */
    static Block network(int channels, ConvAutoEncoderParams p) {
        Shape k = new Shape(p.kernel());
        Shape pad = new Shape(p.kernel() / 2);
        Shape two = new Shape(2);
        int f = p.filters();
        SequentialBlock s = new SequentialBlock();
        s.add(Conv1d.builder().setKernelShape(k).setFilters(f).optStride(two).optPadding(pad).build());
        s.add(Activation.reluBlock());
        if (p.dropout() > 0) {
            s.add(Dropout.builder().optRate((float) p.dropout()).build());
        }
        s.add(Conv1d.builder().setKernelShape(k).setFilters(f / 2).optStride(two).optPadding(pad).build());
        s.add(Activation.reluBlock());
        s.add(ConvAutoEncoder::upsampleWithZeros);
        s.add(Conv1d.builder().setKernelShape(k).setFilters(f / 2).optPadding(pad).build());
        s.add(Activation.reluBlock());
        if (p.dropout() > 0) {
            s.add(Dropout.builder().optRate((float) p.dropout()).build());
        }
        s.add(ConvAutoEncoder::upsampleWithZeros);
        s.add(Conv1d.builder().setKernelShape(k).setFilters(f).optPadding(pad).build());
        s.add(Activation.reluBlock());
        s.add(Conv1d.builder().setKernelShape(k).setFilters(channels).optPadding(pad).build());
        return s;
    }

    /** A fitted Conv-AE with its alarm threshold. */
    public static final class ConvAeModel implements Model<Series> {
        private final ConvAutoEncoderParams params;
        private final int channels;
        private final Standardizer scaler;
        private final Map<String, Tensor> state;
        private final double ucl;
        private final String description;

        ConvAeModel(ConvAutoEncoderParams params, int channels, Standardizer scaler, Map<String, Tensor> state, double ucl) {
            this.params = params;
            this.channels = channels;
            this.scaler = scaler;
            this.state = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(state));
            this.ucl = ucl;
            this.description = NAME + " " + Arrays.toString(architecture(channels, params)) + " (channels, window, filters, kernel)";
        }

        static ConvAeModel restore(ConvAutoEncoderParams params, Map<String, Tensor> state) {
            long[] a = StateTensors.require(state, ARCHITECTURE, Tensor.DType.I64).longs();
            if (a.length != 4 || a[0] < 1 || a[0] > 1_000_000 || a[1] != params.window() || a[2] != params.filters() || a[3] != params.kernel()) {
                throw new IllegalArgumentException(NAME + ": model state tensor '" + ARCHITECTURE + "' is " + Arrays.toString(a)
                        + " but the parameters give [channels, " + params.window() + ", " + params.filters() + ", " + params.kernel() + "]");
            }
            int c = (int) a[0];
            Standardizer scaler = Standardizer.from(state);
            if (scaler.cols() != c) {
                throw new IllegalArgumentException(NAME + ": the scaler has " + scaler.cols() + " channels but the architecture has " + c);
            }
            double ucl = StateTensors.doubles(state, UCL, 1)[0];
            Map<String, Tensor> copy = new LinkedHashMap<>(state);
            ConvAeModel m = new ConvAeModel(params, c, scaler, copy, ucl);
            Torch.call(1, () -> {
                try (Network n = Network.load(() -> network(c, params), new Shape[] {new Shape(2, c, params.window())}, copy, WEIGHTS,
                        m.description)) {
                    return null;
                }
            });
            return m;
        }

        /** The alarm threshold on step scores (the UCL from training residuals). */
        public double threshold() {
            return ucl;
        }

        double[] windowResiduals(float[] x, int steps, Context ctx) {
            int w = params.window();
            int windows = Windows.count(steps, w);
            return Torch.call(ctx, () -> {
                try (Network net = Network.load(() -> network(channels, params), new Shape[] {new Shape(2, channels, w)}, state, WEIGHTS,
                        description)) {
                    return Windows.meanAbsoluteResiduals(net, windows, SCORE_BATCH, ctx,
                            (m, starts) -> Windows.channelsFirst(m, x, channels, w, starts));
                }
            });
        }

        @Override
        public Scores score(Series data, Context ctx) {
            if (data.channels() != channels) {
                throw new IllegalArgumentException("shape mismatch: the model was fitted on " + channels + " channels, the series has "
                        + data.channels());
            }
            int w = params.window();
            if (data.size() < w) {
                throw new IllegalArgumentException(NAME + ": the series has " + data.size() + " steps, fewer than the window " + w);
            }
            float[] x = scaler.apply(asTable(data), NAME);
            return Scores.of(Windows.stepScores(windowResiduals(x, data.size(), ctx), data.size(), w));
        }

        @Override
        public Map<String, Tensor> state() {
            return state;
        }
    }
}
