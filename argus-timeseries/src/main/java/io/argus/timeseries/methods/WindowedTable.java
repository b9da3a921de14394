package io.argus.timeseries.methods;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.Scores;
import io.argus.core.data.Series;
import io.argus.core.data.Table;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import io.argus.core.params.MethodProvider;
import io.argus.timeseries.prep.Normalizer;
import io.argus.timeseries.prep.Periods;
import io.argus.timeseries.prep.Windows;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A registered table method applied to the sliding windows of a series (TSB-AD's "Sub-" methods:
 * Sub-PCA, Sub-IForest, Sub-KNN, Sub-LOF). Each window of w steps becomes one row of w·C values (all
 * channels together, so on a multivariate series this is a channel-dependent, joint detector); the table
 * method fits on the training windows and scores the windows of the scored series; window scores go
 * back to steps centred ({@link Windows#spreadCentred}).
 *
 * <p>Liu and Paparrizos, "The Elephant in the Room: Towards a Reliable Time-Series Anomaly Detection
 * Benchmark" (TSB-AD), NeurIPS 2024 Datasets and Benchmarks: Sub-PCA leads TSB-AD-U's VUS-PR
 * leaderboard. The window is {@code window} when set, else TSB-AD's period estimate of the training
 * part's first channel times {@code periods}. Values are standardised per channel with statistics of
 * the training part ({@link Normalizer}) before windowing, so channels of different units weigh alike.
 *
 * <p>Time and memory: those of the table method on T − w + 1 rows of w·C columns.
 */
public final class WindowedTable implements Detector<Series> {

    private final String method;
    private final MethodProvider<Table, Record> table;
    private final Record tableParams;
    private final WindowedParams params;

    /**
     * @param method this method's registry name (for messages)
     * @param table the table method's provider
     * @param tableParams its parameters
     * @param params window choice
     */
    @SuppressWarnings("unchecked")
    public WindowedTable(String method, MethodProvider<Table, ? extends Record> table, Record tableParams, WindowedParams params) {
        this.method = method;
        this.table = (MethodProvider<Table, Record>) table;
        this.tableParams = tableParams;
        this.params = params;
    }

    @Override
    public Model<Series> fit(Series train, Context ctx) {
        int w = Periods.window(params.window(), params.periods(), train.channel(0));
        Windows.requireLength(train, w + 1, method);
        Normalizer norm = Normalizer.fit(train);
        Table windows = Windows.of(norm.apply(train.withoutLabels()), w);
        Model<Table> model = table.detector(tableParams).fit(windows, ctx);
        return new Fitted(method, w, norm, model);
    }

    /** Restores a model saved by {@link Fitted#state()}. */
    public Model<Series> restore(Map<String, Tensor> state) {
        int[] w = StateTensors.ints(state, "window", 1);
        Normalizer norm = Normalizer.restore(state, "norm.");
        Map<String, Tensor> sub = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : state.entrySet()) {
            if (e.getKey().startsWith("table.")) {
                sub.put(e.getKey().substring("table.".length()), e.getValue());
            }
        }
        return new Fitted(method, w[0], norm, table.restore(tableParams, sub));
    }

    /** The window, the normaliser and the fitted table model. */
    static final class Fitted implements Model<Series> {
        private final String method;
        private final int window;
        private final Normalizer norm;
        private final Model<Table> model;

        Fitted(String method, int window, Normalizer norm, Model<Table> model) {
            this.method = method;
            this.window = window;
            this.norm = norm;
            this.model = model;
        }

        @Override
        public Scores score(Series data, Context ctx) {
            Windows.requireLength(data, window, method);
            Table windows = Windows.of(norm.apply(data.withoutLabels()), window);
            double[] s = model.score(windows, ctx).values();
            return Scores.of(Windows.spreadCentred(s, window, data.steps()));
        }

        @Override
        public Map<String, Tensor> state() {
            Map<String, Tensor> s = new LinkedHashMap<>();
            s.put("window", Tensor.i32(new int[] {window}, 1));
            norm.saveTo(s, "norm.");
            for (Map.Entry<String, Tensor> e : model.state().entrySet()) {
                s.put("table." + e.getKey(), e.getValue());
            }
            return s;
        }
    }
}
