package io.argus.metrics.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.argus.core.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Smoke test on one NAB file (../shared/data/nab, see its PROVENANCE.md); skipped when absent. */
class NabRealDataTest {

    private static final String FILE = "realKnownCause/nyc_taxi.csv";

    @Test
    void trivialDetectorOnNycTaxiScoresInsideTheNormalisedRange() throws IOException {
        Path nab = TestData.require("nab");
        List<String> lines = Files.readAllLines(nab.resolve("data").resolve(FILE));
        List<LocalDateTime> ts = new ArrayList<>();
        double[] values = new double[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            ts.add(NabScore.parseTimestamp(f[0]));
            values[i - 1] = Double.parseDouble(f[1]);
        }
        Map<String, List<List<String>>> all = new ObjectMapper().readValue(nab.resolve("labels/combined_windows.json").toFile(),
                new TypeReference<Map<String, List<List<String>>>>() { });
        List<LocalDateTime[]> raw = new ArrayList<>();
        for (List<String> w : all.get(FILE)) {
            raw.add(new LocalDateTime[] {NabScore.parseTimestamp(w.get(0)), NabScore.parseTimestamp(w.get(1))});
        }
        List<Range> windows = NabScore.windowRanges(ts, raw);
        assertThat(windows).hasSize(5);

        // Trivial detector: absolute z-score of the value.
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double var = 0;
        for (double v : values) {
            var += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(var / values.length);
        double[] scores = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            scores[i] = Math.abs(values[i] - mean) / sd;
        }
        List<NabScore.Series> corpus = List.of(new NabScore.Series(scores, windows));
        for (NabProfile p : NabProfile.all()) {
            NabScore.Result best = NabScore.optimize(corpus, p);
            assertThat(best.score()).as(p.name()).isGreaterThan(-100).isLessThanOrEqualTo(100);
            assertThat(best.score()).as("optimum never below the null detector").isGreaterThanOrEqualTo(0);
            NabScore.Result again = NabScore.score(corpus, best.threshold(), p);
            assertThat(again.score()).isCloseTo(best.score(), within(1e-9));
            NabScore.Result fixed = NabScore.score(corpus, 3.0, p);
            assertThat(fixed.score()).isGreaterThan(-100).isLessThanOrEqualTo(100);
        }
    }
}
