package io.argus.deep.series;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.argus.core.Context;
import io.argus.core.Model;
import io.argus.core.Scores;
import io.argus.core.data.Series;
import io.argus.core.model.Tensor;
import io.argus.core.threshold.ControlLimited;
import io.argus.deep.nn.Network;
import io.argus.deep.nn.Standardizer;
import io.argus.deep.nn.Torch;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * What a fitted window autoencoder ({@code conv-ae}, {@code lstm-ae}) does once trained: standardise a
 * series with the training scaler, reconstruct every window, turn the window residuals into step scores
 * by the point rule, and carry the alarm limit (UCL) from training residuals. The methods differ only in
 * the network and in the window layout it reads (channel-major or time-major).
 */
abstract class WindowedAeModel implements Model<Series>, ControlLimited {

    /** The state tensor holding the UCL. */
    static final String UCL = "ucl";
    private static final int SCORE_BATCH = 1024;

    private final String name;
    private final int channels;
    private final int window;
    private final boolean channelsFirst;
    private final ConvAutoEncoderParams.PointRule pointRule;
    private final Supplier<Block> network;
    private final String weightsPrefix;
    private final Standardizer scaler;
    private final Map<String, Tensor> state;
    private final double ucl;
    private final String description;

    WindowedAeModel(String name, int channels, int window, boolean channelsFirst, ConvAutoEncoderParams.PointRule pointRule,
            Supplier<Block> network, String weightsPrefix, Standardizer scaler, Map<String, Tensor> state, double ucl, String description) {
        this.name = name;
        this.channels = channels;
        this.window = window;
        this.channelsFirst = channelsFirst;
        this.pointRule = pointRule;
        this.network = network;
        this.weightsPrefix = weightsPrefix;
        this.scaler = scaler;
        this.state = Collections.unmodifiableMap(new LinkedHashMap<>(state));
        this.ucl = ucl;
        this.description = description;
    }

    /**
     * The final model of a fit: scores the training windows with a provisional model, puts the UCL
     * ({@code factor} times the {@code quantile} of those residuals) into {@code state}, and builds the model.
     */
    static <M extends WindowedAeModel> M withTrainingLimit(Map<String, Tensor> state, float[] scaledTrain, int steps, double factor,
            double quantile, BiFunction<Map<String, Tensor>, Double, M> make, Context ctx) {
        M provisional = make.apply(state, Double.NaN);
        double limit = factor * Windows.quantile(provisional.windowResiduals(scaledTrain, steps, ctx), quantile);
        state.put(UCL, Tensor.f64(new double[] {limit}));
        return make.apply(state, limit);
    }

    /** Loads the weights once, so that a restored state whose tensors do not fit the network is refused now. */
    void checkLoads() {
        Torch.call(1, () -> {
            try (Network n = load()) {
                return null;
            }
        });
    }

    private Network load() {
        Shape input = channelsFirst ? new Shape(2, channels, window) : new Shape(2, window, channels);
        return Network.load(network, new Shape[] {input}, state, weightsPrefix, description);
    }

    /** The alarm threshold on step scores (the UCL from training residuals): a step is flagged when its score is above it. */
    public double threshold() {
        return ucl;
    }

    @Override
    public double controlLimit() {
        return ucl;
    }

    double[] windowResiduals(float[] x, int steps, Context ctx) {
        int windows = Windows.count(steps, window);
        return Torch.call(ctx, () -> {
            try (Network net = load()) {
                return Windows.residuals(net, windows, SCORE_BATCH, ctx,
                        (m, starts) -> channelsFirst ? Windows.channelsFirst(m, x, channels, window, starts)
                                : Windows.timeFirst(m, x, channels, window, starts),
                        channelsFirst, channels, window);
            }
        });
    }

    @Override
    public Scores score(Series data, Context ctx) {
        if (data.channels() != channels) {
            throw new IllegalArgumentException("shape mismatch: the model was fitted on " + channels + " channels, the series has "
                    + data.channels());
        }
        if (data.size() < window) {
            throw new IllegalArgumentException(name + ": the series has " + data.size() + " steps, fewer than the window " + window);
        }
        float[] x = scaler.apply(ConvAutoEncoder.asTable(data), name);
        return Scores.of(Windows.stepScores(windowResiduals(x, data.size(), ctx), window, pointRule, ucl));
    }

    @Override
    public Map<String, Tensor> state() {
        return state;
    }
}
