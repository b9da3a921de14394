package io.argus.bench.series;

import io.argus.bench.DatasetRef;
import io.argus.bench.ResultRow;
import io.argus.bench.Suite;
import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Dataset;
import io.argus.core.data.Series;
import io.argus.metrics.series.Vus;
import io.argus.timeseries.io.SkabReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Skoltech Anomaly Benchmark's outlier-detection protocol (github.com/waico/SKAB, README's
 * leaderboard and notebooks): for each of the 34 labelled files, fit on its first {@value #TRAIN_ROWS}
 * rows (anomaly-free by construction), score the rest, flag steps above a threshold chosen without labels
 * ({@link SeriesEvaluation#threshold}), and evaluate the flags as binary classification. The corpus row
 * pools the confusion counts of all files into F1, FAR and MAR (%), the leaderboard's figures (PCA T²+Q:
 * F1 0.76, FAR 26.62, MAR 24.92). Per-file rows also hold VUS-PR / VUS-ROC and range-F1, and the
 * confusion counts the corpus row is computed from.
 */
public final class SkabSuite implements Suite<Series> {

    /** SKAB's training part: the first 400 rows of each file. */
    public static final int TRAIN_ROWS = 400;

    @Override
    public String name() {
        return "skab";
    }

    @Override
    public String description() {
        return "SKAB outlier detection; fit on each file's first 400 rows, threshold from training only; pooled F1/FAR/MAR on row ALL";
    }

    @Override
    public String folder() {
        return "skab";
    }

    @Override
    public List<String> metrics() {
        return List.of("f1", "far", "mar", "range_f1", "vus_pr", "vus_roc", "tp", "fp", "fn", "tn");
    }

    @Override
    public List<DatasetRef> datasets(Path dataRoot) {
        Path dir = dataRoot.resolve(folder());
        List<DatasetRef> out = new ArrayList<>();
        for (Path p : SkabReader.labelledFiles(dir)) {
            String name = p.getParent().getFileName() + "_" + p.getFileName().toString().replaceFirst("\\.csv$", "");
            out.add(new DatasetRef(name(), name, p));
        }
        return out;
    }

    @Override
    public Class<? extends Dataset> dataType() {
        return Series.class;
    }

    @Override
    public Series load(DatasetRef ref) {
        return SkabReader.read(ref.file());
    }

    @Override
    public Outcome run(Series data, Detector<?> detector, Context ctx) {
        if (data.steps() <= TRAIN_ROWS) {
            throw new IllegalArgumentException(data.source() + ": " + data.steps() + " rows, SKAB's protocol needs more than " + TRAIN_ROWS);
        }
        @SuppressWarnings("unchecked")
        Detector<Series> d = (Detector<Series>) detector;
        Series train = data.slice(0, TRAIN_ROWS).withoutLabels();
        Series test = data.slice(TRAIN_ROWS, data.steps());
        long t0 = System.nanoTime();
        Model<Series> model = d.fit(train, ctx);
        double threshold = SeriesEvaluation.threshold(model, model.score(train, ctx).values());
        long t1 = System.nanoTime();
        double[] scores = model.score(test.withoutLabels(), ctx).values();
        long t2 = System.nanoTime();
        int[] labels = test.labels().orElseThrow(() -> new IllegalArgumentException(data.source() + ": no anomaly column"));
        SeriesEvaluation.Counts c = SeriesEvaluation.Counts.of(scores, labels, threshold);
        Vus.Result vus = SeriesEvaluation.vus(scores, labels, test.channel(0));
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("f1", c.f1());
        m.put("far", c.far());
        m.put("mar", c.mar());
        m.put("range_f1", SeriesEvaluation.rangeF1(scores, labels, threshold));
        m.put("vus_pr", vus.pr());
        m.put("vus_roc", vus.roc());
        m.put("tp", (double) c.tp());
        m.put("fp", (double) c.fp());
        m.put("fn", (double) c.fn());
        m.put("tn", (double) c.tn());
        return new Outcome(test.steps(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, m);
    }

    @Override
    public Map<String, Double> corpus(List<ResultRow> rows) {
        SeriesEvaluation.Counts total = new SeriesEvaluation.Counts(0, 0, 0, 0);
        int ok = 0;
        for (ResultRow r : rows) {
            if (!r.ok()) {
                continue;
            }
            Map<String, Double> m = r.metrics();
            total = total.plus(new SeriesEvaluation.Counts(m.get("tp").longValue(), m.get("fp").longValue(), m.get("fn").longValue(),
                    m.get("tn").longValue()));
            ok++;
        }
        if (ok == 0 || ok < rows.size()) {
            return Map.of(); // a pooled figure over a partial corpus would not be SKAB's figure
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("f1", total.f1());
        m.put("far", total.far());
        m.put("mar", total.mar());
        m.put("tp", (double) total.tp());
        m.put("fp", (double) total.fp());
        m.put("fn", (double) total.fn());
        m.put("tn", (double) total.tn());
        return m;
    }
}
