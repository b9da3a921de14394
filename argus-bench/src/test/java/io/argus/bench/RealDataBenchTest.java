package io.argus.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.argus.core.TestData;
import io.argus.core.data.Table;
import io.argus.core.params.MethodRegistry;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke tests on the shared benchmark data; skipped with a message when it is absent. */
class RealDataBenchTest {

    @TempDir
    Path out;

    @Test
    void adbenchGlassAndWbcMatchTheReference() {
        Path root = TestData.require("adbench_classical").getParent();
        BenchConfig config = new BenchConfig(Suites.ADBENCH, List.of("iforest", "lof"), List.of("14_glass", "42_WBC"), 2, 0, root, out,
                2, 600);
        List<ResultRow> rows = new BenchRunner(MethodRegistry.load()).run(config, BenchListener.NONE);

        assertThat(rows).hasSize(6).allSatisfy(r -> assertThat(r.status()).isEqualTo(ResultRow.OK));
        ResultRow glassLof = rows.stream().filter(r -> r.dataset().equals("14_glass") && r.method().equals("lof")).findFirst()
                .orElseThrow();
        // BENCHMARKS.md: scikit-learn LOF (k=20) AUROC on 14_glass is 0.811
        assertThat(glassLof.metrics().get("auroc")).isCloseTo(0.811, within(0.01));
        assertThat(glassLof.n()).isEqualTo(214);
        assertThat(rows.stream().filter(r -> r.method().equals("iforest")).map(ResultRow::seed).distinct()).containsExactly(0L, 1L);
    }

    @Test
    void oddsListsFifteenDataSetsAndLoadsGlassWithLabels() {
        Path root = TestData.require("odds_pyod/csv").getParent().getParent();
        List<DatasetRef> refs = Suites.ODDS.datasets(root);
        assertThat(refs).hasSize(15);
        DatasetRef glass = refs.stream().filter(r -> r.name().equals("glass")).findFirst().orElseThrow();
        Table t = Suites.ODDS.load(glass);
        assertThat(t.rows()).isEqualTo(214);
        assertThat(t.cols()).isEqualTo(9);
        int[] labels = t.labels().orElseThrow();
        assertThat(Arrays.stream(labels).sum()).isEqualTo(9);
    }
}
