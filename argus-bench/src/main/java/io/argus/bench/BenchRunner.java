package io.argus.bench;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.params.MethodProvider;
import io.argus.core.params.MethodRegistry;
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
    public List<String> applicableMethods(Suite<?> suite) {
        return registry.forData(suite.dataType()).stream().map(MethodRegistry.Entry::name).toList();
    }

    /**
     * Runs the benchmark and writes its files.
     *
     * @return every row of results.csv of this suite after the run
     * @throws IllegalArgumentException for an unknown method, a method that does not read the suite's data, or no data sets found
     */
    public List<ResultRow> run(BenchConfig config, BenchListener listener) {
        return runTyped(config.suite(), config, listener);
    }

    private <L> List<ResultRow> runTyped(Suite<L> suite, BenchConfig config, BenchListener listener) {
        List<String> methods = config.methods().isEmpty() ? applicableMethods(suite) : config.methods();
        List<MethodSpec> specs = new ArrayList<>();
        List<MethodProvider<?, ?>> providers = new ArrayList<>();
        for (String m : methods) {
            MethodSpec spec = MethodSpec.parse(m);
            MethodProvider<?, ?> p = spec.provider(registry);
            if (!p.dataType().isAssignableFrom(suite.dataType())) {
                throw new IllegalArgumentException("method '" + spec.name() + "' reads " + p.modality() + " data; suite " + suite.name()
                        + " has " + suite.dataType().getSimpleName() + " data");
            }
            spec.detector(registry); // validates the overrides before the first run
            specs.add(spec);
            providers.add(p);
        }
        List<DatasetRef> datasets = selectDatasets(config);
        List<String> columns = suite.metrics();
        ResultsStore store = ResultsStore.open(config.out().resolve("results.csv"), columns);

        int total = 0;
        int done = 0;
        for (DatasetRef d : datasets) {
            for (int i = 0; i < specs.size(); i++) {
                for (long seed : seeds(config, providers.get(i))) {
                    total++;
                    if (store.done(suite.name(), d.name(), specs.get(i).label(), seed)) {
                        done++;
                    }
                }
            }
        }
        listener.planned(total, done);

        for (DatasetRef d : datasets) {
            L data = null;
            for (int i = 0; i < specs.size(); i++) {
                MethodSpec spec = specs.get(i);
                for (long seed : seeds(config, providers.get(i))) {
                    if (store.done(suite.name(), d.name(), spec.label(), seed)) {
                        continue;
                    }
                    listener.started(d, spec.label(), seed);
                    ResultRow row;
                    try {
                        if (data == null) {
                            data = suite.load(d);
                        }
                        row = runOne(suite, config, d, data, spec, seed, listener);
                    } catch (RuntimeException e) {
                        LOG.debug("run failed", e);
                        row = new ResultRow(suite.name(), d.name(), spec.label(), seed, 0, 0, 0, "error: " + oneLine(e), Map.of());
                    }
                    store.add(row);
                    listener.finished(row);
                }
            }
        }
        addCorpusRows(suite, config, specs, providers, datasets, store);
        List<ResultRow> rows = store.rows().stream().filter(r -> r.suite().equals(suite.name())).toList();
        Report.write(config.out(), suite, rows);
        return rows;
    }

    /** Recomputes the corpus row of every method and seed from its per-data-set rows (the suite decides whether it has any). */
    private void addCorpusRows(Suite<?> suite, BenchConfig config, List<MethodSpec> specs, List<MethodProvider<?, ?>> providers,
            List<DatasetRef> datasets, ResultsStore store) {
        List<String> names = datasets.stream().map(DatasetRef::name).toList();
        for (int i = 0; i < specs.size(); i++) {
            String label = specs.get(i).label();
            for (long seed : seeds(config, providers.get(i))) {
                List<ResultRow> rows = store.rows().stream()
                        .filter(r -> r.suite().equals(suite.name()) && r.method().equals(label) && r.seed() == seed
                                && names.contains(r.dataset()))
                        .toList();
                if (rows.isEmpty()) {
                    continue;
                }
                Map<String, Double> corpus;
                String status;
                try {
                    corpus = suite.corpus(rows);
                    long ok = rows.stream().filter(ResultRow::ok).count();
                    status = ok == names.size() ? ResultRow.OK : "partial: " + ok + " of " + names.size() + " data sets ok";
                } catch (RuntimeException e) {
                    LOG.debug("corpus figures failed", e);
                    corpus = Map.of();
                    status = "error: " + oneLine(e);
                }
                if (corpus.isEmpty()) {
                    continue;
                }
                long n = rows.stream().mapToLong(ResultRow::n).sum();
                double fit = rows.stream().mapToDouble(ResultRow::fitSeconds).sum();
                double score = rows.stream().mapToDouble(ResultRow::scoreSeconds).sum();
                store.add(new ResultRow(suite.name(), Suite.CORPUS, label, seed, n, fit, score, status, corpus));
            }
        }
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

    private <L> ResultRow runOne(Suite<L> suite, BenchConfig config, DatasetRef d, L data, MethodSpec spec, long seed,
            BenchListener listener) {
        Detector<?> detector = spec.detector(registry);
        Context ctx = Context.builder().seed(seed).threads(config.threads()).progress(listener.progress()).build();
        ExecutorService exec = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "argus-bench-run");
            t.setDaemon(true);
            return t;
        });
        String name = suite.name();
        try {
            Future<Suite.Outcome> future = exec.submit(() -> suite.run(data, detector, ctx));
            Suite.Outcome outcome;
            try {
                outcome = future.get((long) (config.timeLimitSeconds() * 1000), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                ctx.cancel();
                future.cancel(true);
                return new ResultRow(name, d.name(), spec.label(), seed, 0, config.timeLimitSeconds(), 0, ResultRow.TIMEOUT, Map.of());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ctx.cancel();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof OutOfMemoryError) {
                    return new ResultRow(name, d.name(), spec.label(), seed, 0, 0, 0, "error: out of memory", Map.of());
                }
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(cause);
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (String m : suite.metrics()) {
                Double v = outcome.metrics().get(m);
                if (v != null) {
                    metrics.put(m, v);
                }
            }
            return new ResultRow(name, d.name(), spec.label(), seed, outcome.n(), outcome.fitSeconds(), outcome.scoreSeconds(),
                    ResultRow.OK, metrics);
        } finally {
            exec.shutdownNow();
            ctx.close();
        }
    }

    static String oneLine(Throwable e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return msg.replace('\n', ' ').replace('\r', ' ');
    }
}
