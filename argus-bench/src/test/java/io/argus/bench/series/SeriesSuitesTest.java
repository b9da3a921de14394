package io.argus.bench.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.argus.bench.DatasetRef;
import io.argus.bench.ResultRow;
import io.argus.bench.Suite;
import io.argus.bench.Suites;
import io.argus.core.Context;
import io.argus.core.TestData;
import io.argus.core.data.Series;
import io.argus.timeseries.io.UcrReader;
import io.argus.timeseries.methods.MatrixProfileParams;
import io.argus.timeseries.methods.MatrixProfileProvider;
import io.argus.timeseries.methods.PcaT2QParams;
import io.argus.timeseries.methods.PcaT2QProvider;
import io.argus.timeseries.prep.RawSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesSuitesTest {

    @TempDir
    Path dir;

    @Test
    void suitesAreRegistered() {
        assertThat(Suites.byName("ucr")).isInstanceOf(UcrSuite.class);
        assertThat(Suites.byName("skab")).isInstanceOf(SkabSuite.class);
        assertThat(Suites.byName("series-dir")).isInstanceOf(SeriesDirSuite.class);
        assertThat(new SkabSuite().metrics()).contains("f1", "far", "mar", "range_f1", "vus_pr", "vus_roc");
        assertThat(new UcrSuite().metrics()).contains("ucr_hit", "vus_pr", "vus_roc");
    }

    @Test
    void skabCorpusPoolsTheConfusionCounts() {
        List<ResultRow> rows = new ArrayList<>();
        rows.add(row("a", 8, 2, 2, 88));
        rows.add(row("b", 2, 8, 8, 82));
        Map<String, Double> m = new SkabSuite().corpus(rows);
        // pooled: tp 10, fp 10, fn 10, tn 170 → F1 = 20/40, FAR = 10/180, MAR = 10/20
        assertThat(m.get("f1")).isCloseTo(0.5, within(1e-12));
        assertThat(m.get("far")).isCloseTo(100.0 * 10 / 180, within(1e-12));
        assertThat(m.get("mar")).isCloseTo(50.0, within(1e-12));
        rows.add(new ResultRow("skab", "c", "m", 0, 0, 0, 0, "timeout", Map.of()));
        assertThat(new SkabSuite().corpus(rows)).isEmpty(); // no pooled figure over a partial corpus
    }

    private static ResultRow row(String name, long tp, long fp, long fn, long tn) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("tp", (double) tp);
        m.put("fp", (double) fp);
        m.put("fn", (double) fn);
        m.put("tn", (double) tn);
        return new ResultRow("skab", name, "m", 0, tp + fp + fn + tn, 0, 0, ResultRow.OK, m);
    }

    @Test
    void seriesDirFitsOnTheTrainColumnAndEvaluatesTheRest() throws Exception {
        StringBuilder sb = new StringBuilder("timestamp,a,b,label,train\n");
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int t = 0; t < 600; t++) {
            double s = r.nextGaussian();
            double a = s;
            double b = 2 * s + 0.05 * r.nextGaussian();
            int label = t >= 500 && t < 520 ? 1 : 0;
            if (label == 1) {
                b = -2 * s; // the relation between a and b breaks
            }
            sb.append(t * 1000L).append(',').append(a).append(',').append(b).append(',').append(label).append(',').append(t < 300 ? 1 : 0)
                    .append('\n');
        }
        Files.writeString(dir.resolve("one.csv"), sb.toString());
        Files.writeString(dir.resolve("notes.txt"), "ignored");
        SeriesDirSuite suite = new SeriesDirSuite();
        List<DatasetRef> refs = suite.datasets(dir);
        assertThat(refs).extracting(DatasetRef::name).containsExactly("one");
        RawSeries.Cleaned data = suite.load(refs.get(0));
        Suite.Outcome o = suite.run(data, new PcaT2QProvider().detector(PcaT2QParams.DEFAULTS), Context.defaults());
        assertThat(o.n()).isEqualTo(300);
        assertThat(o.metrics().get("vus_roc")).isGreaterThan(0.9);
        assertThat(o.metrics().get("f1")).isGreaterThan(0.5);
        Files.writeString(dir.resolve("nolabel.csv"), "timestamp,a\n1,2\n2,3\n");
        assertThatThrownBy(() -> suite.load(new DatasetRef("series-dir", "nolabel", dir.resolve("nolabel.csv"))))
                .hasMessageContaining("no 'label' column");
    }

    @Test
    void ucrRunCountsAHitWithTheArchiveTolerance() {
        Path root = TestData.require("ucr_anomaly");
        UcrSuite suite = new UcrSuite();
        List<DatasetRef> refs = suite.datasets(root.getParent());
        assertThat(refs).hasSize(4);
        UcrReader.UcrSeries u = suite.load(refs.get(1));
        Suite.Outcome o = suite.run(u, new MatrixProfileProvider().detector(MatrixProfileParams.DEFAULTS), Context.defaults());
        assertThat(o.metrics().get("ucr_hit")).isEqualTo(1.0);
        assertThat(o.metrics().get("vus_pr")).isGreaterThan(0.5);
        Series s = u.series();
        assertThat(o.n()).isEqualTo(s.steps());
    }
}
