package io.argus.bench.series;

import io.argus.bench.DatasetRef;
import io.argus.bench.Suite;
import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Dataset;
import io.argus.core.data.Series;
import io.argus.metrics.series.Vus;
import io.argus.timeseries.io.SeriesCsvReader;
import io.argus.timeseries.prep.RawSeries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Users' own series: a folder of CSV files (pass the folder itself as {@code --data}), one series per
 * file, with a header, an optional {@code timestamp} column, value columns, a {@code label} column (1 =
 * anomalous step) and an optional {@code train} column (1 = the step belongs to the training part).
 * With a training column the detector fits on the training steps (in order) and is evaluated on the
 * others; without one it fits and is evaluated on the whole series (unsupervised). Files are read with
 * the strict policy ({@link io.argus.timeseries.prep.CleaningPolicy#STRICT}): unsorted or duplicate
 * timestamps and missing values fail with the file and line. Metrics: VUS-PR, VUS-ROC, and F1, range-F1,
 * FAR, MAR at the label-free threshold of {@link SeriesEvaluation#threshold}.
 */
public final class SeriesDirSuite implements Suite<RawSeries.Cleaned> {

    @Override
    public String name() {
        return "series-dir";
    }

    @Override
    public String description() {
        return "a folder of CSV series (timestamp?, values, label, train?): pass the folder as --data";
    }

    @Override
    public String folder() {
        return ".";
    }

    @Override
    public List<String> metrics() {
        return List.of("vus_pr", "vus_roc", "f1", "range_f1", "far", "mar");
    }

    @Override
    public List<DatasetRef> datasets(Path dataRoot) {
        Path dir = dataRoot.resolve(folder()).normalize();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")).sorted()
                    .map(p -> new DatasetRef(name(), p.getFileName().toString().replaceFirst("(?i)\\.csv$", ""), p)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    @Override
    public Class<? extends Dataset> dataType() {
        return Series.class;
    }

    @Override
    public RawSeries.Cleaned load(DatasetRef ref) {
        RawSeries.Cleaned c = SeriesCsvReader.defaults().read(ref.file());
        if (c.series().labels().isEmpty()) {
            throw new IllegalArgumentException(ref.file() + ": no 'label' column to evaluate against");
        }
        return c;
    }

    @Override
    public Outcome run(RawSeries.Cleaned data, Detector<?> detector, Context ctx) {
        @SuppressWarnings("unchecked")
        Detector<Series> d = (Detector<Series>) detector;
        Series all = data.series();
        int[] trainFlags = data.train();
        Series train = trainFlags == null ? all.withoutLabels() : select(all, trainFlags, 1).withoutLabels();
        Series eval = trainFlags == null ? all : select(all, trainFlags, 0);
        if (train.steps() == 0 || eval.steps() == 0) {
            throw new IllegalArgumentException(all.source() + ": the train column leaves " + train.steps() + " training and " + eval.steps()
                    + " evaluation steps; both must be non-empty");
        }
        long t0 = System.nanoTime();
        Model<Series> model = d.fit(train, ctx);
        double threshold = SeriesEvaluation.threshold(model, model.score(train, ctx).values());
        long t1 = System.nanoTime();
        double[] scores = model.score(eval.withoutLabels(), ctx).values();
        long t2 = System.nanoTime();
        int[] labels = eval.labels().orElseThrow();
        SeriesEvaluation.Counts c = SeriesEvaluation.Counts.of(scores, labels, threshold);
        Vus.Result vus = SeriesEvaluation.vus(scores, labels, eval.channel(0));
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("vus_pr", vus.pr());
        m.put("vus_roc", vus.roc());
        m.put("f1", c.f1());
        m.put("range_f1", SeriesEvaluation.rangeF1(scores, labels, threshold));
        m.put("far", c.far());
        m.put("mar", c.mar());
        return new Outcome(eval.steps(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, m);
    }

    /** The steps whose flag equals {@code value}, in order (timestamps, labels kept). */
    static Series select(Series s, int[] flags, int value) {
        int n = 0;
        for (int f : flags) {
            n += f == value ? 1 : 0;
        }
        int c = s.channels();
        float[] v = new float[n * c];
        long[] ts = s.timestamps().isPresent() ? new long[n] : null;
        int[] lab = s.labels().isPresent() ? new int[n] : null;
        int o = 0;
        for (int t = 0; t < s.steps(); t++) {
            if (flags[t] != value) {
                continue;
            }
            System.arraycopy(s.values(), t * c, v, o * c, c);
            if (ts != null) {
                ts[o] = s.timestamps().get()[t];
            }
            if (lab != null) {
                lab[o] = s.labels().get()[t];
            }
            o++;
        }
        return Series.of(n, c, v, ts, s.names(), lab, s.source());
    }
}
