package io.argus.deep.series;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Series;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import io.argus.core.threshold.ControlLimited;
import io.argus.deep.nn.KerasInit;
import io.argus.deep.nn.KerasLstm;
import io.argus.deep.nn.Objective;
import io.argus.deep.nn.Standardizer;
import io.argus.deep.nn.TrainConfig;
import io.argus.deep.nn.Training;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A sequence-to-sequence LSTM autoencoder over sliding windows of a multivariate series: windows the
 * network reconstructs badly are anomalous.
 *
 * <p>The LSTM-AE of the SKAB leaderboard (Katser and Kozitsin, "Skoltech Anomaly Benchmark (SKAB)",
 * Kaggle 2020; F1 0.74 on the outlier problem), as in SKAB core/LSTM_AE.py and the notebooks' pipeline
 * (defaults in {@link LstmAutoEncoderParams}). The encoder LSTM reads the window and keeps its last hidden
 * state; that code is repeated once per step (Keras' RepeatVector) and a decoder LSTM, followed by one
 * linear layer applied to every step (TimeDistributed(Dense)), reconstructs the window. Both LSTMs are
 * Keras' cell with {@code activation='relu'} ({@link KerasLstm}: relu candidate and output, sigmoid
 * gates, Glorot-uniform kernels, orthogonal recurrent kernels, forget bias 1). Training minimises the
 * mean absolute error (Keras' {@code loss='mae'}) as Keras' {@code fit(shuffle=False,
 * validation_split=0.1)} with {@code EarlyStopping(patience=5)}: batches in window order, the last 10% of
 * the windows validate, the last epoch's weights are kept. Channels are standardised on the training
 * series; a window's residual is the sum over channels of the mean over its steps of |x − x̂|; the UCL,
 * 3/2 · the 0.99 quantile of the training windows' residuals (training data only), is the model's
 * {@link ControlLimited#controlLimit()}, and each step's score exceeds it exactly when the point rule
 * flags the step ({@link ConvAutoEncoderParams.PointRule}).
 *
 * <p>Time: O(epochs · W · w · h · (h + C)) for W training windows of w steps, h hidden units, C channels;
 * scoring one forward pass per window. Memory: weights plus one batch of windows.
 */
public final class LstmAutoEncoder implements Detector<Series> {

    static final String NAME = "lstm-ae";
    static final String ARCHITECTURE = "architecture";
    static final String UCL = WindowedAeModel.UCL;
    static final String WEIGHTS = "net.";

    private final LstmAutoEncoderParams params;

    public LstmAutoEncoder(LstmAutoEncoderParams params) {
        this.params = params;
    }

    @Override
    public Model<Series> fit(Series train, Context ctx) {
        int w = params.window();
        int steps = train.size();
        if (steps < w + 1) {
            throw new IllegalArgumentException(NAME + " needs at least window + 1 = " + (w + 1) + " training steps, got " + steps);
        }
        Standardizer scaler = Standardizer.fit(ConvAutoEncoder.asTable(train), NAME);
        int c = train.channels();
        float[] x = scaler.apply(ConvAutoEncoder.asTable(train), NAME);
        int windows = Windows.count(steps, w);
        Objective objective = new Objective() {
            @Override
            public NDList inputs(NDManager m, int[] rows) {
                return new NDList(Windows.timeFirst(m, x, c, w, rows));
            }

            @Override
            public NDArray loss(NDManager m, NDList outputs, int[] rows) {
                return outputs.singletonOrThrow().sub(Windows.timeFirst(m, x, c, w, rows)).abs().mean();
            }
        };
        // SKAB's LSTM-AE: model.fit(..., validation_split=0.1, shuffle=False, callbacks=[EarlyStopping(patience=5)])
        TrainConfig cfg = TrainConfig.adam(params.epochs(), params.batchSize(), params.learningRate(), 0)
                .keras(params.validationFraction(), params.patience(), false);
        Training.Result r = Training.fit(NAME, () -> network(c, params), new Shape[] {new Shape(2, w, c)}, windows, objective, cfg, WEIGHTS, ctx);
        Map<String, Tensor> state = new LinkedHashMap<>();
        state.put(ARCHITECTURE, Tensor.i64(architecture(c, params)));
        scaler.putInto(state);
        state.putAll(r.weights());
        return WindowedAeModel.withTrainingLimit(state, x, steps, params.uclFactor(), params.uclQuantile(),
                (st, ucl) -> new LstmAeModel(params, c, scaler, st, ucl), ctx);
    }

    static long[] architecture(int channels, LstmAutoEncoderParams p) {
        return new long[] {channels, p.window(), p.hidden()};
    }

    /** (b, w, C) → LSTM(h) → last state (b, h) → repeated w times (b, w, h) → LSTM(h) → per-step Dense(C) → (b, w, C). */
    static Block network(int channels, LstmAutoEncoderParams p) {
        int w = p.window();
        int h = p.hidden();
        SequentialBlock s = new SequentialBlock();
        s.add(new KerasLstm(h, KerasLstm.CellActivation.RELU, false));
        s.add(list -> new NDList(list.get(0).expandDims(1).repeat(1, w)));
        s.add(new KerasLstm(h, KerasLstm.CellActivation.RELU, true));
        s.add(list -> new NDList(list.get(0).reshape(-1, h)));
        Block dense = Linear.builder().setUnits(channels).build();
        dense.setInitializer(KerasInit.glorotUniform(), Parameter.Type.WEIGHT);
        s.add(dense);
        s.add(list -> new NDList(list.get(0).reshape(-1, w, channels)));
        return s;
    }

    /** A fitted LSTM-AE with its alarm threshold. */
    public static final class LstmAeModel extends WindowedAeModel {

        LstmAeModel(LstmAutoEncoderParams params, int channels, Standardizer scaler, Map<String, Tensor> state, double ucl) {
            super(NAME, channels, params.window(), false, params.pointRule(), () -> network(channels, params), WEIGHTS, scaler, state, ucl,
                    NAME + " " + Arrays.toString(architecture(channels, params)) + " (channels, window, hidden)");
        }

        static LstmAeModel restore(LstmAutoEncoderParams params, Map<String, Tensor> state) {
            long[] a = StateTensors.require(state, ARCHITECTURE, Tensor.DType.I64).longs();
            if (a.length != 3 || a[0] < 1 || a[0] > 1_000_000 || a[1] != params.window() || a[2] != params.hidden()) {
                throw new IllegalArgumentException(NAME + ": model state tensor '" + ARCHITECTURE + "' is " + Arrays.toString(a)
                        + " but the parameters give [channels, " + params.window() + ", " + params.hidden() + "]");
            }
            int c = (int) a[0];
            Standardizer scaler = Standardizer.from(state);
            if (scaler.cols() != c) {
                throw new IllegalArgumentException(NAME + ": the scaler has " + scaler.cols() + " channels but the architecture has " + c);
            }
            double ucl = StateTensors.doubles(state, UCL, 1)[0];
            LstmAeModel m = new LstmAeModel(params, c, scaler, state, ucl);
            m.checkLoads();
            return m;
        }
    }
}
