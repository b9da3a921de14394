package io.argus.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {

    @TempDir
    Path dir;

    private static final String GOLDEN_HEADER = "{\"__metadata__\":{\"format\":\"argus\"},"
            + "\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
            + "\"b\":{\"dtype\":\"U8\",\"shape\":[1,3],\"data_offsets\":[8,11]}}";

    @Test
    void goldenBytesOfATinyFile() throws IOException {
        Path file = dir.resolve("tiny.safetensors");
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("w", Tensor.f32(new float[] {1.0f, -2.0f}));
        tensors.put("b", Tensor.u8(new byte[] {1, 2, (byte) 255}, 1, 3));
        SafeTensors.write(file, tensors, Map.of("format", "argus"));

        byte[] bytes = Files.readAllBytes(file);
        assertThat(GOLDEN_HEADER).hasSize(143);
        assertThat(bytes).hasSize(8 + 144 + 11);
        // 144 = 143 bytes of JSON plus one space of padding, little-endian.
        assertThat(HexFormat.of().formatHex(bytes, 0, 8)).isEqualTo("9000000000000000");
        assertThat(new String(bytes, 8, 144, StandardCharsets.UTF_8)).isEqualTo(GOLDEN_HEADER + " ");
        // 1.0f = 0x3F800000, -2.0f = 0xC0000000, both little-endian; then the three bytes.
        assertThat(HexFormat.of().formatHex(bytes, 152, bytes.length)).isEqualTo("0000803f000000c00102ff");

        SafeTensorsContent back = SafeTensors.read(file);
        assertThat(back.tensors().keySet()).containsExactly("w", "b");
        assertThat(back.tensor("w").floats()).containsExactly(1.0f, -2.0f);
        assertThat(back.tensor("b").shape()).containsExactly(1, 3);
        assertThat(back.tensor("b").bytes()).containsExactly(1, 2, (byte) 255);
        assertThat(back.metadata()).containsExactly(Map.entry("format", "argus"));
    }

    @Test
    void roundTripOfEveryDtypeAndShape() throws IOException {
        Random random = new Random(42);
        float[] f32 = new float[24];
        for (int i = 0; i < f32.length; i++) {
            f32[i] = (float) random.nextGaussian();
        }
        f32[0] = Float.NaN;
        f32[1] = Float.NEGATIVE_INFINITY;
        f32[2] = -0.0f;
        f32[3] = Float.MIN_VALUE;
        // Larger than the 64 KiB chunk, so reads and writes cross chunk boundaries.
        double[] f64 = new double[20_001];
        for (int i = 0; i < f64.length; i++) {
            f64[i] = random.nextDouble() * 1e300 - 5e299;
        }
        int[] i32 = {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE, 123_456};
        long[] i64 = {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE};
        byte[] u8 = new byte[200_003];
        random.nextBytes(u8);

        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("f32.rank3", Tensor.f32(f32, 2, 3, 4));
        tensors.put("f64.vector", Tensor.f64(f64));
        tensors.put("i32.matrix", Tensor.i32(i32, 3, 2));
        tensors.put("i64", Tensor.i64(i64, 4));
        tensors.put("u8", Tensor.u8(u8));
        tensors.put("scalar", Tensor.scalar(Math.PI));
        tensors.put("empty.f32", Tensor.f32(new float[0]));
        tensors.put("empty.i64.rank3", Tensor.i64(new long[0], 2, 0, 3));
        tensors.put("empty.u8", Tensor.u8(new byte[0], 0));
        tensors.put("after.empty", Tensor.i32(new int[] {7}, 1));
        Path file = dir.resolve("all.safetensors");
        SafeTensors.write(file, tensors, Map.of());

        SafeTensorsContent back = SafeTensors.read(file);
        assertThat(back.tensors().keySet()).containsExactlyElementsOf(tensors.keySet());
        assertThat(back.metadata()).isEmpty();
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Tensor expected = e.getValue();
            Tensor actual = back.tensor(e.getKey());
            assertThat(actual.dtype()).as(e.getKey()).isEqualTo(expected.dtype());
            assertThat(actual.shape()).as(e.getKey()).isEqualTo(expected.shape());
        }
        float[] f32Back = back.tensor("f32.rank3").floats();
        for (int i = 0; i < f32.length; i++) {
            // Bit-exact, including NaN and the sign of zero.
            assertThat(Float.floatToRawIntBits(f32Back[i])).as("f32[%d]", i).isEqualTo(Float.floatToRawIntBits(f32[i]));
        }
        assertThat(back.tensor("f64.vector").doubles()).isEqualTo(f64);
        assertThat(back.tensor("i32.matrix").ints()).isEqualTo(i32);
        assertThat(back.tensor("i64").longs()).isEqualTo(i64);
        assertThat(back.tensor("u8").bytes()).isEqualTo(u8);
        assertThat(back.tensor("scalar").shape()).isEmpty();
        assertThat(back.tensor("scalar").doubles()).containsExactly(Math.PI);
        assertThat(back.tensor("empty.i64.rank3").longs()).isEmpty();
        assertThat(back.tensor("after.empty").ints()).containsExactly(7);
    }

    @Test
    void metadataRoundTripKeepsOrderAndUnicode() throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "argus-model");
        meta.put("params", "{\"k\": 5, \"quote\": \"\\\"\"}");
        meta.put("unicode ключ", "値 ✓ \n\t");
        meta.put("empty", "");
        Path file = dir.resolve("meta.safetensors");
        SafeTensors.write(file, Map.of("x", Tensor.f64(new double[] {1})), meta);

        assertThat(SafeTensors.read(file).metadata()).containsExactlyEntriesOf(meta);
        SafeTensorsContent header = SafeTensors.readMetadataOnly(file);
        assertThat(header.metadata()).containsExactlyEntriesOf(meta);
        assertThat(header.tensors()).isEmpty();
    }

    @Test
    void dataStartIsEightByteAlignedWithSpacePadding() throws IOException {
        for (int nameLength = 1; nameLength <= 16; nameLength++) {
            Path file = dir.resolve("align" + nameLength + ".safetensors");
            SafeTensors.write(file, Map.of("n".repeat(nameLength), Tensor.f64(new double[] {nameLength})), Map.of());
            byte[] bytes = Files.readAllBytes(file);
            long n = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            assertThat((8 + n) % 8).as("name length %d", nameLength).isZero();
            String header = new String(bytes, 8, (int) n, StandardCharsets.UTF_8);
            String json = header.stripTrailing();
            assertThat(json).endsWith("}");
            assertThat(header.length() - json.length()).isBetween(0, 7);
            assertThat(SafeTensors.read(file).tensor("n".repeat(nameLength)).doubles()).containsExactly(nameLength);
        }
    }

    @Test
    void tensorsComeBackInDataOrderNotHeaderOrder() throws IOException {
        // Other writers (the Rust reference) may list tensors in any order in the JSON.
        String json = "{\"b\":{\"dtype\":\"I32\",\"shape\":[1],\"data_offsets\":[4,8]},"
                + "\"a\":{\"dtype\":\"I32\",\"shape\":[1],\"data_offsets\":[0,4]}}";
        Path file = SafeTensorsHostileTest.raw(dir.resolve("order.safetensors"), json,
                new byte[] {1, 0, 0, 0, 2, 0, 0, 0});
        SafeTensorsContent content = SafeTensors.read(file);
        assertThat(content.tensors().keySet()).containsExactly("a", "b");
        assertThat(content.tensor("a").ints()).containsExactly(1);
        assertThat(content.tensor("b").ints()).containsExactly(2);
    }

    @Test
    void overwritingReplacesTheWholeFile() throws IOException {
        Path file = dir.resolve("m.safetensors");
        SafeTensors.write(file, Map.of("big", Tensor.u8(new byte[10_000])), Map.of("v", "1"));
        SafeTensors.write(file, Map.of("small", Tensor.i32(new int[] {5})), Map.of("v", "2"));
        SafeTensorsContent content = SafeTensors.read(file);
        assertThat(content.tensors().keySet()).containsExactly("small");
        assertThat(content.metadata()).containsEntry("v", "2");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.toList()).containsExactly(file);
        }
    }

    @Test
    void writeRejectsBadNamesWithoutTouchingTheTarget() throws IOException {
        Path file = dir.resolve("keep.safetensors");
        SafeTensors.write(file, Map.of("ok", Tensor.f64(new double[] {1})), Map.of());
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> SafeTensors.write(file, Map.of("", Tensor.f64(new double[] {1})), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ": tensor names must be non-empty, got \"\"");
        assertThatThrownBy(() -> SafeTensors.write(file, Map.of("__metadata__", Tensor.f64(new double[] {1})), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ": tensor name __metadata__ is reserved for metadata");
        Map<String, Tensor> withNull = new LinkedHashMap<>();
        withNull.put("x", null);
        assertThatThrownBy(() -> SafeTensors.write(file, withNull, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ": tensor 'x' is null");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void missingFileIsAnIoErrorNamingTheFile() {
        Path file = dir.resolve("absent.safetensors");
        assertThatThrownBy(() -> SafeTensors.read(file))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith(file + ": could not read")
                .hasCauseInstanceOf(NoSuchFileException.class);
    }

    @Test
    void contentIsImmutableFromOutside() {
        LinkedHashMap<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("a", Tensor.f64(new double[] {1}));
        SafeTensorsContent content = new SafeTensorsContent(tensors, Map.of("k", "v"));
        tensors.clear();
        content.tensors().clear();
        assertThat(content.tensors()).containsOnlyKeys("a");
        assertThatThrownBy(() -> content.metadata().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> content.tensor("b"))
                .hasMessage("no tensor 'b'; present: [a]");
    }

    @Test
    void namesWithUnicodeAndEscapesRoundTrip() throws IOException {
        List<String> names = List.of("layer.0/weight", "ß\"quoted\"", "tab\tname", "😀");
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            tensors.put(names.get(i), Tensor.i64(new long[] {i}));
        }
        Path file = dir.resolve("names.safetensors");
        SafeTensors.write(file, tensors, Map.of());
        SafeTensorsContent back = SafeTensors.read(file);
        assertThat(back.tensors().keySet()).containsExactlyElementsOf(names);
    }
}
