package io.argus.timeseries.stream;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Fit;
import io.argus.core.Model;
import io.argus.core.Scores;
import io.argus.core.data.Series;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import io.argus.core.threshold.ControlLimited;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@link CadOse} as a batch series detector: fitting learns the training steps, scoring runs
 * score-then-learn (as {@link StreamingSeriesDetector}). CAD OSE quantises values over a fixed range:
 * by default the minimum and maximum of the training steps, later values being clipped to it; under
 * NAB's harness convention ({@link InputRangeAware}) the range of the whole file.
 *
 * <p>Univariate: a series with more than one channel is rejected. The method's own label-free decision
 * is its alert level, a score ≥ {@link CadOseParams#baseThreshold()} (0.75).
 *
 * <p>A fitted model keeps the training steps and the range (tensor {@code range}, [min, max]); it is
 * {@link ControlLimited}, flagging exactly the steps whose score reaches the base threshold.
 */
public final class CadOseDetector implements Detector<Series>, InputRangeAware {

    /** The method's registry name. */
    public static final String NAME = "cad-ose";

    private final CadOseParams params;

    /** A detector with these parameters. */
    public CadOseDetector(CadOseParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** The method's own label-free decision: a step is flagged when its score is ≥ this (the base threshold). */
    public double decisionThreshold() {
        return params.baseThreshold();
    }

    /**
     * A streaming detector quantising over [min, max] whatever it is fitted on; its own decision
     * threshold is the base threshold. Its models hold the training steps but not the range (their
     * state restores with the training steps' range): it serves benchmark harnesses; fit this detector
     * itself for a model to keep.
     */
    @Override
    public StreamingSeriesDetector withInputRange(double min, double max) {
        checkRange(min, max);
        return new StreamingSeriesDetector(NAME, factory(params, min, max), params.baseThreshold());
    }

    @Override
    public Model<Series> fit(Series train, Context ctx) {
        double[] r = range(train);
        return new RangedModel(withInputRange(r[0], r[1]).fit(train, ctx), r[0], r[1], params.baseThreshold());
    }

    @Override
    public Fit<Series> fitScore(Series train, Context ctx) {
        double[] r = range(train);
        Fit<Series> f = withInputRange(r[0], r[1]).fitScore(train, ctx);
        return new Fit<>(new RangedModel(f.model(), r[0], r[1], params.baseThreshold()), f.trainingScores(), f.fitNanos(), f.scoreNanos());
    }

    /**
     * Rebuilds a model from {@link Model#state()}: tensors {@code train} [T, 1], {@code seed} [1] and
     * {@code range} [2] (min ≤ max, finite).
     *
     * @throws IllegalArgumentException naming the missing or malformed tensor
     */
    public static Model<Series> restore(CadOseParams params, Map<String, Tensor> state) {
        double[] r = StateTensors.doubles(state, "range", 2);
        try {
            checkRange(r[0], r[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model state tensor 'range': " + e.getMessage(), e);
        }
        Model<Series> inner = StreamingSeriesDetector.restore(NAME, factory(params, r[0], r[1]), state);
        return new RangedModel(inner, r[0], r[1], params.baseThreshold());
    }

    static OnlineFactory factory(CadOseParams params, double min, double max) {
        return (channels, seed) -> {
            requireUnivariate(channels, null);
            return new CadOse(params, min, max);
        };
    }

    private static void requireUnivariate(int channels, String source) {
        if (channels != 1) {
            throw new IllegalArgumentException(NAME + " is univariate: the series " + (source == null ? "" : source + " ") + "has "
                    + channels + " channels, expected 1 (channel-independent[method=cad-ose] runs it per channel)");
        }
    }

    private static void checkRange(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException(NAME + ": the value range must be finite with min <= max, got [" + min + ", " + max + "]");
        }
    }

    /** [min, max] of a univariate training series (values are finite: {@link Series} rejects others). */
    private static double[] range(Series train) {
        Objects.requireNonNull(train, "train");
        requireUnivariate(train.channels(), train.source());
        if (train.steps() == 0) {
            throw new IllegalArgumentException(NAME + ": the training series " + (train.source() == null ? "" : train.source() + " ")
                    + "is empty; at least one step is needed to fix the value range");
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float v : train.values()) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException(NAME + ": the training series holds a non-finite value " + v);
            }
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new double[] {lo, hi};
    }

    @Override
    public String toString() {
        return NAME + params;
    }

    /** A streaming model plus the value range it quantises over and its alert level. */
    private static final class RangedModel implements Model<Series>, ControlLimited {
        private final Model<Series> inner;
        private final double min;
        private final double max;
        private final double alert;

        RangedModel(Model<Series> inner, double min, double max, double alert) {
            this.inner = inner;
            this.min = min;
            this.max = max;
            this.alert = alert;
        }

        /** Just below the base threshold, so that "score &gt; limit" flags the scores that reach it. */
        @Override
        public double controlLimit() {
            return Math.nextDown(alert);
        }

        @Override
        public Scores score(Series data, Context ctx) {
            return inner.score(data, ctx);
        }

        @Override
        public Map<String, Tensor> state() {
            Map<String, Tensor> s = new LinkedHashMap<>(inner.state());
            s.put("range", Tensor.f64(new double[] {min, max}, 2));
            return s;
        }

        @Override
        public String toString() {
            return inner + "[range=[" + min + ", " + max + "]]";
        }
    }
}
