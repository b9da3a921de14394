package io.argus.bench;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Fit;
import io.argus.core.data.Table;
import io.argus.core.params.MethodProvider;
import io.argus.core.params.MethodRegistry;
import io.argus.metrics.BinaryMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs methods over a suite's data sets and seeds under the unsupervised protocol (fit and score on
 * all rows, labels only for evaluation), writing {@code results.csv}, {@code summary.md} and
 * {@code report.html} to the output folder. Runs already in {@code results.csv} are not redone; each run
 * has a wall-time limit; a failing run is recorded with its error and the benchmark goes on.
 */
public final class BenchRunner {

    private static final Logger LOG = LoggerFactory.getLogger(BenchRunner.class);

    private final MethodRegistry registry;

    /** A runner over the methods of {@code registry}. */
    public BenchRunner(MethodRegistry registry) {
        this.registry = registry;
    }

    /** The methods a suite's data can run, when {@code --methods} is left out. */
    public List<String> applicableMethods() {
        return registry.forData(Table.class).stream().map(MethodRegistry.Entry::name).toList();
    }

    /**
     * Runs the benchmark and writes its files.
     *
     * @return every row of results.csv after the run
     * @throws IllegalArgumentException for an unknown method, a method that does not read tables, or no data sets found
     */
    public List<ResultRow> run(BenchConfig config, BenchListener listener) {
        Suite suite = config.suite();
        List<String> methods = config.methods().isEmpty() ? applicableMethods() : config.methods();
        List<MethodProvider<?, ?>> providers = new ArrayList<>();
        for (String m : methods) {
            MethodProvider<?, ?> p = registry.get(m).provider();
            if (!p.dataType().isAssignableFrom(Table.class)) {
                throw new IllegalArgumentException("method '" + m + "' reads " + p.modality() + " data; suite " + suite.name() + " has tables");
            }
            providers.add(p);
        }
        List<DatasetRef> datasets = selectDatasets(config);
        ResultsStore store = ResultsStore.open(config.out().resolve("results.csv"), suite.metrics());

        int total = 0;
        int done = 0;
        for (DatasetRef d : datasets) {
            for (MethodProvider<?, ?> p : providers) {
                for (long seed : seeds(config, p)) {
                    total++;
                    if (store.done(suite.name(), d.name(), p.name(), seed)) {
                        done++;
                    }
                }
            }
        }
        listener.planned(total, done);

        for (DatasetRef d : datasets) {
            Table table = null;
            for (MethodProvider<?, ?> p : providers) {
                for (long seed : seeds(config, p)) {
                    if (store.done(suite.name(), d.name(), p.name(), seed)) {
                        continue;
                    }
                    listener.started(d, p.name(), seed);
                    ResultRow row;
                    try {
                        if (table == null) {
                            table = suite.load(d);
                        }
                        row = runOne(config, d, table, p, seed, listener);
                    } catch (RuntimeException e) {
                        LOG.debug("run failed", e);
                        row = new ResultRow(suite.name(), d.name(), p.name(), seed, table == null ? 0 : table.rows(), 0, 0,
                                "error: " + oneLine(e), Map.of());
                    }
                    store.add(row);
                    listener.finished(row);
                }
            }
        }
        List<ResultRow> rows = store.rows().stream().filter(r -> r.suite().equals(suite.name())).toList();
        Report.write(config.out(), suite, rows);
        return rows;
    }

    private List<DatasetRef> selectDatasets(BenchConfig config) {
        List<DatasetRef> all = config.suite().datasets(config.dataRoot());
        if (all.isEmpty()) {
            throw new IllegalArgumentException("suite " + config.suite().name() + ": no data sets found in "
                    + config.dataRoot().resolve(config.suite().folder()));
        }
        if (config.datasets().isEmpty()) {
            return all;
        }
        List<DatasetRef> out = new ArrayList<>();
        for (String name : config.datasets()) {
            out.add(all.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                    "suite " + config.suite().name() + " has no data set '" + name + "'; found: "
                            + String.join(", ", all.stream().map(DatasetRef::name).toList()))));
        }
        return out;
    }

    private static List<Long> seeds(BenchConfig config, MethodProvider<?, ?> p) {
        int count = p.deterministic() ? 1 : config.seeds();
        List<Long> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(config.firstSeed() + i);
        }
        return out;
    }

    private ResultRow runOne(BenchConfig config, DatasetRef d, Table table, MethodProvider<?, ?> provider, long seed,
            BenchListener listener) {
        int[] labels = table.labels().orElseThrow(() -> new IllegalArgumentException(d.file() + ": no labels to evaluate against"));
        @SuppressWarnings("unchecked")
        Detector<Table> detector = (Detector<Table>) detectorOf(provider);
        Table features = table.withoutLabels();
        Context ctx = Context.builder().seed(seed).threads(config.threads()).progress(listener.progress()).build();
        ExecutorService exec = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "argus-bench-run");
            t.setDaemon(true);
            return t;
        });
        String suite = config.suite().name();
        try {
            Future<Fit<Table>> future = exec.submit(() -> detector.fitScore(features, ctx));
            Fit<Table> fit;
            try {
                fit = future.get((long) (config.timeLimitSeconds() * 1000), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                ctx.cancel();
                future.cancel(true);
                return new ResultRow(suite, d.name(), provider.name(), seed, table.rows(), config.timeLimitSeconds(), 0,
                        ResultRow.TIMEOUT, Map.of());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ctx.cancel();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof OutOfMemoryError) {
                    return new ResultRow(suite, d.name(), provider.name(), seed, table.rows(), 0, 0, "error: out of memory", Map.of());
                }
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(cause);
            }
            double[] scores = fit.trainingScores().values();
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (String m : config.suite().metrics()) {
                metrics.put(m, BinaryMetrics.byName(m).compute(scores, labels));
            }
            return new ResultRow(suite, d.name(), provider.name(), seed, table.rows(), fit.fitNanos() / 1e9, fit.scoreNanos() / 1e9,
                    ResultRow.OK, metrics);
        } finally {
            exec.shutdownNow();
            ctx.close();
        }
    }

    private static <P extends Record> Detector<?> detectorOf(MethodProvider<?, P> provider) {
        return provider.detector(provider.defaults());
    }

    static String oneLine(Throwable e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return msg.replace('\n', ' ').replace('\r', ' ');
    }
}
