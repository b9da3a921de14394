package io.argus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsBenchDemoTest {

    @TempDir
    Path tmp;

    // ------------------------------------------------------------------------------ datasets

    @Test
    void datasetsPrintsBothSuites() {
        Cli.Result r = Cli.run("datasets").assertOk();
        assertThat(r.out()).startsWith("data root: ")
                .containsPattern("(?m)^adbench\\s.*adbench_classical")
                .containsPattern("(?m)^odds\\s.*odds_pyod/csv");
    }

    @Test
    void datasetsOnAnEmptyFolderSaysMissing() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Cli.Result r = Cli.run("datasets", "--data", empty.toString()).assertOk();
        assertThat(r.out()).contains("data root: " + empty)
                .containsPattern("(?m)^adbench\\s+missing\\s")
                .containsPattern("(?m)^odds\\s+missing\\s");
    }

    @Test
    void datasetsOnAFolderThatDoesNotExist() {
        Path absent = tmp.resolve("absent");
        Cli.Result r = Cli.run("datasets", "--data", absent.toString());
        assertThat(r.code()).isEqualTo(1);
        r.assertOneErrorLine("--data " + absent + ": no such folder");
    }

    @Test
    void datasetsCountsAndListsWhatIsFound() {
        Cli.npz(tmp.resolve("adbench_classical").resolve("1_one.npz"), 40, 2, 1);
        Cli.npz(tmp.resolve("adbench_classical").resolve("2_two.npz"), 40, 2, 2);
        Cli.Result r = Cli.run("datasets", "--data", tmp.toString(), "--verbose").assertOk();
        assertThat(r.out()).containsPattern("(?m)^adbench\\s+2\\s").contains("    1_one  ").contains("    2_two  ")
                .containsPattern("(?m)^odds\\s+missing\\s");
    }

    // ------------------------------------------------------------------------------ bench

    @Test
    void benchEndToEndAndResume() throws IOException {
        Path adbench = tmp.resolve("adbench_classical");
        Cli.npz(adbench.resolve("3_small.npz"), 80, 3, 1);
        Cli.npz(adbench.resolve("10_other.npz"), 60, 4, 2);
        Path out = tmp.resolve("out");
        String[] args = {"bench", "--suite", "adbench", "--data", tmp.toString(), "--methods", "iforest,lof", "--seeds", "2",
            "--threads", "1", "--out", out.toString(), "--quiet"};

        Cli.Result r = Cli.run(args).assertOk();
        assertThat(r.out()).contains("bench adbench: 6 runs (0 already in").contains("[6/6]").contains("wrote " + out.resolve("results.csv"));
        List<String> lines = Files.readAllLines(out.resolve("results.csv"));
        assertThat(lines).hasSize(1 + 2 * 2 + 2);
        assertThat(lines.get(0)).isEqualTo("suite,dataset,method,seed,n,fit_seconds,score_seconds,status,auroc,ap");
        assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l).startsWith("adbench,").contains(",ok,"));
        // natural order: 3_small before 10_other; default first seed 0
        assertThat(lines.get(1)).startsWith("adbench,3_small,iforest,0,80,");
        assertThat(lines.get(2)).startsWith("adbench,3_small,iforest,1,80,");
        assertThat(lines.get(3)).startsWith("adbench,3_small,lof,0,80,");
        assertThat(out.resolve("summary.md")).isRegularFile();
        assertThat(out.resolve("report.html")).isRegularFile();

        byte[] before = Files.readAllBytes(out.resolve("results.csv"));
        Cli.Result again = Cli.run(args).assertOk();
        assertThat(again.out()).contains("bench adbench: 6 runs (6 already in").doesNotContain("[");
        assertThat(Files.readAllBytes(out.resolve("results.csv"))).isEqualTo(before);
    }

    @Test
    void benchWithBadArgumentsFailsClearly() throws IOException {
        Cli.npz(tmp.resolve("adbench_classical").resolve("1_one.npz"), 40, 2, 1);
        Path out = tmp.resolve("out");
        Cli.run("bench", "--suite", "nope", "--data", tmp.toString(), "--out", out.toString())
                .assertOneErrorLine("unknown suite 'nope'; known suites: adbench, odds");
        Cli.run("bench", "--suite", "adbench", "--data", tmp.toString(), "--methods", "nope", "--out", out.toString())
                .assertOneErrorLine("unknown method 'nope'");
        Cli.run("bench", "--suite", "odds", "--data", tmp.toString(), "--methods", "lof", "--out", out.toString())
                .assertOneErrorLine("suite odds: no data sets found in");
        Cli.run("bench", "--suite", "adbench", "--data", tmp.toString(), "--seeds", "0", "--out", out.toString())
                .assertOneErrorLine("--seeds = 0 is out of range; allowed: [1, 1000]");
        assertThat(out.resolve("results.csv")).doesNotExist();
    }

    // ------------------------------------------------------------------------------ demo

    @Test
    void demoFindsThePlantedAnomalies() throws IOException {
        Path out = tmp.resolve("demo");
        Cli.Result r = Cli.run("demo", "--out", out.toString(), "--threads", "1", "--quiet").assertOk();
        assertThat(r.out()).contains("Top 10 anomalies");
        assertThat(out.resolve("report.html")).isRegularFile();
        assertThat(out.resolve("demo-data.csv")).isRegularFile();
        assertThat(Files.readAllLines(out.resolve("demo-data.csv"))).hasSize(1 + 1530);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.filter(p -> p.toString().endsWith(".safetensors")).map(p -> p.getFileName().toString()).sorted())
                    .containsExactlyElementsOf(DemoCommand.methods(io.argus.core.params.MethodRegistry.load()).stream()
                            .map(e -> e.name() + ".safetensors").sorted().toList())
                    .contains("lof.safetensors", "iforest.safetensors")
                    .doesNotContain("autoencoder.safetensors", "deep-svdd.safetensors");
        }
        assertThat(r.out()).contains("not in the demo: autoencoder, deep-svdd (neural; the first run of a neural method unpacks");
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg");
        assertThat(html.strip()).endsWith("</html>");

        List<String> lines = r.out().lines().toList();
        int top = 0;
        while (!lines.get(top).strip().startsWith("row ")) { // the column header of the top-anomalies table
            top++;
        }
        List<String> rows = lines.subList(top + 1, top + 11);
        assertThat(rows).allSatisfy(l -> assertThat(l.strip()).matches("\\d+ .*(anomaly|normal)"));
        long anomalies = rows.stream().filter(l -> l.endsWith("anomaly")).count();
        assertThat(anomalies).isGreaterThanOrEqualTo(8);
        assertThat(r.out()).contains(anomalies + " of the top 10 are planted anomalies.");
    }
}
