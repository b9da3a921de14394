package io.argus.bench.stream;

import io.argus.bench.DatasetRef;
import io.argus.bench.ResultRow;
import io.argus.bench.Suite;
import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.data.Dataset;
import io.argus.core.data.Series;
import io.argus.metrics.series.NabProfile;
import io.argus.metrics.series.NabScore;
import io.argus.metrics.series.Range;
import io.argus.metrics.series.Vus;
import io.argus.timeseries.nab.NabCorpus;
import io.argus.timeseries.nab.NabProtocol;
import io.argus.timeseries.stream.InputRangeAware;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The Numenta Anomaly Benchmark under NAB's protocol ({@link NabProtocol}): each file is streamed, the
 * detector learning NAB's probationary period first and then scoring score-then-learn. A detector that
 * quantises over a value range ({@link InputRangeAware}, e.g. CAD OSE) is given the minimum and maximum
 * of the whole file first, as NAB's harness gives every detector ({@code inputMin}, {@code inputMax});
 * this reads unlabelled values only.
 *
 * <p>Per file: VUS-PR and VUS-ROC of the scores, and for the label-free decision (the method's own
 * threshold, e.g. KNN-CAD's alert level or the thresholded forest's grade &gt; 0, otherwise SPOT
 * calibrated on the probationary scores) the file's NAB raw scores in the three profiles and its
 * scorable windows. On the {@code ALL} row: {@code nab_standard}, {@code nab_low_fp},
 * {@code nab_low_fn}, the corpus NAB scores of the label-free detections (thresholds never see labels),
 * and {@code nab_opt_*}, NAB's own protocol, where one threshold per profile is optimised over the whole
 * corpus against the labels, as NAB's scoreboard does; and the mean VUS over files with windows.
 *
 * <p>The optimised figures need every file's scores, which the suite keeps in memory for the run
 * (keyed by the {@code scores_id} column); after a resumed run whose files were scored by an earlier
 * process they are left empty.
 */
public final class NabSuite implements Suite<NabCorpus.File> {

    private static final List<String> PROFILE_COLUMNS = List.of("standard", "low_fp", "low_fn");

    private final Map<Long, double[]> scores = new ConcurrentHashMap<>();
    private volatile Map<String, List<LocalDateTime[]>> windows;
    private volatile Path windowsFile;
    private final Map<String, List<Range>> windowRanges = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "nab";
    }

    @Override
    public String description() {
        return "Numenta Anomaly Benchmark (58 series); streaming with NAB's probation; NAB score (label-free and NAB-optimised) and VUS";
    }

    @Override
    public String folder() {
        return "nab";
    }

    @Override
    public List<String> metrics() {
        return List.of("nab_standard", "nab_low_fp", "nab_low_fn", "nab_opt_standard", "nab_opt_low_fp", "nab_opt_low_fn", "vus_pr", "vus_roc",
                "detections", "nab_windows", "nab_raw_standard", "nab_raw_low_fp", "nab_raw_low_fn", "scores_id");
    }

    @Override
    public List<DatasetRef> datasets(Path dataRoot) {
        Path dir = dataRoot.resolve(folder()).resolve("data");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted()
                    .map(p -> new DatasetRef(name(), dir.relativize(p).toString().replace('\\', '/').replaceFirst("\\.csv$", ""), p)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    @Override
    public Class<? extends Dataset> dataType() {
        return Series.class;
    }

    @Override
    public NabCorpus.File load(DatasetRef ref) {
        Path root = ref.file().getParent().getParent().getParent();
        Path json = root.resolve("labels").resolve("combined_windows.json");
        if (windows == null || !json.equals(windowsFile)) {
            windows = NabCorpus.readWindows(json);
            windowsFile = json;
        }
        String key = ref.name() + ".csv";
        List<LocalDateTime[]> w = windows.get(key);
        if (w == null) {
            throw new IllegalArgumentException(json + ": no windows entry for data file " + key);
        }
        return NabCorpus.readFile(ref.file(), key, w, NabCorpus.TimestampPolicy.ROWS);
    }

    @Override
    public Outcome run(NabCorpus.File data, Detector<?> detector, Context ctx) {
        @SuppressWarnings("unchecked")
        Detector<Series> d = (Detector<Series>) detector;
        if (d instanceof InputRangeAware ranged) {
            float[] values = data.series().values();
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (float v : values) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            d = ranged.withInputRange(lo, hi);
        }
        long t0 = System.nanoTime();
        double[] s = NabProtocol.scoreFile(data, d, ctx);
        long t1 = System.nanoTime();
        int n = s.length;
        int probation = NabScore.probationaryLength(n);
        int[] detections = NabProtocol.decisionFor(d).detect(s, probation);
        Map<String, Double> m = new LinkedHashMap<>();
        for (String c : metrics()) {
            m.put(c, Double.NaN);
        }
        if (!data.windows().isEmpty()) {
            float[] v = data.series().channel(0);
            double[] dv = new double[n];
            for (int i = 0; i < n; i++) {
                dv[i] = v[i];
            }
            Vus.Result vus = Vus.vus(s, data.windows(), Vus.slidingWindow(dv));
            m.put("vus_pr", vus.pr());
            m.put("vus_roc", vus.roc());
        }
        int count = 0;
        for (int i = probation; i < n; i++) {
            count += detections[i];
        }
        m.put("detections", (double) count);
        List<NabProfile> profiles = NabProfile.all();
        for (int p = 0; p < profiles.size(); p++) {
            NabProtocol.FileRaw raw = NabProtocol.raw(detections, data.windows(), profiles.get(p));
            m.put("nab_raw_" + PROFILE_COLUMNS.get(p), raw.raw());
            m.put("nab_windows", (double) raw.windows());
        }
        long id = id(data.name(), ctx.seed(), s);
        scores.put(id, s);
        windowRanges.put(data.name().replaceFirst("\\.csv$", ""), data.windows());
        m.put("scores_id", (double) id);
        return new Outcome(n, (t1 - t0) / 1e9, 0, m);
    }

    /** A 52-bit id of one file's scores (exactly representable as a double). */
    private static long id(String file, long seed, double[] s) {
        long h = 1125899906842597L ^ seed;
        h = 31 * h + file.hashCode();
        h = 31 * h + Arrays.hashCode(s);
        for (int i = 0; i < s.length; i += 97) {
            h = h * 0x9E3779B97F4A7C15L + Double.doubleToLongBits(s[i]);
        }
        return h & ((1L << 52) - 1);
    }

    @Override
    public Map<String, Double> corpus(List<ResultRow> rows) {
        if (rows.isEmpty() || rows.stream().anyMatch(r -> !r.ok())) {
            return Map.of();
        }
        List<NabProfile> profiles = NabProfile.all();
        Map<String, Double> m = new LinkedHashMap<>();
        int windowsTotal = 0;
        for (ResultRow r : rows) {
            windowsTotal += r.metrics().get("nab_windows").intValue();
        }
        for (int p = 0; p < profiles.size(); p++) {
            double raw = 0;
            for (ResultRow r : rows) {
                raw += r.metrics().get("nab_raw_" + PROFILE_COLUMNS.get(p));
            }
            m.put("nab_" + PROFILE_COLUMNS.get(p), NabProtocol.normalised(raw, windowsTotal, profiles.get(p)));
        }
        List<NabScore.Series> all = new ArrayList<>();
        boolean complete = true;
        for (ResultRow r : rows) {
            double[] s = scores.get(r.metrics().get("scores_id").longValue());
            List<Range> w = windowRanges.get(r.dataset());
            if (s == null || w == null) {
                complete = false;
                break;
            }
            all.add(new NabScore.Series(s, w));
        }
        for (int p = 0; p < profiles.size(); p++) {
            m.put("nab_opt_" + PROFILE_COLUMNS.get(p), complete ? NabScore.optimize(all, profiles.get(p)).score() : Double.NaN);
        }
        double pr = 0;
        double roc = 0;
        int files = 0;
        for (ResultRow r : rows) {
            Double v = r.metrics().get("vus_pr");
            if (v != null && !v.isNaN()) {
                pr += v;
                roc += r.metrics().get("vus_roc");
                files++;
            }
        }
        m.put("vus_pr", files == 0 ? Double.NaN : pr / files);
        m.put("vus_roc", files == 0 ? Double.NaN : roc / files);
        return m;
    }

}
