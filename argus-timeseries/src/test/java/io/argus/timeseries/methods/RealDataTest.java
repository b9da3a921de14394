package io.argus.timeseries.methods;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.core.Context;
import io.argus.core.TestData;
import io.argus.core.data.Series;
import io.argus.timeseries.io.SkabReader;
import io.argus.timeseries.io.UcrReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Quality floors on the real data under ../shared/data (skipped when it is absent). */
class RealDataTest {

    @Test
    void matrixProfileTopLocationHitsEveryUcrAnomaly() throws Exception {
        Path root = TestData.require("ucr_anomaly");
        List<Path> files;
        try (Stream<Path> s = Files.list(root)) {
            files = s.filter(UcrReader::matches).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            UcrReader.UcrSeries u = UcrReader.read(f);
            double[] s = new MatrixProfileProvider().detector(MatrixProfileParams.DEFAULTS).fit(u.train(), Context.defaults())
                    .score(u.series().withoutLabels(), Context.defaults()).values();
            int best = u.trainEnd();
            for (int t = u.trainEnd(); t < s.length; t++) {
                best = s[t] > s[best] ? t : best;
            }
            assertThat(best).as(f.getFileName().toString()).isBetween(u.anomaly().start() - 100, u.anomaly().end() + 100);
        }
    }

    @Test
    void pcaT2QOnSkabReachesThePublishedF1Neighbourhood() {
        Path root = TestData.require("skab");
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (Path f : SkabReader.labelledFiles(root)) {
            Series s = SkabReader.read(f);
            Series test = s.slice(400, s.steps());
            double[] sc = new PcaT2Q(PcaT2QParams.DEFAULTS).fit(s.slice(0, 400).withoutLabels(), Context.defaults())
                    .score(test.withoutLabels(), Context.defaults()).values();
            int[] y = test.labels().orElseThrow();
            for (int t = 0; t < sc.length; t++) {
                boolean p = sc[t] > PcaT2Q.CONTROL_LIMIT;
                tp += p && y[t] == 1 ? 1 : 0;
                fp += p && y[t] == 0 ? 1 : 0;
                fn += !p && y[t] == 1 ? 1 : 0;
            }
        }
        double f1 = 2.0 * tp / (2.0 * tp + fp + fn);
        // measured 0.757 with the defaults (SKAB's leaderboard: 0.76); the floor guards against regressions
        assertThat(f1).isGreaterThan(0.75);
    }
}
