package io.argus.bench.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.bench.DatasetRef;
import io.argus.bench.Suite;
import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Series;
import io.argus.metrics.series.NabScore;
import io.argus.timeseries.nab.NabCorpus;
import io.argus.timeseries.nab.NabProtocol;
import io.argus.timeseries.stream.CadOseDetector;
import io.argus.timeseries.stream.CadOseParams;
import io.argus.timeseries.stream.InputRangeAware;
import io.argus.timeseries.stream.StreamingSeriesDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NAB's harness convention in the suite: a range-aware detector is given the whole file's min and max. */
class NabSuiteInputRangeTest {

    @TempDir
    Path root;

    private NabCorpus.File file() throws IOException {
        StringBuilder sb = new StringBuilder("timestamp,value\n");
        LocalDateTime t0 = LocalDateTime.of(2014, 1, 1, 0, 0);
        for (int i = 0; i < 1200; i++) {
            // the maximum (40) comes after the probation, the minimum (-3) inside it
            int v = i == 1000 ? 40 : i == 10 ? -3 : (i % 12);
            sb.append(t0.plusMinutes(5L * i).toString().replace('T', ' ')).append(":00,").append(v).append('\n');
        }
        Path f = root.resolve("nab/data/cat/a.csv");
        Files.createDirectories(f.getParent());
        Files.writeString(f, sb.toString());
        String w = "[[\"" + t0.plusMinutes(5L * 990).toString().replace('T', ' ') + ":00\", \""
                + t0.plusMinutes(5L * 1010).toString().replace('T', ' ') + ":00\"]]";
        Files.createDirectories(root.resolve("nab/labels"));
        Files.writeString(root.resolve("nab/labels/combined_windows.json"), "{\"cat/a.csv\": " + w + "}");
        NabSuite suite = new NabSuite();
        DatasetRef ref = suite.datasets(root).get(0);
        return suite.load(ref);
    }

    /** Records the range it is given, then behaves as CAD OSE over that range. */
    private static final class Spy implements Detector<Series>, InputRangeAware {
        final List<double[]> ranges = new ArrayList<>();

        @Override
        public Model<Series> fit(Series train, Context ctx) {
            throw new AssertionError("the suite must fit the detector configured with the file's range");
        }

        @Override
        public Detector<Series> withInputRange(double min, double max) {
            ranges.add(new double[] {min, max});
            return new CadOseDetector(CadOseParams.DEFAULTS).withInputRange(min, max);
        }
    }

    @Test
    void aRangeAwareDetectorGetsTheWholeFilesRangeAndKeepsItsOwnDecision() throws IOException {
        NabCorpus.File f = file();
        Spy spy = new Spy();
        try (Context ctx = Context.builder().threads(1).build()) {
            Suite.Outcome o = new NabSuite().run(f, spy, ctx);
            assertThat(spy.ranges).hasSize(1);
            assertThat(spy.ranges.get(0)).containsExactly(-3, 40);
            // the same detections as CAD OSE over the file's range with its own alert level (0.75)
            StreamingSeriesDetector det = new CadOseDetector(CadOseParams.DEFAULTS).withInputRange(-3, 40);
            double[] s = NabProtocol.scoreFile(f, det, ctx);
            int p = NabScore.probationaryLength(s.length);
            int count = 0;
            for (int i = p; i < s.length; i++) {
                count += s[i] >= 0.75 ? 1 : 0;
            }
            assertThat(count).isPositive();
            assertThat(o.metrics().get("detections")).isEqualTo(count);
        }
    }
}
