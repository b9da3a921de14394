package io.argus.core.neighbors;

import io.argus.core.TestData;
import io.argus.core.data.Table;
import io.argus.core.io.TableReaders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * recall@k of {@link Hnsw} against {@link ExactKnn} on the large ADBench tables, with build and query
 * times of both (in-sample self-queries, as kNN, LOF and COF run them). Not a test: runs only when
 * {@code ARGUS_HNSW_BENCH} is set (to {@code all} or a comma-separated list of file stems), and
 * appends its lines to {@code target/hnsw-bench.txt}. {@code ARGUS_HNSW_EF} lists the efSearch
 * values to try on the one graph (default: the default efSearch), {@code ARGUS_HNSW_K} the k values
 * (default 10), {@code ARGUS_HNSW_THREADS} the query threads (default 2).
 *
 * <pre>
 * ARGUS_HNSW_BENCH=all ./mvnw -o -q -B -pl argus-core -am verify -Dtest='io.argus.core.neighbors.HnswRecallBenchmark' -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * <p>or, from a copy of the compiled classes so that builds can go on meanwhile,
 * {@code bench/hnsw/recall.sh} (same variables).
 */
@EnabledIfEnvironmentVariable(named = "ARGUS_HNSW_BENCH", matches = ".+")
public class HnswRecallBenchmark {

    static final String[] FILES = {"11_donors", "16_http", "10_cover", "33_skin", "8_celeba", "34_smtp", "32_shuttle"};

    /** Runs the benchmark outside JUnit, with the same environment variables. */
    public static void main(String[] args) throws IOException {
        new HnswRecallBenchmark().recallAndTimes();
    }

    @Test
    void recallAndTimes() throws IOException {
        String which = System.getenv("ARGUS_HNSW_BENCH");
        int threads = Integer.parseInt(System.getenv().getOrDefault("ARGUS_HNSW_THREADS", "2"));
        int[] efs = ints(System.getenv().getOrDefault("ARGUS_HNSW_EF", Integer.toString(Hnsw.EF_SEARCH_DEFAULT)));
        int[] ks = ints(System.getenv().getOrDefault("ARGUS_HNSW_K", "10"));
        Path out = Path.of(System.getenv().getOrDefault("ARGUS_HNSW_OUT", "target/hnsw-bench.txt"));
        List<String> lines = new ArrayList<>();
        for (String name : FILES) {
            if (!which.equals("all") && !List.of(which.split(",")).contains(name)) {
                continue;
            }
            Table data = TableReaders.read(TestData.require("adbench_classical/" + name + ".npz")).withoutLabels();
            long t0 = System.nanoTime();
            NeighborSearch exact = ExactKnn.index(data);
            long t1 = System.nanoTime();
            Hnsw graph = Hnsw.build(data, Hnsw.Options.DEFAULTS, 42L);
            long t2 = System.nanoTime();
            for (int k : ks) {
                long q0 = System.nanoTime();
                Neighbors truth = exact.selfQuery(k, threads);
                long q1 = System.nanoTime();
                for (int ef : efs) {
                    Hnsw index = graph.withEfSearch(ef);
                    long a0 = System.nanoTime();
                    Neighbors approx = index.selfQuery(k, threads);
                    long a1 = System.nanoTime();
                    lines.add(String.format(Locale.ROOT,
                            "%s %dx%d k=%d M=%d efC=%d ef=%d threads=%d recall=%.4f exact_build=%.2fs exact_query=%.2fs"
                                    + " hnsw_build=%.2fs hnsw_query=%.2fs layers=%d",
                            name, data.rows(), data.cols(), k, index.options().m(), index.options().efConstruction(), ef,
                            threads, HnswTest.recall(approx, truth), (t1 - t0) / 1e9, (q1 - q0) / 1e9, (t2 - t1) / 1e9,
                            (a1 - a0) / 1e9, index.layers()));
                    Files.createDirectories(out.getParent());
                    Files.write(out, List.of(lines.get(lines.size() - 1)), java.nio.file.StandardOpenOption.CREATE,
                            java.nio.file.StandardOpenOption.APPEND);
                }
            }
        }
    }

    private static int[] ints(String csv) {
        return java.util.Arrays.stream(csv.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    }
}
