package io.argus.peers;

import elki.data.NumberVector;
import elki.database.relation.Relation;
import io.argus.core.data.Table;
import io.argus.core.io.AtomicFiles;
import io.argus.core.io.TableReaders;
import io.argus.metrics.BinaryMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The ELKI peer of {@code argus bench --suite adbench}: runs ELKI's Isolation Forest, LOF (k = 20) and
 * kNN distance (k = 5) on ADBench files under the same unsupervised protocol (fit and score on all rows)
 * and writes {@code OUT/results.csv} in {@code argus bench}'s columns, so that {@code bench/peers/compare.py}
 * reads it. Loading the file and building ELKI's database are not timed; building the k-d tree index is
 * (it is part of ELKI's fit). Runs already {@code ok} in the file are skipped.
 *
 * <pre>
 * bench/peers/elki_bench.sh --datasets 10_cover,8_celeba --methods iforest,lof,knn --seeds 3 --threads 2 --out DIR
 * </pre>
 */
public final class ElkiBench {

    private static final List<String> COLUMNS = List.of("suite", "dataset", "method", "seed", "n", "fit_seconds", "score_seconds",
            "status", "auroc", "ap");

    private ElkiBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> datasets = List.of();
        List<String> methods = List.of("iforest", "lof", "knn");
        int seeds = 3;
        int threads = 2;
        double timeLimit = 1800;
        Path out = null;
        Path data = Path.of(System.getenv().getOrDefault("ARGUS_DATA", "../shared/data"));
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--datasets" -> datasets = List.of(v.split(","));
                case "--methods" -> methods = List.of(v.split(","));
                case "--seeds" -> seeds = Integer.parseInt(v);
                case "--threads" -> threads = Integer.parseInt(v);
                case "--time-limit" -> timeLimit = Double.parseDouble(v);
                case "--out" -> out = Path.of(v);
                case "--data" -> data = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; expected --datasets, --methods, --seeds, --threads, --time-limit, --out, --data");
            }
            i++;
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        Files.createDirectories(out);
        Path csv = out.resolve("results.csv");
        List<String> lines = Files.exists(csv) ? new ArrayList<>(Files.readAllLines(csv)) : new ArrayList<>(List.of(String.join(",", COLUMNS)));
        if (datasets.isEmpty()) {
            try (var files = Files.list(data.resolve("adbench_classical"))) {
                datasets = files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".npz"))
                        .map(f -> f.substring(0, f.length() - 4)).sorted().toList();
            }
        }
        ExecutorService exec = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "elki-run");
            t.setDaemon(true);
            return t;
        });
        for (String d : datasets) {
            Table t = TableReaders.read(data.resolve("adbench_classical").resolve(d + ".npz"));
            int[] labels = t.labels().orElseThrow();
            double[][] x = new double[t.rows()][];
            for (int i = 0; i < t.rows(); i++) {
                float[] r = t.row(i);
                x[i] = new double[r.length];
                for (int j = 0; j < r.length; j++) {
                    x[i][j] = r[j];
                }
            }
            for (String m : methods) {
                int runs = m.equals("iforest") ? seeds : 1;
                for (long seed = 0; seed < runs; seed++) {
                    String key = "adbench," + d + "," + m + "," + seed + ",";
                    if (lines.stream().anyMatch(l -> l.startsWith(key) && l.contains(",ok,"))) {
                        continue;
                    }
                    lines.removeIf(l -> l.startsWith(key));
                    long s = seed;
                    int th = threads;
                    Future<double[]> f = exec.submit(() -> {
                        long t0 = System.nanoTime();
                        // the index is built lazily by the first kNN query, so it is timed with the method
                        Relation<NumberVector> rel = Elki.relation(x, !m.equals("iforest"));
                        double[] scores = switch (m) {
                            case "iforest" -> Elki.iforest(rel, s);
                            case "lof" -> Elki.lof(rel, 20, th);
                            case "knn" -> Elki.knn(rel, 5, th);
                            default -> throw new IllegalArgumentException("unknown method " + m + "; ELKI peer runs iforest, lof, knn");
                        };
                        double secs = (System.nanoTime() - t0) / 1e9;
                        double[] withTime = java.util.Arrays.copyOf(scores, scores.length + 1);
                        withTime[scores.length] = secs;
                        return withTime;
                    });
                    String row;
                    try {
                        double[] r = f.get((long) (timeLimit * 1000), TimeUnit.MILLISECONDS);
                        double secs = r[r.length - 1];
                        double[] scores = java.util.Arrays.copyOf(r, r.length - 1);
                        row = String.format(Locale.ROOT, "%s%d,%.3f,0.000,ok,%.6f,%.6f", key, t.rows(), secs,
                                BinaryMetrics.auroc(scores, labels), BinaryMetrics.averagePrecision(scores, labels));
                    } catch (TimeoutException e) {
                        row = String.format(Locale.ROOT, "%s%d,%.3f,0.000,timeout,,", key, t.rows(), timeLimit);
                        lines.add(row);
                        AtomicFiles.writeString(csv, String.join("\n", lines) + "\n");
                        System.err.println(row);
                        System.err.println("ELKI cannot be stopped inside a run: exiting after a timeout");
                        System.exit(3);
                        return;
                    }
                    lines.add(row);
                    AtomicFiles.writeString(csv, String.join("\n", lines) + "\n");
                    System.err.println(row);
                }
            }
        }
        exec.shutdownNow();
    }
}
