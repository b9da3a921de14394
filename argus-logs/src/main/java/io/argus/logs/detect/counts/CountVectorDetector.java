package io.argus.logs.detect.counts;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.Scores;
import io.argus.core.data.Table;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import io.argus.core.params.MethodProvider;
import io.argus.core.params.MethodRegistry;
import io.argus.core.params.Params;
import io.argus.logs.detect.CountFeatures;
import io.argus.logs.detect.EventReason;
import io.argus.logs.detect.ExplainsSessions;
import io.argus.logs.detect.Explanations;
import io.argus.logs.session.EventSessions;
import io.argus.tabular.explain.FeatureContributions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Any registered table detector (Isolation Forest, LOF, ECOD, ...) on the event-count vectors of
 * sessions, as loglizer runs its unsupervised table models (IsolationForest, LOF, OneClassSVM) on the
 * output of its {@code FeatureExtractor}.
 *
 * <p>Score: the table method's score of the session's count vector. Explanation: the table method's
 * per-feature contributions when it has them ({@link FeatureContributions}), else the events whose
 * feature deviates most from its training mean, in training standard deviations. Time and memory: those
 * of the table method on an n × m table, m the events seen in training.
 */
public final class CountVectorDetector implements Detector<EventSessions> {

    private final CountsParams params;
    private final MethodProvider<Table, ?> inner;

    /**
     * A detector with these parameters; the table method is looked up in {@code registry}.
     *
     * @throws IllegalArgumentException when the method is unknown, is not a table method, or its parameters do not parse
     */
    public CountVectorDetector(CountsParams params, MethodRegistry registry) {
        this.params = Objects.requireNonNull(params, "params");
        this.inner = tableMethod(registry, params.method());
        innerParams(inner, params.params());
    }

    @SuppressWarnings("unchecked")
    static MethodProvider<Table, ?> tableMethod(MethodRegistry registry, String name) {
        MethodProvider<?, ?> p = registry.get(name).provider();
        if (!p.dataType().isAssignableFrom(Table.class)) {
            throw new IllegalArgumentException("counts: method '" + name + "' reads " + p.modality() + " data, not tables");
        }
        return (MethodProvider<Table, ?>) p;
    }

    static <P extends Record> P innerParams(MethodProvider<Table, P> provider, String text) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("counts: parameter '" + pair.trim() + "' of " + provider.name() + " is not name=value");
            }
            map.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return Params.parse(provider.paramsType(), provider.defaults(), map, provider.name());
    }

    private static <P extends Record> Detector<Table> innerDetector(MethodProvider<Table, P> provider, String text) {
        return provider.detector(innerParams(provider, text));
    }

    static <P extends Record> Model<Table> innerRestore(MethodProvider<Table, P> provider, String text, Map<String, Tensor> state) {
        return provider.restore(innerParams(provider, text), state);
    }

    @Override
    public Model<EventSessions> fit(EventSessions train, Context ctx) {
        CountFeatures f = CountFeatures.fit(train, params.weighting(), params.normalization(), params.oov());
        double[][] x = f.transform(train);
        int m = f.width();
        double[] mean = new double[m];
        double[] sd = new double[m];
        for (double[] row : x) {
            for (int j = 0; j < m; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < m; j++) {
            mean[j] /= x.length;
        }
        for (double[] row : x) {
            for (int j = 0; j < m; j++) {
                sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
        }
        for (int j = 0; j < m; j++) {
            sd[j] = Math.sqrt(sd[j] / x.length);
        }
        Model<Table> model = innerDetector(inner, params.params()).fit(f.table(train.withoutLabels()), ctx);
        return new Trained(f, model, mean, sd);
    }

    /** A table model on count vectors. Immutable when the table model is. */
    public static final class Trained implements Model<EventSessions>, ExplainsSessions {
        private final CountFeatures features;
        private final Model<Table> model;
        private final double[] mean;
        private final double[] sd;

        Trained(CountFeatures features, Model<Table> model, double[] mean, double[] sd) {
            this.features = features;
            this.model = model;
            this.mean = mean;
            this.sd = sd;
        }

        /** The table model. */
        public Model<Table> tableModel() {
            return model;
        }

        @Override
        public Scores score(EventSessions data, Context ctx) {
            return model.score(features.table(data.withoutLabels()), ctx);
        }

        @Override
        public List<EventReason> explain(EventSessions data, int i, int limit) {
            Explanations.check(i, data.size(), limit);
            EventSessions one = data.select(new int[] {i});
            double[] raw = features.rawCounts(one)[0];
            double[] x = features.transform(one)[0];
            if (model instanceof FeatureContributions fc) {
                double[] w = fc.contributions(features.table(one.withoutLabels()), 0);
                return Explanations.top(w, limit, features::columnName,
                        j -> String.format(Locale.ROOT, "%.0f occurrence(s); contributes %.4g to the score", raw[j], w[j]));
            }
            double[] w = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                w[j] = Math.abs(x[j] - mean[j]) / (sd[j] > 0 ? sd[j] : 1e-9);
            }
            return Explanations.top(w, limit, features::columnName, j -> String.format(Locale.ROOT,
                    "%.0f occurrence(s), %.3g training standard deviations from the normal mean %.3g", raw[j], w[j], mean[j]));
        }

        @Override
        public Map<String, Tensor> state() {
            Map<String, Tensor> s = new LinkedHashMap<>(features.state("features."));
            s.put("mean", Tensor.f64(mean));
            s.put("sd", Tensor.f64(sd));
            model.state().forEach((k, t) -> s.put("table." + k, t));
            return s;
        }

        /** Rebuilds a model from {@link #state()} with the table method of {@code params}. */
        public static Trained restore(CountsParams params, Map<String, Tensor> state, MethodRegistry registry) {
            CountFeatures f = CountFeatures.restore(state, "features.");
            double[] mean = StateTensors.doubles(state, "mean", f.width());
            double[] sd = StateTensors.doubles(state, "sd", f.width());
            Map<String, Tensor> inner = new LinkedHashMap<>();
            state.forEach((k, t) -> {
                if (k.startsWith("table.")) {
                    inner.put(k.substring("table.".length()), t);
                }
            });
            return new Trained(f, innerRestore(tableMethod(registry, params.method()), params.params(), inner), mean, sd);
        }
    }
}
