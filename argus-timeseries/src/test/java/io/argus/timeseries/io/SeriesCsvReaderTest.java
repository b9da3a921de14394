package io.argus.timeseries.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.core.TestData;
import io.argus.core.data.Series;
import io.argus.core.io.DataFormatException;
import io.argus.timeseries.prep.CleaningPolicy;
import io.argus.timeseries.prep.RawSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesCsvReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void readsTimestampValuesLabelAndTrainColumns() throws Exception {
        Path f = write("a.csv", "timestamp,x,y,label,train\n"
                + "2020-01-01 00:00:00,1,10,0,1\n"
                + "2020-01-01 00:00:01,2,20,0,1\n"
                + "2020-01-01T00:00:02,3,30,1,0\n");
        RawSeries.Cleaned c = SeriesCsvReader.defaults().read(f);
        Series s = c.series();
        assertThat(s.steps()).isEqualTo(3);
        assertThat(s.names()).containsExactly("x", "y");
        assertThat(s.get(2, 1)).isEqualTo(30f);
        assertThat(s.labels().orElseThrow()).containsExactly(0, 0, 1);
        assertThat(c.train()).containsExactly(1, 1, 0);
        assertThat(s.timestamps().orElseThrow()).containsExactly(1577836800000L, 1577836801000L, 1577836802000L);
    }

    @Test
    void unsortedTimestampsAreRejectedOrSorted() throws Exception {
        Path f = write("u.csv", "timestamp,x\n3,30\n1,10\n2,20\n");
        assertThatThrownBy(() -> SeriesCsvReader.defaults().read(f)).isInstanceOf(DataFormatException.class)
                .hasMessage(f + ":3: timestamp 1 is earlier than the previous row's 3; rows must be in time order (or choose the policy order=SORT)");
        RawSeries.Cleaned c = SeriesCsvReader.defaults().withPolicy(CleaningPolicy.STRICT.withGaps(CleaningPolicy.Gaps.IGNORE)
                .withOrder(CleaningPolicy.Order.SORT)).read(f);
        assertThat(c.series().channel(0)).containsExactly(10, 20, 30);
        assertThat(c.sortedRows()).isEqualTo(3); // every row changed place
    }

    @Test
    void duplicateTimestampsFollowThePolicy() throws Exception {
        Path f = write("d.csv", "timestamp,x,label\n1,10,0\n2,20,0\n2,40,1\n3,30,0\n");
        assertThatThrownBy(() -> SeriesCsvReader.defaults().read(f)).hasMessage(f + ":4: duplicate timestamp 2 (also on line 3); choose a duplicates policy (KEEP_FIRST, KEEP_LAST, MEAN)");
        CleaningPolicy base = CleaningPolicy.STRICT;
        assertThat(SeriesCsvReader.defaults().withPolicy(base.withDuplicates(CleaningPolicy.Duplicates.KEEP_FIRST)).read(f).series().channel(0))
                .containsExactly(10, 20, 30);
        assertThat(SeriesCsvReader.defaults().withPolicy(base.withDuplicates(CleaningPolicy.Duplicates.KEEP_LAST)).read(f).series().channel(0))
                .containsExactly(10, 40, 30);
        Series mean = SeriesCsvReader.defaults().withPolicy(base.withDuplicates(CleaningPolicy.Duplicates.MEAN)).read(f).series();
        assertThat(mean.channel(0)).containsExactly(10, 30, 30);
        assertThat(mean.labels().orElseThrow()).containsExactly(0, 1, 0);
    }

    @Test
    void gapsAreDetectedAndFilledWithTheImputationPolicy() throws Exception {
        Path f = write("g.csv", "timestamp,x\n0,0\n1000,10\n2000,20\n5000,50\n6000,60\n");
        assertThatThrownBy(() -> SeriesCsvReader.defaults().withPolicy(CleaningPolicy.STRICT.withGaps(CleaningPolicy.Gaps.REJECT)).read(f))
                .hasMessage(f + ":5: gap of 2 missing step(s) before this row (sampling interval 1000 ms, found 3000 ms); choose the policy gaps=FILL or gaps=IGNORE");
        RawSeries.Cleaned lin = SeriesCsvReader.defaults()
                .withPolicy(CleaningPolicy.STRICT.withGaps(CleaningPolicy.Gaps.FILL).withMissing(CleaningPolicy.Missing.LINEAR)).read(f);
        assertThat(lin.series().channel(0)).containsExactly(0, 10, 20, 30, 40, 50, 60);
        assertThat(lin.series().timestamps().orElseThrow()).containsExactly(0, 1000, 2000, 3000, 4000, 5000, 6000);
        assertThat(lin.insertedSteps()).isEqualTo(2);
        RawSeries.Cleaned ff = SeriesCsvReader.defaults()
                .withPolicy(CleaningPolicy.STRICT.withGaps(CleaningPolicy.Gaps.FILL).withMissing(CleaningPolicy.Missing.FORWARD_FILL)).read(f);
        assertThat(ff.series().channel(0)).containsExactly(0, 10, 20, 20, 20, 50, 60);
        // filling without an imputation rule is still an error, at the row after the gap
        assertThatThrownBy(() -> SeriesCsvReader.defaults().withPolicy(CleaningPolicy.STRICT.withGaps(CleaningPolicy.Gaps.FILL)).read(f))
                .hasMessage(f + ":5: missing or non-finite value in column x; choose a missing-value policy (LINEAR, FORWARD_FILL, ZERO)");
    }

    @Test
    void missingValuesFollowThePolicy() throws Exception {
        Path f = write("n.csv", "x,y\n,1\n2,NaN\n4,3\n");
        assertThatThrownBy(() -> SeriesCsvReader.defaults().read(f)).hasMessage(f + ":2: missing or non-finite value in column x; choose a missing-value policy (LINEAR, FORWARD_FILL, ZERO)");
        Series lin = SeriesCsvReader.defaults().withPolicy(CleaningPolicy.STRICT.withMissing(CleaningPolicy.Missing.LINEAR)).read(f).series();
        assertThat(lin.channel(0)).containsExactly(2, 2, 4);
        assertThat(lin.channel(1)).containsExactly(1, 2, 3);
        Series zero = SeriesCsvReader.defaults().withPolicy(CleaningPolicy.STRICT.withMissing(CleaningPolicy.Missing.ZERO)).read(f).series();
        assertThat(zero.channel(1)).containsExactly(1, 0, 3);
        Path allMissing = write("m.csv", "x\nNaN\n\n");
        assertThatThrownBy(() -> SeriesCsvReader.defaults().withPolicy(CleaningPolicy.REPAIR).read(allMissing))
                .hasMessage(allMissing + ": column x has no valid value to impute from");
    }

    @Test
    void malformedRowsNameTheLine() throws Exception {
        Path f = write("b.csv", "timestamp,x\n1,1\n2\n");
        assertThatThrownBy(() -> SeriesCsvReader.defaults().read(f)).hasMessage(f + ":3: expected 2 fields as in the header, found 1");
        Path g = write("t.csv", "timestamp,x\nyesterday,1\n");
        assertThatThrownBy(() -> SeriesCsvReader.defaults().read(g)).hasMessageStartingWith(g + ":2: cannot read timestamp 'yesterday'");
        Path h = write("l.csv", "x,label\n1,2\n");
        assertThatThrownBy(() -> SeriesCsvReader.defaults().read(h)).hasMessage(h + ":2: column label: expected 0 or 1, found '2'");
        Path e = write("e.csv", "");
        assertThatThrownBy(() -> SeriesCsvReader.defaults().read(e)).hasMessage(e + ":1: empty file; expected a header line");
    }

    @Test
    void readsSkab() {
        Path root = TestData.require("skab");
        List<Path> files = SkabReader.labelledFiles(root);
        assertThat(files).hasSize(34);
        Series s = SkabReader.read(files.get(0));
        assertThat(s.channels()).isEqualTo(8);
        assertThat(s.names()).doesNotContain("anomaly", "changepoint", "datetime");
        assertThat(s.labels()).isPresent();
        int rows = 0;
        int anomalous = 0;
        for (Path f : files) {
            Series x = SkabReader.read(f);
            rows += x.steps();
            for (int y : x.labels().orElseThrow()) {
                anomalous += y;
            }
        }
        // PROVENANCE.md: 37,401 rows, 13,067 anomalous rows in the 34 labelled files
        assertThat(rows).isEqualTo(37_401);
        assertThat(anomalous).isEqualTo(13_067);
    }
}
