package io.argus.deep.series;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.norm.Dropout;
import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Series;
import io.argus.core.data.Table;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import io.argus.core.threshold.ControlLimited;
import io.argus.deep.nn.KerasInit;
import io.argus.deep.nn.Objective;
import io.argus.deep.nn.Standardizer;
import io.argus.deep.nn.TrainConfig;
import io.argus.deep.nn.Training;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A 1-D convolutional autoencoder over sliding windows of a multivariate series: windows the network
 * reconstructs badly are anomalous.
 *
 * <p>The Conv-AE of the SKAB leaderboard (Katser and Kozitsin, "Skoltech Anomaly Benchmark (SKAB)",
 * Kaggle 2020; F1 0.78 on the outlier problem), as in SKAB core/Conv_AE.py and the notebooks' pipeline
 * (defaults in {@link ConvAutoEncoderParams}). Channels are standardised on the training series
 * (scikit-learn's StandardScaler); windows of w consecutive steps, stride 1, are cut from the training
 * series and, separately, from each scored series. Training follows Keras' {@code fit}: Glorot-uniform
 * kernels and zero biases, shuffled batches, the last 10% of the windows (unshuffled) for validation,
 * early stopping without restoring the best weights (the last epoch's weights are kept), Adam with
 * Keras' epsilon. A window's residual is the sum over channels of the mean over its steps of |x − x̂|;
 * the UCL is {@code uclFactor} times the {@code uclQuantile} quantile of the training windows'
 * residuals (training data only), and each step's score exceeds the UCL exactly when the point rule
 * flags it ({@link ConvAutoEncoderParams.PointRule}); the model reports the UCL as its
 * {@link ControlLimited#controlLimit()}.
 *
 * <p>Keras' layers are rebuilt from PyTorch's: a "same" convolution with stride 2 is an explicit
 * asymmetric zero padding (TensorFlow puts the odd pad at the end) and an unpadded convolution; a
 * transposed convolution with stride 2 is zero insertion plus a stride-1 convolution
 * ({@link #upsampleWithZeros}). Remaining difference: PyTorch's Adam adds epsilon to the bias-corrected
 * second-moment root, Keras' to the uncorrected one.
 *
 * <p>Time: O(epochs · W · w · C · F · k) for W training windows; scoring one forward pass per window.
 * Memory: weights plus one batch of windows.
 */
public final class ConvAutoEncoder implements Detector<Series> {

    static final String NAME = "conv-ae";
    static final String ARCHITECTURE = "architecture";
    static final String UCL = WindowedAeModel.UCL;
    static final String WEIGHTS = "net.";

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
        // SKAB's Conv-AE: model.fit(..., validation_split=0.1, callbacks=[EarlyStopping(patience=5)]), shuffle left at True
        TrainConfig cfg = TrainConfig.adam(params.epochs(), params.batchSize(), params.learningRate(), 0)
                .keras(params.validationFraction(), params.patience(), true);
        Training.Result r = Training.fit(NAME, () -> network(c, params), new Shape[] {new Shape(2, c, w)}, windows, objective, cfg, WEIGHTS, ctx);
        Map<String, Tensor> state = new LinkedHashMap<>();
        state.put(ARCHITECTURE, Tensor.i64(architecture(c, params)));
        scaler.putInto(state);
        state.putAll(r.weights());
        return WindowedAeModel.withTrainingLimit(state, x, steps, params.uclFactor(), params.uclQuantile(),
                (st, ucl) -> new ConvAeModel(params, c, scaler, st, ucl), ctx);
    }

    /** The steps of a series as table rows (the scaler's input). */
    static Table asTable(Series s) {
        return Table.of(s.steps(), s.channels(), s.values(), null, null, s.source());
    }

    static long[] architecture(int channels, ConvAutoEncoderParams p) {
        return new long[] {channels, p.window(), p.filters(), p.kernel(), outputChannels(channels, p)};
    }

    static int outputChannels(int channels, ConvAutoEncoderParams p) {
        return p.outputChannels() == ConvAutoEncoderParams.OutputChannels.ONE ? 1 : channels;
    }

    /**
     * TensorFlow's "same" padding for a convolution of width {@code kernel} and stride {@code stride} on
     * (b, c, L): ⌈L/stride⌉ outputs need max((⌈L/stride⌉ − 1)·stride + kernel − L, 0) zeros, the smaller
     * half before the series and the larger after it (PyTorch pads symmetrically, so the pad is explicit).
     */
    static java.util.function.Function<NDList, NDList> samePadding(int kernel, int stride) {
        return in -> {
            NDArray x = in.singletonOrThrow();
            Shape s = x.getShape();
            long len = s.get(2);
            long out = (len + stride - 1) / stride;
            long total = Math.max((out - 1) * stride + kernel - len, 0);
            long before = total / 2;
            long after = total - before;
            NDArray y = x;
            if (before > 0) {
                y = x.getManager().zeros(new Shape(s.get(0), s.get(1), before), x.getDataType()).concat(y, 2);
            }
            if (after > 0) {
                y = y.concat(x.getManager().zeros(new Shape(s.get(0), s.get(1), after), x.getDataType()), 2);
            }
            return new NDList(y);
        };
    }

    /**
     * (b, c, L) → (b, c, 2L): 0 x0 0 x1 … 0 x(L−1). Followed by a stride-1 convolution with symmetric
     * padding k/2 (odd k) this is exactly Keras' Conv1DTranspose(strides=2, padding="same"), whose output
     * o sums x[i]·w[o − 2i + (k−3)/2], up to the kernel's flip, which only renames the weights: DJL's
     * PyTorch engine does not implement transposed convolution.
     */
    static NDList upsampleWithZeros(NDList in) {
        NDArray x = in.singletonOrThrow();
        Shape s = x.getShape();
        NDArray e = x.expandDims(3);
        return new NDList(e.zerosLike().concat(e, 3).reshape(s.get(0), s.get(1), 2 * s.get(2)));
    }

    private static Block conv(int filters, int kernel, int stride, int padding) {
        Block b = Conv1d.builder().setKernelShape(new Shape(kernel)).setFilters(filters).optStride(new Shape(stride))
                .optPadding(new Shape(padding)).build();
        b.setInitializer(KerasInit.glorotUniform(), Parameter.Type.WEIGHT);
        return b;
    }

    /**
     * The network, SKAB's Keras Sequential layer by layer (Glorot-uniform kernels, zero biases). The
     * strided convolutions get TensorFlow's asymmetric "same" padding ({@link #samePadding}); the
     * transposed convolutions are zero-insertion upsampling plus a convolution ({@link #upsampleWithZeros});
     * the last one (stride 1, "same") is a convolution with symmetric padding k/2.
     */
    static Block network(int channels, ConvAutoEncoderParams p) {
        int k = p.kernel();
        int f = p.filters();
        SequentialBlock s = new SequentialBlock();
        s.add(samePadding(k, 2));
        s.add(conv(f, k, 2, 0));
        s.add(Activation.reluBlock());
        if (p.dropout() > 0) {
            s.add(Dropout.builder().optRate((float) p.dropout()).build());
        }
        s.add(samePadding(k, 2));
        s.add(conv(f / 2, k, 2, 0));
        s.add(Activation.reluBlock());
        s.add(ConvAutoEncoder::upsampleWithZeros);
        s.add(conv(f / 2, k, 1, k / 2));
        s.add(Activation.reluBlock());
        if (p.dropout() > 0) {
            s.add(Dropout.builder().optRate((float) p.dropout()).build());
        }
        s.add(ConvAutoEncoder::upsampleWithZeros);
        s.add(conv(f, k, 1, k / 2));
        s.add(Activation.reluBlock());
        s.add(conv(outputChannels(channels, p), k, 1, k / 2));
        return s;
    }

    /** A fitted Conv-AE with its alarm threshold. */
    public static final class ConvAeModel extends WindowedAeModel {

        ConvAeModel(ConvAutoEncoderParams params, int channels, Standardizer scaler, Map<String, Tensor> state, double ucl) {
            super(NAME, channels, params.window(), true, params.pointRule(), () -> network(channels, params), WEIGHTS, scaler, state, ucl,
                    NAME + " " + Arrays.toString(architecture(channels, params)) + " (channels, window, filters, kernel, outputs)");
        }

        static ConvAeModel restore(ConvAutoEncoderParams params, Map<String, Tensor> state) {
            long[] a = StateTensors.require(state, ARCHITECTURE, Tensor.DType.I64).longs();
            boolean one = params.outputChannels() == ConvAutoEncoderParams.OutputChannels.ONE;
            if (a.length != 5 || a[0] < 1 || a[0] > 1_000_000 || a[1] != params.window() || a[2] != params.filters() || a[3] != params.kernel()
                    || a[4] != (one ? 1 : a[0])) {
                throw new IllegalArgumentException(NAME + ": model state tensor '" + ARCHITECTURE + "' is " + Arrays.toString(a)
                        + " but the parameters give [channels, " + params.window() + ", " + params.filters() + ", " + params.kernel() + ", "
                        + (one ? "1" : "channels") + "]");
            }
            int c = (int) a[0];
            Standardizer scaler = Standardizer.from(state);
            if (scaler.cols() != c) {
                throw new IllegalArgumentException(NAME + ": the scaler has " + scaler.cols() + " channels but the architecture has " + c);
            }
            double ucl = StateTensors.doubles(state, UCL, 1)[0];
            ConvAeModel m = new ConvAeModel(params, c, scaler, state, ucl);
            m.checkLoads();
            return m;
        }
    }
}
