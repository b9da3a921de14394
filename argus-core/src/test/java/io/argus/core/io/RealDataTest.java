package io.argus.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.core.TestData;
import io.argus.core.data.Table;
import io.argus.core.io.CsvOptions.LabelColumn;
import io.argus.core.io.TableReaders.ReadOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Reads every shipped ADBench npz and ODDS csv.gz and checks it against the data's own summary.tsv. */
class RealDataTest {

    /** name -> {n, d, anomalies} from a summary.tsv whose first column is the key. */
    private static Map<String, long[]> summary(Path tsv) throws IOException {
        Map<String, long[]> out = new HashMap<>();
        List<String> lines = Files.readAllLines(tsv);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            out.put(f[0], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])});
        }
        return out;
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().collect(Collectors.toList());
        }
    }

    private static void check(Table t, long[] expected, String name) {
        assertThat(new long[] {t.rows(), t.cols(), anomalies(t)}).as(name).containsExactly(expected);
    }

    private static long anomalies(Table t) {
        int[] l = t.labels().orElseThrow();
        long n = 0;
        for (int v : l) {
            n += v;
        }
        return n;
    }

    @Test
    void adbenchNpzMatchSummary() throws IOException {
        Path dir = TestData.require("adbench_classical");
        Map<String, long[]> expected = summary(dir.resolve("summary.tsv"));
        List<Path> npz = files(dir, ".npz");
        assertThat(npz).isNotEmpty();
        for (Path f : npz) {
            String name = f.getFileName().toString();
            assertThat(expected).as("summary.tsv lists " + name).containsKey(name);
            check(TableReaders.read(f), expected.get(name), name);
        }
    }

    @Test
    void oddsCsvGzMatchSummary() throws IOException {
        Path dir = TestData.require("odds_pyod/csv");
        Map<String, long[]> expected = summary(dir.resolveSibling("summary.tsv"));
        List<Path> csv = files(dir, ".csv.gz");
        assertThat(csv).isNotEmpty();
        ReadOptions opts = ReadOptions.defaults().withLabel(LabelColumn.named("label"));
        for (Path f : csv) {
            String name = f.getFileName().toString().replace(".csv.gz", "");
            assertThat(expected).as("summary.tsv lists " + name).containsKey(name);
            Table t = TableReaders.read(f, opts);
            check(t, expected.get(name), name);
            assertThat(t.columns().get(0)).isEqualTo("f0");
        }
    }
}
