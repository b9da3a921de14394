package io.argus.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsStoreTest {

    private static final List<String> METRICS = List.of("auroc", "ap");

    @TempDir
    Path dir;

    private static ResultRow ok(String dataset, String method, long seed, double auroc, double ap) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("auroc", auroc);
        m.put("ap", ap);
        return new ResultRow("s", dataset, method, seed, 100, 0.25, 0.125, ResultRow.OK, m);
    }

    private static ResultRow failed(String dataset, String method, long seed, String status) {
        return new ResultRow("s", dataset, method, seed, 100, 0, 0, status, Map.of());
    }

    @Test
    void headerIsExactlyTheFixedColumnsThenTheMetrics() throws Exception {
        Path file = dir.resolve("results.csv");
        ResultsStore store = ResultsStore.open(file, METRICS);
        store.add(ok("d1", "lof", 0, 0.9, 0.5));

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("suite,dataset,method,seed,n,fit_seconds,score_seconds,status,auroc,ap");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).isEqualTo("s,d1,lof,0,100,0.250,0.125,ok,0.900000,0.500000");
    }

    @Test
    void statusesWithCommasAndQuotesAreQuotedAndReadBack() throws Exception {
        Path file = dir.resolve("results.csv");
        String status = "error: bad value \"x\", at row 3, column 2";
        ResultsStore store = ResultsStore.open(file, METRICS);
        store.add(failed("d1", "knn", 0, status));

        String text = Files.readString(file);
        assertThat(text).contains("\"error: bad value \"\"x\"\", at row 3, column 2\"");

        ResultsStore reopened = ResultsStore.open(file, METRICS);
        assertThat(reopened.rows()).hasSize(1);
        assertThat(reopened.rows().get(0).status()).isEqualTo(status);
        assertThat(reopened.rows().get(0).metrics()).isEmpty();
    }

    @Test
    void lineBreaksInAStatusDoNotBreakTheFile() {
        Path file = dir.resolve("results.csv");
        ResultsStore store = ResultsStore.open(file, METRICS);
        store.add(failed("d1", "knn", 0, "error: first\nsecond"));
        store.add(failed("d1", "lof", 0, "error: first\rsecond"));
        store.add(failed("d1", "iforest", 0, "error: first\r\nsecond"));

        ResultsStore reopened = ResultsStore.open(file, METRICS);
        assertThat(reopened.rows()).hasSize(3);
        assertThat(reopened.rows()).extracting(ResultRow::status).allSatisfy(s -> assertThat(s).startsWith("error: first").endsWith("second"));
    }

    @Test
    void quoteAndParseLineRoundTrip() {
        for (String s : List.of("plain", "a,b", "say \"hi\"", "\"", ",", "")) {
            assertThat(ResultsStore.parseLine(ResultsStore.quote(s) + ",x")).containsExactly(s, "x");
        }
    }

    @Test
    void reopenReadsRowsBack() {
        Path file = dir.resolve("results.csv");
        ResultsStore store = ResultsStore.open(file, METRICS);
        store.add(ok("d1", "iforest", 0, 0.8125, 0.25));
        store.add(ok("d1", "iforest", 1, 0.75, 0.5));
        store.add(failed("d2", "lof", 0, ResultRow.TIMEOUT));

        ResultsStore reopened = ResultsStore.open(file, METRICS);
        assertThat(reopened.rows()).hasSize(3);
        ResultRow first = reopened.rows().get(0);
        assertThat(first.suite()).isEqualTo("s");
        assertThat(first.dataset()).isEqualTo("d1");
        assertThat(first.method()).isEqualTo("iforest");
        assertThat(first.seed()).isZero();
        assertThat(first.n()).isEqualTo(100);
        assertThat(first.fitSeconds()).isEqualTo(0.25);
        assertThat(first.scoreSeconds()).isEqualTo(0.125);
        assertThat(first.ok()).isTrue();
        assertThat(first.metrics()).containsExactly(Map.entry("auroc", 0.8125), Map.entry("ap", 0.25));
        assertThat(reopened.rows().get(2).status()).isEqualTo(ResultRow.TIMEOUT);
        assertThat(reopened.rows().get(2).metrics()).isEmpty();
    }

    @Test
    void headerMismatchIsAClearError() throws Exception {
        Path file = dir.resolve("results.csv");
        Files.writeString(file, "suite,dataset,method,seed,n,fit_seconds,score_seconds,status,auroc\n");

        assertThatThrownBy(() -> ResultsStore.open(file, METRICS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file + ":1:")
                .hasMessageContaining("existing results have columns")
                .hasMessageContaining("use another --out folder");
    }

    @Test
    void malformedRowNamesTheLine() throws Exception {
        Path file = dir.resolve("results.csv");
        Files.writeString(file, "suite,dataset,method,seed,n,fit_seconds,score_seconds,status,auroc,ap\n"
                + "s,d,lof,zero,1,0,0,ok,0.5,0.5\n");
        assertThatThrownBy(() -> ResultsStore.open(file, METRICS)).hasMessageContaining(file + ":2: malformed number");

        Files.writeString(file, "suite,dataset,method,seed,n,fit_seconds,score_seconds,status,auroc,ap\ns,d,lof\n");
        assertThatThrownBy(() -> ResultsStore.open(file, METRICS)).hasMessageContaining(file + ":2: expected 10 fields, found 3");
    }

    @Test
    void doneOnlyForOkRows() {
        ResultsStore store = ResultsStore.open(dir.resolve("results.csv"), METRICS);
        store.add(ok("d1", "lof", 0, 0.9, 0.5));
        store.add(failed("d1", "iforest", 0, ResultRow.TIMEOUT));
        store.add(failed("d1", "knn", 0, "error: boom"));

        assertThat(store.done("s", "d1", "lof", 0)).isTrue();
        assertThat(store.done("s", "d1", "iforest", 0)).isFalse();
        assertThat(store.done("s", "d1", "knn", 0)).isFalse();
        assertThat(store.done("s", "d1", "lof", 1)).isFalse();
        assertThat(store.done("other", "d1", "lof", 0)).isFalse();
    }

    @Test
    void aFailedRowIsReplacedByARerun() {
        Path file = dir.resolve("results.csv");
        ResultsStore store = ResultsStore.open(file, METRICS);
        store.add(failed("d1", "iforest", 0, "error: boom"));
        store.add(ok("d1", "lof", 0, 0.9, 0.5));

        ResultsStore reopened = ResultsStore.open(file, METRICS);
        reopened.add(ok("d1", "iforest", 0, 0.7, 0.3));

        assertThat(reopened.rows()).hasSize(2);
        assertThat(reopened.done("s", "d1", "iforest", 0)).isTrue();
        assertThat(ResultsStore.open(file, METRICS).rows()).extracting(ResultRow::method, ResultRow::status)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("lof", "ok"),
                        org.assertj.core.groups.Tuple.tuple("iforest", "ok"));
    }
}
