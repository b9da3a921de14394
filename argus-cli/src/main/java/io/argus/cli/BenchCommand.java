package io.argus.cli;

import io.argus.bench.BenchConfig;
import io.argus.bench.BenchListener;
import io.argus.bench.BenchRunner;
import io.argus.bench.DataRoot;
import io.argus.bench.DatasetRef;
import io.argus.bench.MethodSpec;
import io.argus.bench.ResultRow;
import io.argus.bench.Suite;
import io.argus.bench.Suites;
import io.argus.core.ProgressListener;
import io.argus.core.params.MethodRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code argus bench}: runs methods over a suite and writes results.csv, summary.md and report.html. */
@Command(name = "bench", description = "Benchmark methods on a suite; write results.csv, summary.md and report.html (resumable).")
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--suite", required = true, paramLabel = "NAME", description = "suite (see `argus datasets`)")
    String suite;

    @Option(names = "--methods", paramLabel = "A,B", description = "methods (default: every method for the suite's data); "
            + "NAME[key=value;...] sets parameters, e.g. hbos[binning=dynamic]; repeatable")
    List<String> methodArgs = new ArrayList<>();

    @Option(names = "--datasets", split = ",", paramLabel = "A,B", description = "only these data sets (default: all found)")
    List<String> datasets = new ArrayList<>();

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "3", description = "seeds per randomised method (default: ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--data", paramLabel = "DIR", description = "data root (default: $ARGUS_DATA, else ../shared/data)")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder; an existing results.csv there is extended")
    Path out;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "1800", description = "wall-time limit per run (default: ${DEFAULT-VALUE})")
    double timeLimit;

    @Mixin
    CommonOptions common;

    @Override
    public void run() {
        PrintWriter pw = spec.commandLine().getOut();
        Suite<?> s = Suites.byName(suite);
        List<String> methods = new ArrayList<>();
        for (String arg : methodArgs) {
            for (String m : MethodSpec.splitTopLevel(arg)) {
                if (!m.isBlank()) {
                    methods.add(m.strip());
                }
            }
        }
        Path root = DataRoot.resolve(data).orElseThrow(() -> new IllegalArgumentException(
                "no data root: pass --data DIR or set $ARGUS_DATA (looked for ../shared/data)"));
        long firstSeed = spec.commandLine().getParseResult().hasMatchedOption("--seed") ? common.seed : 0;
        BenchConfig config = new BenchConfig(s, methods, datasets, seeds, firstSeed, root, out, common.threads(), timeLimit);
        ProgressListener progress = common.progress();
        int[] counter = {0, 0};
        BenchListener listener = new BenchListener() {
            @Override
            public void planned(int total, int alreadyDone) {
                counter[1] = total;
                counter[0] = alreadyDone;
                pw.printf("bench %s: %d runs (%d already in %s)%n", s.name(), total, alreadyDone, out.resolve("results.csv"));
                pw.flush();
            }

            @Override
            public void started(DatasetRef dataset, String method, long seed) {
                counter[0]++;
                pw.printf(Locale.ROOT, "[%d/%d] %-22s %-8s seed %d ", counter[0], counter[1], dataset.name(), method, seed);
                pw.flush();
            }

            @Override
            public void finished(ResultRow row) {
                StringBuilder sb = new StringBuilder(row.ok() ? "ok" : row.status());
                for (Map.Entry<String, Double> m : row.metrics().entrySet()) {
                    sb.append(String.format(Locale.ROOT, " %s=%.4f", m.getKey(), m.getValue()));
                }
                pw.printf(Locale.ROOT, "%s (n=%d, %.2fs)%n", sb, row.n(), row.fitSeconds() + row.scoreSeconds());
                pw.flush();
            }

            @Override
            public ProgressListener progress() {
                return progress;
            }
        };
        new BenchRunner(MethodRegistry.load()).run(config, listener);
        pw.println("wrote " + out.resolve("results.csv") + ", " + out.resolve("summary.md") + ", " + out.resolve("report.html"));
    }
}
