package io.argus.bench;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Fit;
import io.argus.core.data.Dataset;
import io.argus.core.data.Table;
import io.argus.metrics.BinaryMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A suite of labelled tables under the unsupervised protocol of ADBench and PyOD: fit and score on all
 * rows (a training row is not its own neighbour), labels only for evaluation, metrics from
 * {@link BinaryMetrics} by name.
 */
public abstract class TableSuite implements Suite<Table> {

    @Override
    public List<String> metrics() {
        return List.of("auroc", "ap");
    }

    @Override
    public final Class<? extends Dataset> dataType() {
        return Table.class;
    }

    @Override
    public Outcome run(Table table, Detector<?> detector, Context ctx) {
        int[] labels = table.labels().orElseThrow(() -> new IllegalArgumentException(
                table.source().orElse(name()) + ": no labels to evaluate against"));
        @SuppressWarnings("unchecked")
        Detector<Table> d = (Detector<Table>) detector;
        Fit<Table> fit = d.fitScore(table.withoutLabels(), ctx);
        double[] scores = fit.trainingScores().values();
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String m : metrics()) {
            metrics.put(m, BinaryMetrics.byName(m).compute(scores, labels));
        }
        return new Outcome(table.rows(), fit.fitNanos() / 1e9, fit.scoreNanos() / 1e9, metrics);
    }
}
