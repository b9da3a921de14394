package io.argus.logs.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.argus.core.TestData;
import io.argus.logs.LogFixtures;
import io.argus.logs.drain.Drain;
import io.argus.logs.format.LogPreset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reproduces the published Drain grouping accuracy on loghub-2k with the published settings
 * (logparser/Drain/README.md; settings of benchmark/Drain_benchmark.py, see {@link LogPreset}).
 */
class LoghubAccuracyTest {

    @ParameterizedTest
    @CsvSource({"HDFS, hdfs, 0.9975", "BGL, bgl, 0.9625"})
    void groupingAccuracyEqualsThePublishedDrainFigure(String dataset, String preset, double published) {
        Path dir = TestData.require("loghub_2k/" + dataset);
        Path log = dir.resolve(dataset + "_2k.log");
        LogPreset p = LogPreset.of(preset);
        for (int threads : new int[] {1, 2}) {
            LogParser parser = new LogParser(p.format(), threads, LogReader.MAX_LINE_BYTES_DEFAULT);
            LogParser.Parsed parsed = parser.parseFile(log, new Drain(p.drain()));
            assertThat(parsed.report().skipped()).isZero();
            assertThat(parsed.clusterIds()).hasSize(2000);
            List<String> truth = LogFixtures.column(dir.resolve(dataset + "_2k.log_structured.csv"), "EventId");
            List<String> ours = new ArrayList<>();
            for (int i = 0; i < parsed.clusterIds().length; i++) {
                ours.add(io.argus.logs.drain.LogCluster.eventId(parsed.template(i)));
            }
            double accuracy = GroupingAccuracy.of(truth, ours);
            assertThat(accuracy).as(dataset + " grouping accuracy, " + threads + " threads").isCloseTo(published, within(1e-12));
        }
    }
}
