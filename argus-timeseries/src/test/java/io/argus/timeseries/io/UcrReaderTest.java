package io.argus.timeseries.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.core.TestData;
import io.argus.core.io.DataFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UcrReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsValuesSplitAndOneBasedRangeFromTheName() throws Exception {
        Path f = dir.resolve("007_UCR_Anomaly_Toy_name_3_5_6.txt");
        Files.writeString(f, "  1.0e+00\n2\n3 4\n5\n6\n7\n8\n");
        UcrReader.UcrSeries u = UcrReader.read(f);
        assertThat(u.id()).isEqualTo(7);
        assertThat(u.name()).isEqualTo("Toy_name");
        assertThat(u.series().steps()).isEqualTo(8);
        assertThat(u.trainEnd()).isEqualTo(3);
        assertThat(u.anomaly().start()).isEqualTo(4);
        assertThat(u.anomaly().end()).isEqualTo(5);
        assertThat(u.series().labels().orElseThrow()).containsExactly(0, 0, 0, 0, 1, 1, 0, 0);
        assertThat(u.train().steps()).isEqualTo(3);
        assertThat(u.train().labels()).isEmpty();
        assertThat(u.series().channel(0)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void badInputNamesTheFileAndLine() throws Exception {
        Path f = dir.resolve("001_UCR_Anomaly_X_2_3_3.txt");
        Files.writeString(f, "1\n2\nabc\n4\n");
        assertThatThrownBy(() -> UcrReader.read(f)).isInstanceOf(DataFormatException.class)
                .hasMessage(f + ":3: expected a number, found 'abc'");
        Path g = dir.resolve("series.txt");
        Files.writeString(g, "1\n");
        assertThatThrownBy(() -> UcrReader.read(g)).isInstanceOf(DataFormatException.class).hasMessageContaining("does not follow the UCR archive scheme");
        Path h = dir.resolve("001_UCR_Anomaly_X_2_3_9.txt");
        Files.writeString(h, "1\n2\n3\n4\n");
        assertThatThrownBy(() -> UcrReader.read(h)).hasMessage(h + ": anomaly [3, 9] from the file name must satisfy 1 <= start <= end <= 4");
    }

    @Test
    void readsTheArchiveFilesHere() throws Exception {
        Path root = TestData.require("ucr_anomaly");
        List<Path> files;
        try (Stream<Path> s = Files.list(root)) {
            files = s.filter(UcrReader::matches).sorted().toList();
        }
        assertThat(files).hasSize(4);
        UcrReader.UcrSeries u = UcrReader.read(files.get(0));
        assertThat(u.series().steps()).isEqualTo(7501); // this file holds one value more than PROVENANCE.md says
        assertThat(u.trainEnd()).isEqualTo(1200);
        assertThat(u.anomaly().start()).isEqualTo(4186);
        assertThat(u.anomaly().end()).isEqualTo(4198);
    }
}
