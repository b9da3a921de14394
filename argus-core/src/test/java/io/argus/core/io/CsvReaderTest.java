package io.argus.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.core.data.Table;
import io.argus.core.io.CsvOptions.Header;
import io.argus.core.io.CsvOptions.LabelColumn;
import io.argus.core.io.CsvOptions.MissingPolicy;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvReaderTest {

    private static final CsvOptions LAST_LABEL = CsvOptions.defaults().withLabel(LabelColumn.at(-1));

    private static Table read(String text, CsvOptions opt) {
        return CsvReader.read(new StringReader(text), "t.csv", opt);
    }

    @Test
    void readsHeaderValuesAndLabels() {
        Table t = read("a,b,label\n1,2.5,0\n-3,4e2,1\n", LAST_LABEL);
        assertThat(t.rows()).isEqualTo(2);
        assertThat(t.cols()).isEqualTo(2);
        assertThat(t.columns()).containsExactly("a", "b");
        assertThat(t.values()).containsExactly(1f, 2.5f, -3f, 400f);
        assertThat(t.labels()).hasValueSatisfying(l -> assertThat(l).containsExactly(0, 1));
        assertThat(t.source()).contains("t.csv");
    }

    @Test
    void quotedFieldsHoldDelimitersQuotesAndLineBreaks() {
        String text = "\"a,1\",\"say \"\"hi\"\"\",\"multi\nline\"\n\"1\",2,3\n4,5,6\n7,x,9\n";
        Table t = read("\"a,1\",\"say \"\"hi\"\"\",\"multi\nline\"\n\"1\",2,3\n4,5,6\n", CsvOptions.defaults());
        assertThat(t.columns()).containsExactly("a,1", "say \"hi\"", "multi\nline");
        assertThat(t.values()).containsExactly(1f, 2f, 3f, 4f, 5f, 6f);
        // the header spans lines 1-2, so the bad row is on physical line 5
        assertThatThrownBy(() -> read(text, CsvOptions.defaults()))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("t.csv:5: non-numeric value in column 'say \"hi\"'");
    }

    @Test
    void headerModes() {
        Table auto = read("1,2\n3,4\n", CsvOptions.defaults());
        assertThat(auto.rows()).isEqualTo(2);
        assertThat(auto.columns()).containsExactly("x0", "x1");

        Table no = read("1,2\n3,4\n", CsvOptions.defaults().withHeader(Header.NO));
        assertThat(no.rows()).isEqualTo(2);

        Table yes = read("1,2\n3,4\n", CsvOptions.defaults().withHeader(Header.YES));
        assertThat(yes.rows()).isEqualTo(1);
        assertThat(yes.columns()).containsExactly("1", "2");

        // a boolean label column in the first row does not make it a header
        Table labelled = read("1,2,true\n3,4,false\n", LAST_LABEL);
        assertThat(labelled.rows()).isEqualTo(2);
        assertThat(labelled.labels()).hasValueSatisfying(l -> assertThat(l).containsExactly(1, 0));
    }

    @Test
    void labelColumnByNameByIndexAndFormats() {
        String text = "y,a,b\n1.0,1,2\n0.0,3,4\nTRUE,5,6\nfalse,7,8\n0,9,10\n";
        Table byName = read(text, CsvOptions.defaults().withLabel(LabelColumn.named("y")));
        Table byIndex = read(text, CsvOptions.defaults().withLabel(LabelColumn.at(0)));
        for (Table t : new Table[] {byName, byIndex}) {
            assertThat(t.columns()).containsExactly("a", "b");
            assertThat(t.labels()).hasValueSatisfying(l -> assertThat(l).containsExactly(1, 0, 1, 0, 0));
            assertThat(t.row(4)).containsExactly(9f, 10f);
        }
        assertThat(LabelColumn.parse("-1")).isEqualTo(LabelColumn.at(-1));
        assertThat(LabelColumn.parse("label")).isEqualTo(LabelColumn.named("label"));
        assertThat(LabelColumn.parse("none").isNone()).isTrue();
    }

    @Test
    void labelColumnErrors() {
        assertThatThrownBy(() -> read("a,b\n1,2\n", CsvOptions.defaults().withLabel(LabelColumn.named("label"))))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("t.csv:1: no label column 'label'; expected one of the header names [a, b]");
        assertThatThrownBy(() -> read("1,2\n", CsvOptions.defaults().withLabel(LabelColumn.named("label"))))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("t.csv:1: label column 'label' is given by name but the file has no header row");
        assertThatThrownBy(() -> read("1,2\n", CsvOptions.defaults().withLabel(LabelColumn.at(2))))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("t.csv:1: label column index 2 is out of range: expected -2..1 for 2 fields");
        assertThatThrownBy(() -> read("label\n1\n", CsvOptions.defaults().withLabel(LabelColumn.at(0))))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("no feature columns");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "0.5", "yes", "", "-1"})
    void badLabel(String label) {
        assertThatThrownBy(() -> read("a,label\n1,0\n2," + label + "\n", LAST_LABEL))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("t.csv:3: bad label in column 'label' (field 2): expected 0 or 1 (also 0.0/1.0, true/false), found '"
                        + label + "'");
    }

    @Test
    void nanIsAMissingValueRejectedByDefault() {
        assertThatThrownBy(() -> read("a,b\n1,2\n3,NaN\n", CsvOptions.defaults()))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("t.csv:3: missing value in column 'b' (field 2): expected a number, found 'NaN'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "NA", "NaN", "nan", "?", "null"})
    void everyMissingTokenIsRecognised(String token) {
        assertThatThrownBy(() -> read("a,b\n1,2\n3," + token + "\n", CsvOptions.defaults()))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("t.csv:3: missing value in column 'b'");
    }

    @Test
    void missingValuePolicies() {
        String text = "a,b,label\n1,NA,1\n3,4,0\n,8,0\n";
        Table drop = read(text, LAST_LABEL.withMissing(MissingPolicy.DROP_ROW));
        assertThat(drop.rows()).isEqualTo(1);
        assertThat(drop.values()).containsExactly(3f, 4f);
        assertThat(drop.labels()).hasValueSatisfying(l -> assertThat(l).containsExactly(0));

        Table mean = read(text, LAST_LABEL.withMissing(MissingPolicy.MEAN));
        assertThat(mean.values()).containsExactly(1f, 6f, 3f, 4f, 2f, 8f);
        assertThat(mean.labels()).hasValueSatisfying(l -> assertThat(l).containsExactly(1, 0, 0));

        Table zero = read(text, LAST_LABEL.withMissing(MissingPolicy.ZERO));
        assertThat(zero.values()).containsExactly(1f, 0f, 3f, 4f, 0f, 8f);

        assertThatThrownBy(() -> read("a,b\n1,?\n2,?\n", CsvOptions.defaults().withMissing(MissingPolicy.MEAN)))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("t.csv: cannot impute the mean of column 'b': expected at least one present value, found all 2 values missing");
        assertThatThrownBy(() -> read("a,b\n1,?\n2,?\n", CsvOptions.defaults().withMissing(MissingPolicy.DROP_ROW)))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("no data rows: all 2 rows had missing values");
    }

    @Test
    void raggedRow() {
        assertThatThrownBy(() -> read("a,b,c\n1,2,3\n4,5\n", CsvOptions.defaults()))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("t.csv:3: expected 3 fields, found 2");
    }

    @Test
    void emptyFileAndHeaderOnly() {
        assertThatThrownBy(() -> read("", CsvOptions.defaults()))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("t.csv: no data rows: the file is empty");
        assertThatThrownBy(() -> read("\n\n", CsvOptions.defaults()))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("no data rows");
        assertThatThrownBy(() -> read("a,b,label\n", LAST_LABEL))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("t.csv: no data rows: expected at least one row after the header, found only the header (line 1)");
    }

    @Test
    void nonNumericField() {
        assertThatThrownBy(() -> read("a,b\n1,2\n3,4x\n", CsvOptions.defaults()))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("t.csv:3: non-numeric value in column 'b' (field 2): expected a number, found '4x'");
        assertThatThrownBy(() -> read("1,2\n3,abc\n", CsvOptions.defaults()))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("t.csv:2: non-numeric value in column 'x1' (field 2)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"inf", "-Infinity", "1e39"})
    void nonFiniteValuesAreRejectedWithTheirLine(String text) {
        assertThatThrownBy(() -> read("a,b\n1,2\n3," + text + "\n", CsvOptions.defaults()))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("t.csv:3: non-finite value in column 'b' (field 2): expected a finite float32 number, found '" + text + "'");
    }

    @Test
    void unterminatedQuoteAndJunkAfterQuote() {
        assertThatThrownBy(() -> read("a,b\n1,\"2\n3,4\n", CsvOptions.defaults()))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("t.csv:2: unterminated quoted field (field 2)");
        assertThatThrownBy(() -> read("a,b\n1,\"2\"x\n", CsvOptions.defaults()))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("t.csv:2: unexpected character 'x' after a closing quote");
    }

    @Test
    void lineEndingsBlankLinesBomAndSpaces() {
        Table t = read("\uFEFFa, b\r\n1, 2\r\n\r\n 3 ,4\r5,6", CsvOptions.defaults());
        assertThat(t.columns()).containsExactly("a", "b");
        assertThat(t.values()).containsExactly(1f, 2f, 3f, 4f, 5f, 6f);
        assertThatThrownBy(() -> read("a,b\r\n1,2\r\n\r\n3,z\r\n", CsvOptions.defaults()))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("t.csv:4: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {",", ";", "\t", "|"})
    void detectsTheDelimiter(String d) {
        String text = String.join(d, "a", "b", "c") + "\n" + String.join(d, "1", "\"2" + (d.equals(",") ? ";" : ",") + "\"", "3")
                .replace("\"2;\"", "2").replace("\"2,\"", "2") + "\n" + String.join(d, "4", "5", "6") + "\n";
        Table t = read(text, CsvOptions.defaults().detectDelimiter());
        assertThat(t.cols()).isEqualTo(3);
        assertThat(t.values()).containsExactly(1f, 2f, 3f, 4f, 5f, 6f);
    }

    @Test
    void explicitDelimiter() {
        Table t = read("a;b\n1.5;2\n", CsvOptions.defaults().withDelimiter(';'));
        assertThat(t.columns()).containsExactly("a", "b");
        assertThat(t.values()).containsExactly(1.5f, 2f);
        assertThatThrownBy(() -> read("a;b\n1,5;2\n", CsvOptions.defaults().withDelimiter(';')))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("t.csv:2: non-numeric value in column 'a' (field 1): expected a number, found '1,5'");
    }

    @Test
    void readsGzipByMagicBytes(@TempDir Path dir) throws Exception {
        String text = "a,\"b\nc\",label\n1,2,0\n3,4,1\n";
        Path gz = dir.resolve("t.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        Path renamed = dir.resolve("t.data");
        Files.copy(gz, renamed);
        for (Path p : new Path[] {gz, renamed}) {
            Table t = CsvReader.read(p, LAST_LABEL);
            assertThat(t.columns()).containsExactly("a", "b\nc");
            assertThat(t.values()).containsExactly(1f, 2f, 3f, 4f);
            assertThat(t.source()).contains(p.toString());
        }
        Path notGz = dir.resolve("plain.csv.gz");
        Files.writeString(notGz, text);
        assertThatThrownBy(() -> CsvReader.read(notGz, LAST_LABEL))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("expected gzip data");
        byte[] cut = Files.readAllBytes(gz);
        Path truncated = dir.resolve("cut.csv.gz");
        Files.write(truncated, java.util.Arrays.copyOf(cut, cut.length - 12));
        assertThatThrownBy(() -> CsvReader.read(truncated, LAST_LABEL))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("corrupt or truncated gzip data");
    }

    @Test
    void numbersParseExactlyAsFloatParseFloat() {
        Random r = new Random(42);
        String[] fixed = {"0", "-0", "0.0", "1", "1.", ".5", "+.5", "1e5", "1E-5", "3.4028235e38", "1.4e-45", "7e-46",
            "16777217", "33554435", "0.1", "0.30000001192092896", "1.00000005960464477539062500001", "123456789012345678",
            "0.000000000000000000000001", "9007199254740993", "-73.80415344238281", "198.20596313476562",
            "0.62", "1e22", "1e23", "4.5e-23", "  12  "};
        for (String s : fixed) {
            assertThat(CsvReader.parseNumber(s.toCharArray(), 0, s.length())).as(s).isEqualTo(Float.parseFloat(s));
        }
        for (int i = 0; i < 200_000; i++) {
            String s;
            switch (i % 4) {
                case 0:
                    s = Float.toString(Float.intBitsToFloat(r.nextInt()) );
                    break;
                case 1:
                    s = Double.toString(r.nextDouble() * Math.pow(10, r.nextInt(40) - 20));
                    break;
                case 2: {
                    // exact float midpoints written in decimal: the hardest case for double rounding
                    float f = Float.intBitsToFloat(0x3f800000 + r.nextInt(1 << 23));
                    double mid = ((double) f + Math.nextUp(f)) / 2;
                    s = new java.math.BigDecimal(mid).toPlainString();
                    break;
                }
                default:
                    s = (r.nextInt(2000000) - 1000000) + "." + r.nextInt(1000) + "e" + (r.nextInt(30) - 15);
            }
            if (s.contains("NaN") || s.contains("Infinity")) {
                continue;
            }
            float expected = Float.parseFloat(s);
            assertThat(Float.floatToIntBits(CsvReader.parseNumber(s.toCharArray(), 0, s.length()))).as(s)
                    .isEqualTo(Float.floatToIntBits(expected));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e", "e5", ".", "-", "1.2.3", "0x10", "1f", "1d", "1,5", "--1", "1 2"})
    void malformedNumbersAreNotNumbers(String s) {
        assertThat(CsvReader.parseNumber(s.toCharArray(), 0, s.length())).isNaN();
    }
}
