package io.argus.timeseries.methods;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.Scores;
import io.argus.core.data.Series;
import io.argus.core.data.StepChannelScores;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The channel-independent wrapper: one univariate model per channel, each fitted on its own channel's
 * training values, their scores calibrated and aggregated into one score per step, with the calibrated
 * score per step <em>and</em> channel kept as {@link StepChannelScores} localization (which channel is
 * anomalous).
 *
 * <p>This is the "CI" design of multivariate anomaly detection (e.g. the channel-independent probes of
 * "Anomalies in Multivariate Time Series Benchmarks Are Mostly Univariate", and TSB-AD's practice of
 * running univariate methods per channel). Raw scores of different channels are on different scales,
 * so each channel's score is calibrated robustly on its training scores: z = (s − median) / IQR (IQR 0
 * becomes 1), then aggregated by {@link Aggregation}. A univariate series skips the calibration (an
 * increasing affine map changes no ranking) and returns the raw scores.
 *
 * <p>Time: C times the univariate method's cost (fit also scores the training part once per channel
 * when C &gt; 1). Memory: C univariate models.
 */
public final class ChannelIndependent implements Detector<Series> {

    private final UnivariateDetector inner;
    private final Aggregation aggregation;

    /** Wraps a univariate method. */
    public ChannelIndependent(UnivariateDetector inner, Aggregation aggregation) {
        this.inner = inner;
        this.aggregation = aggregation;
    }

    @Override
    public Model<Series> fit(Series train, Context ctx) {
        int c = train.channels();
        UnivariateModel[] models = new UnivariateModel[c];
        double[] median = new double[c];
        double[] iqr = new double[c];
        Arrays.fill(iqr, 1.0);
        for (int k = 0; k < c; k++) {
            double[] x = channel(train, k);
            models[k] = inner.fit(x, ctx);
            if (c > 1) {
                double[] s = models[k].score(x, ctx).clone();
                Arrays.sort(s);
                median[k] = quantile(s, 0.5);
                double q = quantile(s, 0.75) - quantile(s, 0.25);
                iqr[k] = q > 0 ? q : 1.0;
            }
        }
        return new PerChannelModel(inner.name(), models, median, iqr, aggregation);
    }

    /** Restores a model saved from {@link PerChannelModel#state()}. */
    public static Model<Series> restore(String method, Map<String, Tensor> state, Aggregation aggregation,
            Function<Map<String, Tensor>, UnivariateModel> restoreOne) {
        double[] cal = StateTensors.doubles(state, "calibration");
        if (cal.length % 2 != 0 || cal.length == 0) {
            throw new IllegalArgumentException("model state tensor 'calibration' must hold 2 values per channel, got " + cal.length);
        }
        int c = cal.length / 2;
        UnivariateModel[] models = new UnivariateModel[c];
        for (int k = 0; k < c; k++) {
            String prefix = "c" + k + ".";
            Map<String, Tensor> sub = new LinkedHashMap<>();
            for (Map.Entry<String, Tensor> e : state.entrySet()) {
                if (e.getKey().startsWith(prefix)) {
                    sub.put(e.getKey().substring(prefix.length()), e.getValue());
                }
            }
            models[k] = restoreOne.apply(sub);
        }
        return new PerChannelModel(method, models, Arrays.copyOfRange(cal, 0, c), Arrays.copyOfRange(cal, c, 2 * c), aggregation);
    }

    static double[] channel(Series s, int k) {
        double[] x = new double[s.steps()];
        float[] v = s.values();
        int c = s.channels();
        for (int t = 0; t < x.length; t++) {
            x[t] = v[t * c + k];
        }
        return x;
    }

    /** Linear-interpolation quantile of sorted values (numpy's default). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** One univariate model per channel with its calibration. */
    static final class PerChannelModel implements Model<Series> {
        private final String method;
        private final UnivariateModel[] models;
        private final double[] median;
        private final double[] iqr;
        private final Aggregation aggregation;

        PerChannelModel(String method, UnivariateModel[] models, double[] median, double[] iqr, Aggregation aggregation) {
            this.method = method;
            this.models = models;
            this.median = median;
            this.iqr = iqr;
            this.aggregation = aggregation;
        }

        @Override
        public Scores score(Series data, Context ctx) {
            int c = models.length;
            if (data.channels() != c) {
                throw new IllegalArgumentException(method + ": model was fitted on " + c + " channel(s), the series has " + data.channels());
            }
            int n = data.steps();
            if (c == 1) {
                return Scores.of(models[0].score(channel(data, 0), ctx));
            }
            double[] per = new double[n * c];
            for (int k = 0; k < c; k++) {
                double[] s = models[k].score(channel(data, k), ctx);
                for (int t = 0; t < n; t++) {
                    per[t * c + k] = (s[t] - median[k]) / iqr[k];
                }
            }
            double[] out = new double[n];
            for (int t = 0; t < n; t++) {
                out[t] = aggregation.combine(per, t * c, c);
            }
            return Scores.of(out, new StepChannelScores(n, c, per));
        }

        @Override
        public Map<String, Tensor> state() {
            Map<String, Tensor> s = new LinkedHashMap<>();
            int c = models.length;
            double[] cal = new double[2 * c];
            System.arraycopy(median, 0, cal, 0, c);
            System.arraycopy(iqr, 0, cal, c, c);
            s.put("calibration", Tensor.f64(cal, 2, c));
            for (int k = 0; k < c; k++) {
                for (Map.Entry<String, Tensor> e : models[k].state().entrySet()) {
                    s.put("c" + k + "." + e.getKey(), e.getValue());
                }
            }
            return s;
        }
    }
}
