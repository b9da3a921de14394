package io.argus.bench.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.argus.bench.DatasetRef;
import io.argus.bench.ResultRow;
import io.argus.bench.Suite;
import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.data.Series;
import io.argus.metrics.series.NabProfile;
import io.argus.metrics.series.NabScore;
import io.argus.timeseries.nab.NabCorpus;
import io.argus.timeseries.nab.NabProtocol;
import io.argus.timeseries.stream.EwmaParams;
import io.argus.timeseries.stream.StreamProviders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NabSuiteTest {

    @TempDir
    Path root;

    private void file(String name, int n, int spikeAt, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder("timestamp,value\n");
        LocalDateTime t0 = LocalDateTime.of(2014, 1, 1, 0, 0);
        for (int i = 0; i < n; i++) {
            double v = Math.sin(i * 0.2) + 0.1 * r.nextDouble() + (i == spikeAt ? 6 : 0);
            sb.append(t0.plusMinutes(5L * i).toString().replace('T', ' ')).append(":00,")
                    .append(String.format(Locale.ROOT, "%.4f", v)).append('\n');
        }
        Path f = root.resolve("nab/data/cat/" + name + ".csv");
        Files.createDirectories(f.getParent());
        Files.writeString(f, sb.toString());
    }

    @Test
    void corpusRowIsTheNabScoreOfTheWholeCorpus() throws IOException {
        file("a", 3000, 2000, 1);
        file("b", 2000, 1500, 2);
        file("c", 1500, -1, 3);
        LocalDateTime t0 = LocalDateTime.of(2014, 1, 1, 0, 0);
        String wa = "[[\"" + t0.plusMinutes(5L * 1950).toString().replace('T', ' ') + ":00\", \""
                + t0.plusMinutes(5L * 2100).toString().replace('T', ' ') + ":00\"]]";
        String wb = "[[\"" + t0.plusMinutes(5L * 1450).toString().replace('T', ' ') + ":00\", \""
                + t0.plusMinutes(5L * 1600).toString().replace('T', ' ') + ":00\"]]";
        Files.createDirectories(root.resolve("nab/labels"));
        Files.writeString(root.resolve("nab/labels/combined_windows.json"),
                "{\"cat/a.csv\": " + wa + ", \"cat/b.csv\": " + wb + ", \"cat/c.csv\": []}");

        NabSuite suite = new NabSuite();
        List<DatasetRef> refs = suite.datasets(root);
        assertThat(refs).extracting(DatasetRef::name).containsExactly("cat/a", "cat/b", "cat/c");
        Detector<Series> det = new StreamProviders.EwmaProvider().detector(EwmaParams.DEFAULTS);
        List<ResultRow> rows = new ArrayList<>();
        List<NabScore.Series> raw = new ArrayList<>();
        List<NabScore.Series> detections = new ArrayList<>();
        try (Context ctx = Context.builder().threads(1).build()) {
            for (DatasetRef ref : refs) {
                NabCorpus.File f = suite.load(ref);
                Suite.Outcome o = suite.run(f, det, ctx);
                rows.add(new ResultRow("nab", ref.name(), "ewma", 0, o.n(), o.fitSeconds(), o.scoreSeconds(), ResultRow.OK, o.metrics()));
                double[] s = NabProtocol.scoreFile(f, det, ctx);
                raw.add(new NabScore.Series(s, f.windows()));
                detections.add(NabScore.Series.ofDetections(NabProtocol.decisionFor(det).detect(s, NabScore.probationaryLength(s.length)),
                        f.windows()));
            }
        }
        var corpus = suite.corpus(rows);
        assertThat(corpus.get("nab_standard")).isCloseTo(NabScore.score(detections, 1.0, NabProfile.STANDARD).score(), within(1e-9));
        assertThat(corpus.get("nab_low_fn")).isCloseTo(NabScore.score(detections, 1.0, NabProfile.REWARD_LOW_FN).score(), within(1e-9));
        assertThat(corpus.get("nab_opt_standard")).isCloseTo(NabScore.optimize(raw, NabProfile.STANDARD).score(), within(1e-9));
        assertThat(corpus.get("nab_opt_low_fp")).isCloseTo(NabScore.optimize(raw, NabProfile.REWARD_LOW_FP).score(), within(1e-9));
        // a fresh suite (a resumed run) has no scores in memory: the optimised figures are left empty
        assertThat(new NabSuite().corpus(rows).get("nab_opt_standard")).isNaN();
    }
}
