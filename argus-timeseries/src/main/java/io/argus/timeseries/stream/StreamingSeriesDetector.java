package io.argus.timeseries.stream;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Fit;
import io.argus.core.Model;
import io.argus.core.Scores;
import io.argus.core.data.Series;
import io.argus.core.data.StepChannelScores;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Any {@link OnlineDetector} used as a batch {@link Detector} over series: fitting feeds the training
 * steps to a fresh online detector ({@link OnlineDetector#learn}); scoring runs score-then-learn over
 * the steps of the scored series, in order, starting from the state fitting left. Each score therefore
 * depends only on the training data and the steps before it, exactly as when the method runs on a live
 * stream.
 *
 * <p>The fitted model is immutable: it keeps the training steps and the seed, and each call to
 * {@link Model#score} replays them into a fresh online detector (O(training steps) extra work per call)
 * instead of sharing mutable state. {@link #fitScore} scores the training series itself
 * score-then-learn from an empty detector, the unsupervised "stream over the whole series" protocol.
 *
 * <p>Time and memory: those of the online method per step; the model additionally holds the training
 * steps (T·C floats). Use the online detector directly for unbounded streams.
 */
public final class StreamingSeriesDetector implements Detector<Series> {

    private final String method;
    private final OnlineFactory factory;
    private final double decisionThreshold;

    /**
     * @param method the method's registry name, for error messages
     * @param factory makes a fresh online detector per fit and per scoring pass
     */
    public StreamingSeriesDetector(String method, OnlineFactory factory) {
        this(method, factory, Double.NaN);
    }

    /**
     * @param method the method's registry name, for error messages
     * @param factory makes a fresh online detector per fit and per scoring pass
     * @param decisionThreshold the method's own label-free decision (a step is flagged when its score is
     *        ≥ this), or NaN when the method has none
     */
    public StreamingSeriesDetector(String method, OnlineFactory factory, double decisionThreshold) {
        this.method = Objects.requireNonNull(method, "method");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.decisionThreshold = decisionThreshold;
    }

    /**
     * The method's own decision threshold, chosen without labels (KNN-CAD's alert level, the thresholded
     * forest's "grade &gt; 0"), when it has one.
     */
    public java.util.OptionalDouble decisionThreshold() {
        return Double.isNaN(decisionThreshold) ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(decisionThreshold);
    }

    /** The method's registry name. */
    public String method() {
        return method;
    }

    @Override
    public Model<Series> fit(Series train, Context ctx) {
        Objects.requireNonNull(train, "train");
        return new StreamingSeriesModel(method, factory, train.channels(), train.values().clone(), ctx.seed());
    }

    @Override
    public Fit<Series> fitScore(Series train, Context ctx) {
        long t0 = System.nanoTime();
        StreamingSeriesModel model = new StreamingSeriesModel(method, factory, train.channels(), train.values().clone(), ctx.seed());
        long t1 = System.nanoTime();
        OnlineDetector online = factory.create(train.channels(), ctx.seed());
        Scores scores = run(online, train, ctx);
        return new Fit<>(model, scores, t1 - t0, System.nanoTime() - t1);
    }

    /** Score-then-learn over every step of {@code data}; localization when the method scores channels. */
    static Scores run(OnlineDetector online, Series data, Context ctx) {
        int t = data.steps();
        int c = data.channels();
        float[] v = data.values();
        double[] out = new double[t];
        double[] perChannel = null;
        float[] point = new float[c];
        for (int i = 0; i < t; i++) {
            if ((i & 0xFFFF) == 0) {
                ctx.checkCancelled();
            }
            System.arraycopy(v, i * c, point, 0, c);
            out[i] = online.scoreAndUpdate(point);
            double[] ch = online.lastChannelScores();
            if (ch != null) {
                if (perChannel == null) {
                    perChannel = new double[t * c];
                }
                System.arraycopy(ch, 0, perChannel, i * c, c);
            }
        }
        return Scores.of(out, perChannel == null ? null : new StepChannelScores(t, c, perChannel));
    }

    /** The fitted state: the training steps and the seed, replayed into a fresh online detector per scoring pass. */
    static final class StreamingSeriesModel implements Model<Series> {
        private final String method;
        private final OnlineFactory factory;
        private final int channels;
        private final float[] train;
        private final long seed;

        StreamingSeriesModel(String method, OnlineFactory factory, int channels, float[] train, long seed) {
            this.method = method;
            this.factory = factory;
            this.channels = channels;
            this.train = train;
            this.seed = seed;
        }

        @Override
        public Scores score(Series data, Context ctx) {
            if (data.channels() != channels) {
                throw new IllegalArgumentException(method + ": the model was fitted on " + channels + " channel(s), the scored series "
                        + (data.source() == null ? "" : data.source() + " ") + "has " + data.channels());
            }
            OnlineDetector online = factory.create(channels, seed);
            float[] point = new float[channels];
            for (int i = 0; i < train.length / channels; i++) {
                System.arraycopy(train, i * channels, point, 0, channels);
                online.learn(point);
            }
            return run(online, data, ctx);
        }

        @Override
        public Map<String, Tensor> state() {
            Map<String, Tensor> s = new LinkedHashMap<>();
            s.put("train", Tensor.f32(train, train.length / channels, channels));
            s.put("seed", Tensor.i64(new long[] {seed}, 1));
            return s;
        }

        @Override
        public String toString() {
            return method + "[channels=" + channels + ", training steps=" + train.length / channels + "]";
        }
    }

    /**
     * Rebuilds a model from {@link Model#state()}: tensor {@code train} of shape [T, C] (finite values)
     * and {@code seed} of shape [1].
     *
     * @throws IllegalArgumentException naming the missing or malformed tensor
     */
    public static Model<Series> restore(String method, OnlineFactory factory, Map<String, Tensor> state) {
        long[] shape = StateTensors.shape(state, "train", 2);
        if (shape[1] < 1 || shape[0] * shape[1] > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("model state tensor 'train' has an unusable shape " + Arrays.toString(shape));
        }
        float[] train = StateTensors.floats(state, "train", (int) (shape[0] * shape[1]));
        for (int i = 0; i < train.length; i++) {
            if (!Float.isFinite(train[i])) {
                throw new IllegalArgumentException("model state tensor 'train' holds a non-finite value at index " + i);
            }
        }
        Tensor seed = StateTensors.require(state, "seed", Tensor.DType.I64);
        if (seed.length() != 1) {
            throw new IllegalArgumentException("model state tensor 'seed' has " + seed.length() + " elements, expected 1");
        }
        return new StreamingSeriesModel(method, factory, (int) shape[1], train, seed.longs()[0]);
    }
}
