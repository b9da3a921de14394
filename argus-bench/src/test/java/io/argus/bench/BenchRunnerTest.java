package io.argus.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.core.CancelledException;
import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.core.io.CsvOptions;
import io.argus.core.io.TableReaders;
import io.argus.core.model.Tensor;
import io.argus.core.params.MethodProvider;
import io.argus.core.params.MethodRegistry;
import io.argus.core.params.Reference;
import io.argus.tabular.iforest.IsolationForestProvider;
import io.argus.tabular.knn.KnnProvider;
import io.argus.tabular.lof.LofProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchRunnerTest {

    @TempDir
    Path tmp;

    private Path dataRoot;
    private Path out;
    private final SleepyProvider sleepy = new SleepyProvider();
    private final MethodRegistry registry = MethodRegistry.of(List.of(new IsolationForestProvider(), new KnnProvider(),
            new LofProvider(), sleepy, new BrokenProvider()));

    @BeforeEach
    void writeData() throws IOException {
        dataRoot = tmp.resolve("data");
        out = tmp.resolve("out");
        Files.createDirectories(dataRoot.resolve(TinySuite.FOLDER));
        writeCsv(dataRoot.resolve(TinySuite.FOLDER).resolve("alpha.csv"), 1);
        writeCsv(dataRoot.resolve(TinySuite.FOLDER).resolve("beta.csv"), 2);
    }

    /** 120 normal rows around the origin and 6 far outliers (every 21st row), label in the last column. */
    private static void writeCsv(Path file, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder("a,b,c,label\n");
        for (int i = 0; i < 126; i++) {
            boolean outlier = i % 21 == 20;
            // each outlier sits alone near its own corner of a cube of side 12
            int corner = i / 21;
            double sx = outlier ? ((corner & 1) == 0 ? 6 : -6) : 0;
            double sy = outlier ? ((corner & 2) == 0 ? 6 : -6) : 0;
            double sz = outlier ? ((corner & 4) == 0 ? 6 : -6) : 0;
            sb.append(String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%d%n", sx + rnd.nextDouble() - 0.5, sy + rnd.nextDouble() - 0.5,
                    sz + rnd.nextDouble() - 0.5, outlier ? 1 : 0));
        }
        Files.writeString(file, sb);
    }

    private BenchConfig config(List<String> methods, int seeds, long firstSeed, double timeLimit) {
        return new BenchConfig(new TinySuite(), methods, List.of(), seeds, firstSeed, dataRoot, out, 1, timeLimit);
    }

    @Test
    void oneRowPerDatasetMethodAndSeedWithSeedsFromFirstSeed() {
        Recorder rec = new Recorder();
        List<ResultRow> rows = new BenchRunner(registry).run(config(List.of("iforest", "knn", "lof"), 3, 5, 60), rec);

        // iforest runs 3 seeds, the deterministic knn and lof once each, on 2 data sets
        assertThat(rows).hasSize(10);
        assertThat(rec.planned).containsExactly(10, 0);
        assertThat(rec.started).hasSize(10);
        assertThat(rec.finished).hasSize(10);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(ResultRow.OK);
            assertThat(r.suite()).isEqualTo("tiny");
            assertThat(r.n()).isEqualTo(126);
            assertThat(r.metrics()).containsOnlyKeys("auroc", "ap");
            assertThat(r.metrics().get("auroc")).isGreaterThan(0.95);
        });
        assertThat(rows.stream().map(ResultRow::key).distinct()).hasSize(10);
        for (String d : List.of("alpha", "beta")) {
            assertThat(seedsOf(rows, d, "iforest")).containsExactly(5L, 6L, 7L);
            assertThat(seedsOf(rows, d, "knn")).containsExactly(5L);
            assertThat(seedsOf(rows, d, "lof")).containsExactly(5L);
        }
    }

    private static List<Long> seedsOf(List<ResultRow> rows, String dataset, String method) {
        return rows.stream().filter(r -> r.dataset().equals(dataset) && r.method().equals(method)).map(ResultRow::seed).sorted().toList();
    }

    @Test
    void writesResultsSummaryAndReport() throws IOException {
        new BenchRunner(registry).run(config(List.of("iforest", "lof"), 2, 0, 60), BenchListener.NONE);

        assertThat(out.resolve("results.csv")).exists();
        assertThat(Files.readAllLines(out.resolve("results.csv"))).hasSize(1 + 6)
                .first().isEqualTo("suite,dataset,method,seed,n,fit_seconds,score_seconds,status,auroc,ap");

        String md = Files.readString(out.resolve("summary.md"));
        assertThat(md).startsWith("# Benchmark: tiny")
                .contains("## Mean over data sets")
                .contains("| method | data sets ok | auroc | ap | total seconds |")
                .contains("| iforest | 2/2 |")
                .contains("| lof | 2/2 |")
                .contains("## auroc per data set")
                .contains("| alpha | 126 |");

        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("iforest").contains("lof");
        assertThat(html.strip()).endsWith("</html>");
        assertThat(html.indexOf("<svg")).isLessThan(html.lastIndexOf("</svg>"));
    }

    @Test
    void resumeDoesNoNewRunsAndMoreSeedsAddOnlyTheNewOnes() {
        BenchRunner runner = new BenchRunner(registry);
        List<ResultRow> first = runner.run(config(List.of("iforest", "knn", "lof"), 2, 0, 60), BenchListener.NONE);
        assertThat(first).hasSize(8);

        Recorder again = new Recorder();
        List<ResultRow> second = runner.run(config(List.of("iforest", "knn", "lof"), 2, 0, 60), again);
        assertThat(again.planned).containsExactly(8, 8);
        assertThat(again.started).isEmpty();
        assertThat(second).isEqualTo(ResultsStore.open(out.resolve("results.csv"), List.of("auroc", "ap")).rows());
        assertThat(second).hasSize(8);

        Recorder more = new Recorder();
        List<ResultRow> third = runner.run(config(List.of("iforest", "knn", "lof"), 3, 0, 60), more);
        assertThat(more.planned).containsExactly(10, 8);
        assertThat(more.started).containsExactly("alpha/iforest/2", "beta/iforest/2");
        assertThat(third).hasSize(10);
        assertThat(third.subList(0, 8)).isEqualTo(second);
    }

    @Test
    void timeoutAndErrorAreRecordedAndTheRunGoesOn() throws InterruptedException {
        Recorder rec = new Recorder();
        List<ResultRow> rows = new BenchRunner(registry).run(config(List.of("sleepy", "broken", "lof"), 1, 0, 0.5), rec);

        assertThat(rows).hasSize(6);
        for (String d : List.of("alpha", "beta")) {
            assertThat(status(rows, d, "sleepy")).isEqualTo(ResultRow.TIMEOUT);
            assertThat(status(rows, d, "broken")).startsWith("error: ").contains("broken on purpose, as asked");
            assertThat(status(rows, d, "lof")).isEqualTo(ResultRow.OK);
        }
        ResultRow timeout = rows.stream().filter(r -> r.method().equals("sleepy")).findFirst().orElseThrow();
        assertThat(timeout.fitSeconds()).isEqualTo(0.5);
        assertThat(timeout.metrics()).isEmpty();
        // the sleeping method saw the cancellation and stopped
        assertThat(sleepy.stopped.await(10, TimeUnit.SECONDS)).isTrue();

        // failed runs are not done: a rerun plans them again and replaces their rows
        Recorder again = new Recorder();
        List<ResultRow> rerun = new BenchRunner(registry).run(config(List.of("sleepy", "broken", "lof"), 1, 0, 0.5), again);
        assertThat(again.planned).containsExactly(6, 2);
        assertThat(again.started).hasSize(4).noneMatch(s -> s.contains("lof"));
        assertThat(rerun).hasSize(6);
    }

    private static String status(List<ResultRow> rows, String dataset, String method) {
        return rows.stream().filter(r -> r.dataset().equals(dataset) && r.method().equals(method)).findFirst().orElseThrow().status();
    }

    @Test
    void datasetFilterKeepsOnlyTheNamedOnes() {
        BenchConfig c = new BenchConfig(new TinySuite(), List.of("lof"), List.of("beta"), 1, 0, dataRoot, out, 1, 60);
        List<ResultRow> rows = new BenchRunner(registry).run(c, BenchListener.NONE);
        assertThat(rows).extracting(ResultRow::dataset).containsExactly("beta");
    }

    @Test
    void badConfigurationsFailWithClearMessages() throws IOException {
        BenchRunner runner = new BenchRunner(registry);
        assertThatThrownBy(() -> runner.run(config(List.of("nope"), 1, 0, 60), BenchListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown method 'nope'; known methods: broken, iforest, knn, lof, sleepy");
        assertThatThrownBy(() -> runner.run(new BenchConfig(new TinySuite(), List.of("lof"), List.of("gamma"), 1, 0, dataRoot, out, 1, 60),
                BenchListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("suite tiny has no data set 'gamma'; found: alpha, beta");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThatThrownBy(() -> runner.run(new BenchConfig(new TinySuite(), List.of("lof"), List.of(), 1, 0, empty, out, 1, 60),
                BenchListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("suite tiny: no data sets found in " + empty.resolve(TinySuite.FOLDER));
        assertThat(out.resolve("results.csv")).doesNotExist();
    }

    @Test
    void configValidatesItsRanges() {
        assertThatThrownBy(() -> config(List.of("lof"), 0, 0, 60)).hasMessage("--seeds = 0 is out of range; allowed: [1, 1000]");
        assertThatThrownBy(() -> new BenchConfig(new TinySuite(), List.of(), List.of(), 1, 0, dataRoot, out, 0, 60))
                .hasMessage("--threads = 0 is out of range; allowed: [1, 1024]");
        assertThatThrownBy(() -> config(List.of("lof"), 1, 0, 0)).hasMessage("time limit = 0.0 s must be > 0");
    }

    @Test
    void methodsWithParametersRunSideBySideUnderTheirOwnLabels() {
        List<ResultRow> rows = new BenchRunner(registry).run(config(List.of("lof", "lof[k=3]", "lof[k=500]"), 1, 0, 60), BenchListener.NONE);

        assertThat(rows.stream().map(ResultRow::method).distinct()).containsExactly("lof", "lof[k=3]", "lof[k=500]");
        assertThat(rows.stream().filter(r -> !r.method().equals("lof[k=500]"))).allSatisfy(r -> assertThat(r.ok()).isTrue());
        // the override reaches the detector: 500 neighbours of 126 rows is refused at fit time, per run
        assertThat(rows.stream().filter(r -> r.method().equals("lof[k=500]")))
                .hasSize(2).allSatisfy(r -> assertThat(r.status()).startsWith("error: ").contains("500"));
        assertThatThrownBy(() -> new BenchRunner(registry).run(config(List.of("lof[k=0]"), 1, 0, 60), BenchListener.NONE))
                .hasMessageContaining("k");
        assertThatThrownBy(() -> new BenchRunner(registry).run(config(List.of("lof[k]"), 1, 0, 60), BenchListener.NONE))
                .hasMessage("method 'lof[k]': parameter 'k' is not key=value");
    }

    @Test
    void corpusFiguresGoOnAnAllRowAndIntoTheSummary() throws IOException {
        TinySuite withCorpus = new TinySuite() {
            @Override
            public Map<String, Double> corpus(List<ResultRow> rows) {
                return Map.of("auroc", rows.stream().filter(ResultRow::ok).mapToDouble(r -> r.metrics().get("auroc")).min().orElseThrow());
            }
        };
        BenchConfig c = new BenchConfig(withCorpus, List.of("iforest", "knn"), List.of(), 2, 0, dataRoot, out, 1, 60);
        List<ResultRow> rows = new BenchRunner(registry).run(c, BenchListener.NONE);

        List<ResultRow> corpus = rows.stream().filter(r -> r.dataset().equals(Suite.CORPUS)).toList();
        // one corpus row per method and seed: iforest seeds 0 and 1, knn once
        assertThat(corpus).extracting(r -> r.method() + "/" + r.seed()).containsExactlyInAnyOrder("iforest/0", "iforest/1", "knn/0");
        ResultRow knn = corpus.stream().filter(r -> r.method().equals("knn")).findFirst().orElseThrow();
        double minAuroc = rows.stream().filter(r -> r.method().equals("knn") && !r.dataset().equals(Suite.CORPUS))
                .mapToDouble(r -> r.metrics().get("auroc")).min().orElseThrow();
        assertThat(knn.metrics().get("auroc")).isEqualTo(minAuroc);
        assertThat(knn.n()).isEqualTo(2 * 126);
        String md = Files.readString(out.resolve("summary.md"));
        assertThat(md).contains("## Corpus figures (row ALL)").contains("| knn | ok |").contains("| knn | 2/2 |");
        // resuming recomputes the corpus rows without duplicating them
        List<ResultRow> again = new BenchRunner(registry).run(c, BenchListener.NONE);
        assertThat(again).hasSameSizeAs(rows);
    }

    @Test
    void emptyMethodListMeansEveryTableMethod() {
        assertThat(new BenchRunner(registry).applicableMethods(new TinySuite())).containsExactly("broken", "iforest", "knn", "lof", "sleepy");
    }

    // ------------------------------------------------------------------------------------- helpers

    /** Remembers what the runner reported. */
    private static final class Recorder implements BenchListener {
        final List<Integer> planned = new ArrayList<>();
        final List<String> started = new ArrayList<>();
        final List<ResultRow> finished = new ArrayList<>();

        @Override
        public void planned(int total, int alreadyDone) {
            planned.add(total);
            planned.add(alreadyDone);
        }

        @Override
        public void started(DatasetRef dataset, String method, long seed) {
            started.add(dataset.name() + "/" + method + "/" + seed);
        }

        @Override
        public void finished(ResultRow row) {
            finished.add(row);
        }
    }

    /** Every *.csv in folder "tiny" of the data root, label column "label". */
    static class TinySuite extends TableSuite {
        static final String FOLDER = "tiny";

        @Override
        public String name() {
            return "tiny";
        }

        @Override
        public String description() {
            return "tiny test tables";
        }

        @Override
        public String folder() {
            return FOLDER;
        }


        @Override
        public List<DatasetRef> datasets(Path dataRoot) {
            Path dir = dataRoot.resolve(FOLDER);
            if (!Files.isDirectory(dir)) {
                return List.of();
            }
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(p -> p.toString().endsWith(".csv")).sorted().map(p -> {
                    String f = p.getFileName().toString();
                    return new DatasetRef(FOLDER, f.substring(0, f.length() - 4), p);
                }).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Table load(DatasetRef ref) {
            return TableReaders.read(ref.file(), TableReaders.ReadOptions.defaults().withLabel(CsvOptions.LabelColumn.named("label")));
        }
    }

    /** Parameters of the test-only methods: none. */
    record NoParams() {
    }

    /** Shared boilerplate of the test-only methods. */
    private abstract static class TestProvider implements MethodProvider<Table, NoParams> {
        @Override
        public String modality() {
            return "table";
        }

        @Override
        public Class<Table> dataType() {
            return Table.class;
        }

        @Override
        public boolean deterministic() {
            return true;
        }

        @Override
        public Reference paper() {
            return new Reference("Nobody", "A test method", "none", 2024);
        }

        @Override
        public Class<NoParams> paramsType() {
            return NoParams.class;
        }

        @Override
        public NoParams defaults() {
            return new NoParams();
        }

        @Override
        public Model<Table> restore(NoParams params, Map<String, Tensor> state) {
            throw new UnsupportedOperationException();
        }
    }

    /** Runs until cancelled. */
    static final class SleepyProvider extends TestProvider {
        final CountDownLatch stopped = new CountDownLatch(2);

        @Override
        public String name() {
            return "sleepy";
        }

        @Override
        public String summary() {
            return "never finishes";
        }

        @Override
        public Detector<Table> detector(NoParams params) {
            return (train, ctx) -> {
                try {
                    while (true) {
                        ctx.checkCancelled();
                        try {
                            Thread.sleep(5);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new CancelledException("interrupted");
                        }
                    }
                } finally {
                    stopped.countDown();
                }
            };
        }
    }

    /** Always fails. */
    static final class BrokenProvider extends TestProvider {
        @Override
        public String name() {
            return "broken";
        }

        @Override
        public String summary() {
            return "always fails";
        }

        @Override
        public Detector<Table> detector(NoParams params) {
            return (Table train, Context ctx) -> {
                throw new IllegalStateException("broken on purpose, as asked");
            };
        }
    }
}
