package io.argus.core.io;

import static io.argus.core.io.NpyBytes.npy;
import static io.argus.core.io.NpyBytes.npz;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.core.data.Table;
import io.argus.core.io.CsvOptions.LabelColumn;
import io.argus.core.io.TableReaders.ReadOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableReadersTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    @Test
    void dispatchesCsvAndTsvWithTheirDelimiters() throws Exception {
        Path csv = dir.resolve("a.csv");
        Files.writeString(csv, "a,b,label\n1,2,0\n3,4,1\n");
        Path tsv = dir.resolve("a.TSV");
        Files.writeString(tsv, "a\tb\tlabel\n1\t2\t0\n3\t4\t1\n");
        for (Path p : new Path[] {csv, tsv}) {
            Table t = TableReaders.read(p, ReadOptions.defaults().withLabel(LabelColumn.named("label")));
            assertThat(t.cols()).isEqualTo(2);
            assertThat(t.values()).containsExactly(1f, 2f, 3f, 4f);
            assertThat(t.labels()).hasValueSatisfying(l -> assertThat(l).containsExactly(0, 1));
        }
        Table semicolon = TableReaders.read(csv, ReadOptions.defaults().withDelimiter(CsvOptions.DETECT_DELIMITER));
        assertThat(semicolon.cols()).isEqualTo(3);
    }

    @Test
    void npyTwoDimensionalAndOneDimensional() throws Exception {
        Path two = write("x.npy", npy("<f8", true, new int[] {2, 2}, new double[] {1, 3, 2, 4}));
        Table t = TableReaders.read(two);
        assertThat(t.rows()).isEqualTo(2);
        assertThat(t.values()).containsExactly(1f, 2f, 3f, 4f);
        assertThat(t.labels()).isEmpty();

        Path one = write("v.npy", npy("|u1", false, new int[] {3}, new double[] {7, 8, 9}));
        Table v = TableReaders.read(one);
        assertThat(v.rows()).isEqualTo(3);
        assertThat(v.cols()).isEqualTo(1);

        Path three = write("c.npy", npy("<f4", false, new int[] {1, 1, 1}, new double[] {1}));
        assertThatThrownBy(() -> TableReaders.read(three))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("expected a 1-D or 2-D feature array, found shape (1, 1, 1) of dtype <f4");
    }

    @Test
    void npzWithAndWithoutLabels() throws Exception {
        byte[] x = npy("<f4", false, new int[] {3, 2}, new double[] {1, 2, 3, 4, 5, 6});
        byte[] y = npy("|b1", false, new int[] {3}, new double[] {0, 1, 0});
        Path labelled = write("l.npz", npz(true, "X.npy", x, "y.npy", y));
        Table t = TableReaders.read(labelled);
        assertThat(t.labels()).hasValueSatisfying(l -> assertThat(l).containsExactly(0, 1, 0));
        assertThat(t.values()).containsExactly(1f, 2f, 3f, 4f, 5f, 6f);

        Path unlabelled = write("u.npz", npz(false, "X.npy", x));
        assertThat(TableReaders.read(unlabelled).labels()).isEmpty();

        Path custom = write("c.npz", npz(true, "feat.npy", x, "target.npy", y));
        Table c = TableReaders.read(custom, ReadOptions.defaults().withArrays("feat", "target"));
        assertThat(c.labels()).isPresent();
        assertThatThrownBy(() -> TableReaders.read(custom, ReadOptions.defaults().withArrays("feat", "lbl")))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(custom + ": no label array 'lbl': expected one of [feat, target]");
        assertThatThrownBy(() -> TableReaders.read(custom))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(custom + ": no feature array 'X': expected one of [feat, target] (set the feature array name)");
    }

    @Test
    void npzLabelsMustBeZeroOrOneAndMatchTheRows() throws Exception {
        byte[] x = npy("<f8", false, new int[] {3, 1}, new double[] {1, 2, 3});
        Path two = write("two.npz", npz(true, "X.npy", x, "y.npy", npy("<i8", false, new int[] {3}, new double[] {0, 2, 1})));
        assertThatThrownBy(() -> TableReaders.read(two))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(two + ": label array: element 1 is 2.0; expected 0 (normal) or 1 (anomaly) (dtype <i8)");
        Path shape = write("shape.npz", npz(true, "X.npy", x, "y.npy", npy("<i8", false, new int[] {2}, new double[] {0, 1})));
        assertThatThrownBy(() -> TableReaders.read(shape))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("label array: expected shape (3,) to match the 3 rows of the features, found (2,)");
    }

    @Test
    void nonFiniteArrayValuesNameTheFileRowAndColumn() throws Exception {
        Path nan = write("nan.npy", npy("<f8", false, new int[] {2, 2}, new double[] {1, 2, 3, Double.NaN}));
        assertThatThrownBy(() -> TableReaders.read(nan))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(nan + ": non-finite value NaN at row 1, column 1");
        Path big = write("big.npy", npy("<f8", false, new int[] {1}, new double[] {1e300}));
        assertThatThrownBy(() -> TableReaders.read(big))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("overflows float32");
    }

    @Test
    void emptyArrayHasNoDataRows() throws Exception {
        Path empty = write("e.npy", npy("<f8", false, new int[] {0, 3}, new double[0]));
        assertThatThrownBy(() -> TableReaders.read(empty))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("no data rows");
    }

    @Test
    void unknownExtensionListsTheSupportedOnes() throws Exception {
        Path f = write("data.parquet", new byte[] {1});
        assertThatThrownBy(() -> TableReaders.read(f))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(f + ": unsupported file type: expected one of .csv, .csv.gz, .tsv, .tsv.gz, .npy, .npz,"
                        + " found 'data.parquet'");
    }

    @Test
    void missingFile() {
        Path f = dir.resolve("nope.csv");
        assertThatThrownBy(() -> TableReaders.read(f))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(f + ": file not found");
    }
}
