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
import io.argus.timeseries.io.UcrReader;
import io.argus.timeseries.io.UcrReader.UcrSeries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The UCR Time Series Anomaly Archive (Wu and Keogh, IEEE TKDE 2021) under its own protocol: fit on the
 * training part (points 1..trainEnd), score the whole series, and count a hit when the top-scoring step
 * after the training part lies inside the labelled anomaly ± {@value #TOLERANCE} steps (the archive's
 * rule). Also VUS-PR and VUS-ROC on the part after training. The corpus row holds the hit rate and the
 * mean VUS over the series.
 */
public final class UcrSuite implements Suite<UcrSeries> {

    /** The archive's tolerance around the labelled anomaly, in steps. */
    public static final int TOLERANCE = 100;

    @Override
    public String name() {
        return "ucr";
    }

    @Override
    public String description() {
        return "UCR anomaly archive (one anomaly per series); fit on the training prefix, hit = top score within the anomaly ±100";
    }

    @Override
    public String folder() {
        return "ucr_anomaly";
    }

    @Override
    public List<String> metrics() {
        return List.of("ucr_hit", "vus_pr", "vus_roc", "top_step");
    }

    @Override
    public List<DatasetRef> datasets(Path dataRoot) {
        Path dir = dataRoot.resolve(folder());
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(UcrReader::matches).sorted()
                    .map(p -> new DatasetRef(name(), p.getFileName().toString().replaceFirst("\\.txt$", ""), p)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    @Override
    public Class<? extends Dataset> dataType() {
        return Series.class;
    }

    @Override
    public UcrSeries load(DatasetRef ref) {
        return UcrReader.read(ref.file());
    }

    @Override
    public Outcome run(UcrSeries data, Detector<?> detector, Context ctx) {
        @SuppressWarnings("unchecked")
        Detector<Series> d = (Detector<Series>) detector;
        long t0 = System.nanoTime();
        Model<Series> model = d.fit(data.train(), ctx);
        long t1 = System.nanoTime();
        double[] scores = model.score(data.series().withoutLabels(), ctx).values();
        long t2 = System.nanoTime();
        int start = data.trainEnd();
        int best = start;
        for (int t = start; t < scores.length; t++) {
            if (scores[t] > scores[best]) {
                best = t;
            }
        }
        boolean hit = best >= data.anomaly().start() - TOLERANCE && best <= data.anomaly().end() + TOLERANCE;
        double[] testScores = Arrays.copyOfRange(scores, start, scores.length);
        int[] testLabels = Arrays.copyOfRange(data.series().labels().orElseThrow(), start, scores.length);
        Vus.Result vus = SeriesEvaluation.vus(testScores, testLabels, data.series().slice(start, scores.length).channel(0));
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("ucr_hit", hit ? 1.0 : 0.0);
        m.put("vus_pr", vus.pr());
        m.put("vus_roc", vus.roc());
        m.put("top_step", (double) best);
        return new Outcome(scores.length, (t1 - t0) / 1e9, (t2 - t1) / 1e9, m);
    }

    @Override
    public Map<String, Double> corpus(List<ResultRow> rows) {
        double hits = 0;
        double pr = 0;
        double roc = 0;
        int n = 0;
        for (ResultRow r : rows) {
            if (!r.ok()) {
                hits += 0; // a failed or timed-out series counts as a miss
                n++;
                continue;
            }
            hits += r.metrics().get("ucr_hit");
            pr += r.metrics().get("vus_pr");
            roc += r.metrics().get("vus_roc");
            n++;
        }
        if (n == 0) {
            return Map.of();
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("ucr_hit", hits / n);
        m.put("vus_pr", pr / n);
        m.put("vus_roc", roc / n);
        return m;
    }
}
