package io.argus.core.io;

import static io.argus.core.io.NpyBytes.dict;
import static io.argus.core.io.NpyBytes.npy;
import static io.argus.core.io.NpyBytes.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NpyReaderTest {

    /** Six values per dtype, chosen at the edges of each type and all exact in float64. */
    private static final Map<String, double[]> VALUES = Map.ofEntries(
            Map.entry("f4", new double[] {1.5, -2.25, 0x1p40, 0, 7, -0.125}),
            Map.entry("f8", new double[] {1.5, -2.25, 1e300, 0, 7, -1e-300}),
            Map.entry("i1", new double[] {-128, 127, 0, -1, 5, 6}),
            Map.entry("i2", new double[] {-32768, 32767, 0, -1, 5, 6}),
            Map.entry("i4", new double[] {-2147483648.0, 2147483647.0, 0, -1, 5, 6}),
            Map.entry("i8", new double[] {-0x1p62, 0x1p62, 0, -1, 5, 6}),
            Map.entry("u1", new double[] {255, 0, 128, 1, 5, 6}),
            Map.entry("u2", new double[] {65535, 0, 32768, 1, 5, 6}),
            Map.entry("u4", new double[] {4294967295.0, 0, 2147483648.0, 1, 5, 6}),
            Map.entry("u8", new double[] {0x1p63, 0x1p64 - 2048, 0, 1, 5, 6}),
            Map.entry("b1", new double[] {1, 0, 1, 1, 0, 0}));

    static Stream<Arguments> dtypeOrderLayout() {
        List<Arguments> out = new ArrayList<>();
        for (String type : VALUES.keySet()) {
            for (String order : new String[] {"<", ">"}) {
                for (boolean fortran : new boolean[] {false, true}) {
                    out.add(Arguments.of(order + type, fortran));
                }
            }
        }
        return out.stream();
    }

    /** Writes the 2x3 row-major values {@code v} in the file's order (column-major when Fortran). */
    private static double[] fileOrder(double[] v, int rows, int cols, boolean fortran) {
        if (!fortran) {
            return v.clone();
        }
        double[] out = new double[v.length];
        for (int j = 0, k = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                out[k++] = v[i * cols + j];
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} fortran={1}")
    @MethodSource("dtypeOrderLayout")
    void readsEveryDtypeByteOrderAndLayout(String descr, boolean fortran) {
        double[] expected = VALUES.get(descr.substring(1));
        byte[] bytes = npy(descr, fortran, new int[] {2, 3}, fileOrder(expected, 2, 3, fortran));

        NpyArray a = NpyReader.read(bytes, "t.npy");

        assertThat(a.shape()).containsExactly(2, 3);
        assertThat(a.dtype()).isEqualTo(descr);
        assertThat(a.hasFloatStorage()).isEqualTo(descr.endsWith("f4"));
        assertThat(a.toDoubleArray()).containsExactly(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"|u1", "|i1", "|b1", "=f8", "=i4", "<f8"})
    void acceptsNotApplicableAndNativeByteOrder(String descr) {
        double[] v = {1, 0, 1, 0, 1, 1};
        byte[] bytes = npy(1, dict(descr, false, 6), payload(descr.charAt(0) == '|' ? "<" + descr.substring(1) : descr, v));
        assertThat(NpyReader.read(bytes, "t.npy").toDoubleArray()).containsExactly(v);
    }

    @Test
    void reordersThreeDimensionalFortranArraysToRowMajor() {
        int[] shape = {2, 3, 4};
        double[] rowMajor = new double[24];
        for (int i = 0; i < 24; i++) {
            rowMajor[i] = i;
        }
        double[] fortran = new double[24];
        int k = 0;
        for (int c = 0; c < 4; c++) {
            for (int b = 0; b < 3; b++) {
                for (int a = 0; a < 2; a++) {
                    fortran[k++] = rowMajor[a * 12 + b * 4 + c];
                }
            }
        }
        NpyArray arr = NpyReader.read(npy("<f8", true, shape, fortran), "t.npy");
        assertThat(arr.toDoubleArray()).containsExactly(rowMajor);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void readsFormatVersions(int major) {
        byte[] bytes = npy(major, dict("<i4", false, 3), payload("<i4", new double[] {1, 2, 3}));
        assertThat(NpyReader.read(bytes, "t.npy").toDoubleArray()).containsExactly(1, 2, 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"descr\": \"<f8\", \"fortran_order\": False, \"shape\": (2,)}",
        "{ 'shape':(2 ,),'fortran_order':False , 'descr':'<f8' , }",
        "{'descr':'<f8','fortran_order':False,'shape':(2L,),}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': [2], 'extra': None}"})
    void toleratesHeaderSpellings(String header) {
        byte[] bytes = npy(1, header, payload("<f8", new double[] {4, 5}));
        NpyArray a = NpyReader.read(bytes, "t.npy");
        assertThat(a.shape()).containsExactly(2);
        assertThat(a.toDoubleArray()).containsExactly(4, 5);
    }

    @Test
    void readsScalarsAndEmptyArrays() {
        NpyArray scalar = NpyReader.read(npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': ()}",
                payload("<f8", new double[] {2.5})), "t.npy");
        assertThat(scalar.rank()).isZero();
        assertThat(scalar.toDoubleArray()).containsExactly(2.5);

        NpyArray empty = NpyReader.read(npy("<f4", false, new int[] {0, 3}, new double[0]), "t.npy");
        assertThat(empty.shape()).containsExactly(0, 3);
        assertThat(empty.size()).isZero();
    }

    @Test
    void readAsFloatNarrowsEachElementOnce(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.npy");
        double[] v = {0.1, 1e-3, 123456789.123, -7};
        Files.write(f, npy("<f8", false, new int[] {4}, v));
        NpyArray a = NpyReader.readAsFloat(f);
        assertThat(a.hasFloatStorage()).isTrue();
        assertThat(a.toFloatArray()).containsExactly(0.1f, 1e-3f, 123456789.123f, -7f);

        // long -> float must round once (2^53 + 1 would round twice through double)
        long big = (1L << 53) + 1;
        Files.write(f, npy(1, dict("<i8", false, 1), java.nio.ByteBuffer.allocate(8)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(big).array()));
        assertThat(NpyReader.readAsFloat(f).toFloatArray()).containsExactly((float) big);
    }

    // ------------------------------------------------------------ malformed input

    @Test
    void truncatedPayloadNamesShapeDtypeAndByteCounts(@TempDir Path dir) throws Exception {
        byte[] full = npy("<f8", false, new int[] {10, 3}, new double[30]);
        Path f = dir.resolve("cut.npy");
        Files.write(f, Arrays.copyOf(full, full.length - 17));
        assertThatThrownBy(() -> NpyReader.read(f))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(f + ": ")
                .hasMessageContaining("truncated: header declares shape (10, 3) of dtype <f8 = 240 bytes but only 223 bytes follow");
    }

    @Test
    void truncatedStreamOfUnknownLengthIsReportedToo() {
        byte[] full = npy("<i2", false, new int[] {100}, new double[100]);
        byte[] cut = Arrays.copyOf(full, full.length - 1);
        assertThatThrownBy(() -> NpyReader.read(new ByteArrayInputStream(cut), "s.npy", -1, Long.MAX_VALUE,
                NpyReader.Storage.NATURAL))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("s.npy: truncated: header declares shape (100,) of dtype <i2 = 200 bytes but only 199 bytes follow");
    }

    @Test
    void trailingDataIsRejected() {
        byte[] full = npy("<i2", false, new int[] {2}, new double[2]);
        byte[] longer = Arrays.copyOf(full, full.length + 3);
        assertThatThrownBy(() -> NpyReader.read(longer, "t.npy"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("= 4 bytes but 7 bytes follow");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<c16", "|O", "<U5", "|S3", "<f2", "<M8[ns]", "|V8", "<f16", "<x4"})
    void unsupportedDtypesAreNamed(String descr) {
        byte[] bytes = npy(1, dict(descr, false, 1), new byte[16]);
        assertThatThrownBy(() -> NpyReader.read(bytes, "t.npy"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("t.npy: unsupported dtype '" + descr + "'")
                .hasMessageContaining("expected a numeric dtype");
    }

    @Test
    void structuredDtypeIsRejected() {
        byte[] bytes = npy(1, "{'descr': [('a', '<f4'), ('b', '<i4')], 'fortran_order': False, 'shape': (1,), }", new byte[8]);
        assertThatThrownBy(() -> NpyReader.read(bytes, "t.npy"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("structured dtype (('a', '<f4'), ('b', '<i4')) is not supported");
    }

    @Test
    void hostileShapeFailsBeforeAllocating() {
        byte[] hostile = npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1099511627776,), }", new byte[8]);
        assertThatThrownBy(() -> NpyReader.read(hostile, "h.npy"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("h.npy: shape (1099511627776,) has more elements than a Java array can hold");

        byte[] product = npy(1, "{'descr': '<u1', 'fortran_order': False, 'shape': (65536, 65536), }", new byte[8]);
        assertThatThrownBy(() -> NpyReader.read(product, "h.npy"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("has more elements than a Java array can hold");

        byte[] huge = npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999999,), }", new byte[8]);
        assertThatThrownBy(() -> NpyReader.read(huge, "h.npy"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("more elements than a Java array can hold");

        // fits in an int but not in the file: caught by the size check, not by an allocation
        byte[] big = npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2000000000,), }", new byte[8]);
        assertThatThrownBy(() -> NpyReader.read(big, "h.npy"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("truncated: header declares shape (2000000000,) of dtype <f8 = 16000000000 bytes but only 8 bytes follow");
    }

    @Test
    void negativeDimensionIsRejected() {
        byte[] bytes = npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (3, -1), }", new byte[8]);
        assertThatThrownBy(() -> NpyReader.read(bytes, "t.npy"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("shape (3, -1) has negative dimension -1");
    }

    @Test
    void badMagicVersionAndHeaderAreReported() {
        assertThatThrownBy(() -> NpyReader.read("hello, world".getBytes(), "x.npy"))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("x.npy: not an npy file: expected the magic string \\x93NUMPY at the start, found 'hello,'");
        assertThatThrownBy(() -> NpyReader.read(new byte[0], "x.npy"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("found an empty file");

        byte[] v9 = npy(1, dict("<f8", false, 1), new byte[8]);
        v9[6] = 9;
        assertThatThrownBy(() -> NpyReader.read(v9, "x.npy"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("unsupported npy format version 9.0; expected 1.0, 2.0 or 3.0");

        byte[] longHeader = npy(2, dict("<f8", false, 1), new byte[8]);
        longHeader[8] = (byte) 0xff;
        longHeader[9] = (byte) 0xff;
        longHeader[10] = (byte) 0xff;
        longHeader[11] = (byte) 0x7f;
        assertThatThrownBy(() -> NpyReader.read(longHeader, "x.npy"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("truncated: header length field says 2147483647 bytes but only");

        byte[] garbled = npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,)", new byte[8]);
        assertThatThrownBy(() -> NpyReader.read(garbled, "x.npy"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("x.npy: malformed npy header");

        byte[] noShape = npy(1, "{'descr': '<f8', 'fortran_order': False}", new byte[8]);
        assertThatThrownBy(() -> NpyReader.read(noShape, "x.npy"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("npy header lacks the 'shape' field");
    }

    @Test
    void implausiblePayloadForItsSourceIsRejected() {
        byte[] bytes = npy("<f8", false, new int[] {1000}, new double[1000]);
        assertThatThrownBy(() -> NpyReader.read(new ByteArrayInputStream(bytes), "z.npz!/X.npy", -1, 100,
                NpyReader.Storage.NATURAL))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("= 8000 bytes but the compressed data can hold at most 100 bytes");
    }

    @Test
    void missingFileIsReported(@TempDir Path dir) {
        Path f = dir.resolve("none.npy");
        assertThatThrownBy(() -> NpyReader.read(f))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(f + ": file not found");
    }
}
