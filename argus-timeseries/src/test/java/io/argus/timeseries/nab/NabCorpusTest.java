package io.argus.timeseries.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.core.TestData;
import io.argus.core.io.DataFormatException;
import io.argus.metrics.series.NabScore;
import io.argus.metrics.series.Range;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NabCorpusTest {

    @TempDir
    Path dir;

    private Path corpus(String csv, String windows) throws IOException {
        Files.createDirectories(dir.resolve("data/cat"));
        Files.createDirectories(dir.resolve("labels"));
        Files.writeString(dir.resolve("data/cat/a.csv"), csv);
        Files.writeString(dir.resolve("labels/combined_windows.json"), windows);
        return dir;
    }

    @Test
    void readsValuesTimestampsAndWindows() throws IOException {
        Path root = corpus("timestamp,value\n2014-01-01 00:00:00,1\n2014-01-01 00:05:00,2.5\n2014-01-01 00:10:00,3\n2014-01-01 00:15:00,4\n",
                "{\"cat/a.csv\": [[\"2014-01-01 00:05:00.000000\", \"2014-01-01 00:10:00.000000\"]]}");
        List<NabCorpus.File> files = NabCorpus.read(root);
        assertThat(files).hasSize(1);
        NabCorpus.File f = files.get(0);
        assertThat(f.name()).isEqualTo("cat/a.csv");
        assertThat(f.category()).isEqualTo("cat");
        assertThat(f.series().channel(0)).containsExactly(1f, 2.5f, 3f, 4f);
        assertThat(f.windows()).containsExactly(new Range(1, 2));
        assertThat(f.series().labels()).get().isEqualTo(new int[] {0, 1, 1, 0});
        assertThat(f.series().timestamps()).get().satisfies(t -> assertThat(t[1] - t[0]).isEqualTo(300_000L));
    }

    @Test
    void repeatedTimestampsAreRowsUnderNabsPolicyAndAnErrorUnderStrict() throws IOException {
        Path root = corpus("timestamp,value\n2014-01-01 00:00:00,1\n2014-01-01 00:05:00,2\n2014-01-01 00:05:00,3\n2014-01-01 00:10:00,4\n",
                "{\"cat/a.csv\": [[\"2014-01-01 00:05:00\", \"2014-01-01 00:05:00\"]]}");
        NabCorpus.File f = NabCorpus.read(root).get(0);
        assertThat(f.series().steps()).isEqualTo(4);
        assertThat(f.series().timestamps()).isEmpty();
        assertThat(f.windows()).containsExactly(new Range(1, 2));
        assertThatThrownBy(() -> NabCorpus.read(root, NabCorpus.TimestampPolicy.STRICT))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("a.csv")
                .hasMessageContaining("a.csv:4:")
                .hasMessageContaining("timestamps must increase strictly");
    }

    @Test
    void malformedInputNamesFileAndLine() throws IOException {
        assertThatThrownBy(() -> NabCorpus.read(corpus("time,value\n", "{\"cat/a.csv\": []}")))
                .hasMessageContaining("expected the header 'timestamp,value'");
        assertThatThrownBy(() -> NabCorpus.read(corpus("timestamp,value\n2014-01-01 00:00:00,abc\n", "{\"cat/a.csv\": []}")))
                .hasMessageContaining("a.csv:2:").hasMessageContaining("value 'abc' is not a number");
        assertThatThrownBy(() -> NabCorpus.read(corpus("timestamp,value\n2014-01-01 00:00:00,NaN\n", "{\"cat/a.csv\": []}")))
                .hasMessageContaining("a.csv:2:").hasMessageContaining("must be finite");
        assertThatThrownBy(() -> NabCorpus.read(corpus("timestamp,value\n2014-01-01,1\n", "{\"cat/a.csv\": []}")))
                .hasMessageContaining("a.csv:2:").hasMessageContaining("not a NAB timestamp");
        assertThatThrownBy(() -> NabCorpus.read(corpus("timestamp,value\n2014-01-01 00:00:00,1\n", "{}")))
                .hasMessageContaining("no windows entry for data file cat/a.csv");
    }

    @Test
    void realCorpusHasNabsCounts() {
        Path root = TestData.require("nab");
        List<NabCorpus.File> files = NabCorpus.read(root);
        assertThat(files).hasSize(58);
        assertThat(files.stream().mapToInt(f -> f.windows().size()).sum()).isEqualTo(116);
        // every data row is a step: 365,558 rows (PROVENANCE.md says 365,551: seven files lack a final newline)
        assertThat(files.stream().mapToInt(f -> f.series().steps()).sum()).isEqualTo(365_558);
        assertThat(files.stream().filter(f -> !f.windows().isEmpty()).count()).isEqualTo(52);
    }

    @Test
    void timestampParsingMatchesNab() {
        assertThat(NabScore.parseTimestamp("2014-04-10 07:15:00.000000")).isEqualTo(LocalDateTime.of(2014, 4, 10, 7, 15));
    }
}
