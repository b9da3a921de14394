package io.argus.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed, truncated and hostile files: each must fail with a clear message, never allocate blindly. */
class SafeTensorsHostileTest {

    @TempDir
    Path dir;

    /** A file with the given JSON header (length prefix computed) followed by {@code data}. */
    static Path raw(Path file, String json, byte[] data) throws IOException {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        return bytes(file, header.length, header, data);
    }

    static Path bytes(Path file, long prefix, byte[] header, byte[] data) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(8 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(prefix).put(header).put(data);
        return Files.write(file, buf.array());
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(Path file) {
        // Both readers run the same checks; the header-only one must not be more lenient.
        assertThatThrownBy(() -> SafeTensors.readMetadataOnly(file)).isInstanceOf(ModelFileException.class);
        return assertThatThrownBy(() -> SafeTensors.read(file))
                .isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith(file + ": ");
    }

    @Test
    void tooShortForTheLengthPrefix() throws IOException {
        Path file = Files.write(dir.resolve("short"), new byte[] {1, 2, 3, 4, 5});
        assertRejected(file).hasMessage(file + ": file is 5 bytes, shorter than the 8-byte header length;"
                + " the file is truncated or not a safetensors file");
        Path empty = Files.write(dir.resolve("empty"), new byte[0]);
        assertRejected(empty).hasMessageContaining("file is 0 bytes");
    }

    @Test
    void hugeHeaderLengthIsRejectedBeforeAllocating() throws IOException {
        Path file = bytes(dir.resolve("huge"), 1L << 62, "{}".getBytes(StandardCharsets.US_ASCII), new byte[0]);
        assertRejected(file).hasMessage(file + ": header length 4611686018427387904 exceeds file size: only 2 bytes"
                + " follow the 8-byte length; the file is truncated or not a safetensors file");
    }

    @Test
    void headerLengthAboveTwoToTheSixtyThreeIsReadUnsigned() throws IOException {
        Path file = bytes(dir.resolve("unsigned"), -1L, new byte[4], new byte[0]);
        assertRejected(file).hasMessageStartingWith(file + ": header length 18446744073709551615 exceeds file size");
    }

    @Test
    void headerLengthPastEndOfFile() throws IOException {
        Path file = bytes(dir.resolve("past"), 100, "{\"a\":1}   ".getBytes(StandardCharsets.US_ASCII), new byte[0]);
        assertRejected(file).hasMessageStartingWith(file + ": header length 100 exceeds file size: only 10 bytes follow")
                .hasMessageContaining("truncated");
    }

    @Test
    void headerLengthOverTheLimitEvenWhenTheFileIsLargeEnough() throws IOException {
        // Sparse: a large length with no data behind it costs no disk.
        Path file = dir.resolve("sparse");
        long n = SafeTensors.MAX_HEADER_BYTES + 8;
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(n).array());
            f.setLength(8 + n + 16);
        }
        assertRejected(file).hasMessage(file + ": header length 104857608 exceeds the limit of 104857600 bytes");
    }

    @Test
    void emptyHeader() throws IOException {
        Path file = bytes(dir.resolve("blank"), 8, "        ".getBytes(StandardCharsets.US_ASCII), new byte[0]);
        assertRejected(file).hasMessage(file + ": header is empty; expected a JSON object");
    }

    @Test
    void headerNotUtf8() throws IOException {
        byte[] header = {'{', '"', (byte) 0xff, '"', ':', '1', '}', ' '};
        Path file = bytes(dir.resolve("latin"), header.length, header, new byte[0]);
        assertRejected(file).hasMessage(file + ": header is not valid UTF-8: invalid byte sequence at header byte 2");
    }

    @Test
    void truncatedDataBehindAValidHeader() throws IOException {
        Path file = dir.resolve("cut.safetensors");
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("a", Tensor.f32(new float[] {1, 2}));
        tensors.put("b", Tensor.f64(new double[] {3, 4, 5}));
        SafeTensors.write(file, tensors, Map.of());
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length - 3));
        assertRejected(file).hasMessage(file + ": tensor 'b': data_offsets [8, 32] end past the 29 bytes of data after"
                + " the header; the file is truncated or the offsets are wrong");
    }

    @Test
    void rankZeroOfOtherThanF64CannotBeHeldButItsHeaderReads() throws IOException {
        Path file = raw(dir.resolve("r0"), "{\"s\":{\"dtype\":\"I32\",\"shape\":[],\"data_offsets\":[0,4]}}",
                new byte[4]);
        assertThat(SafeTensors.readMetadataOnly(file).metadata()).isEmpty();
        assertThatThrownBy(() -> SafeTensors.read(file))
                .isInstanceOf(ModelFileException.class)
                .hasMessage(file + ": tensor 's': rank-0 I32 tensors cannot be held by Tensor; only F64 scalars are supported");
    }

    static Stream<Arguments> badHeaders() {
        String f32x2 = "{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":";
        return Stream.of(
                Arguments.of("invalid JSON", "{\"a\": ", 0,
                        "header is not valid JSON at line 1, column 7: Unexpected end-of-input"),
                Arguments.of("trailing junk", "{} x", 0, "header is not valid JSON"),
                Arguments.of("duplicate name", "{\"a\":" + f32x2 + "[0,8]},\"a\":" + f32x2 + "[8,16]}}", 16,
                        "header is not valid JSON at line 1, column 58: Duplicate"),
                Arguments.of("nesting deep enough to overflow a recursive parser",
                        "{\"__metadata__\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}", 0,
                        "header is not valid JSON"),
                Arguments.of("not an object", "[1, 2]", 0, "header must be a JSON object, got ARRAY"),
                Arguments.of("a bare string", "\"hello\"", 0, "header must be a JSON object, got STRING"),
                Arguments.of("unknown dtype", "{\"a\":{\"dtype\":\"Q7\",\"shape\":[1],\"data_offsets\":[0,1]}}", 1,
                        "tensor 'a': unknown dtype 'Q7'; supported: F32, F64, I32, I64, U8"),
                Arguments.of("spec dtype Argus lacks", "{\"a\":{\"dtype\":\"BF16\",\"shape\":[1],\"data_offsets\":[0,2]}}",
                        2, "tensor 'a': dtype BF16 is not supported by Argus; supported: F32, F64, I32, I64, U8"),
                Arguments.of("dtype not a string", "{\"a\":{\"dtype\":4,\"shape\":[1],\"data_offsets\":[0,4]}}", 4,
                        "tensor 'a': dtype must be a string, got NUMBER 4"),
                Arguments.of("shape/offset mismatch",
                        "{\"a\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,20]}}", 20,
                        "tensor 'a': shape [2, 3] of F32 needs 24 bytes but data_offsets [0, 20] span 20"),
                Arguments.of("negative shape", "{\"a\":{\"dtype\":\"F32\",\"shape\":[2,-3],\"data_offsets\":[0,0]}}", 0,
                        "tensor 'a': shape[1] must be a non-negative integer, got -3"),
                Arguments.of("fractional shape", "{\"a\":{\"dtype\":\"F32\",\"shape\":[2.0],\"data_offsets\":[0,8]}}", 8,
                        "tensor 'a': shape[0] must be a non-negative integer, got 2.0"),
                Arguments.of("shape beyond long", "{\"a\":{\"dtype\":\"U8\",\"shape\":[99999999999999999999],"
                        + "\"data_offsets\":[0,1]}}", 1,
                        "tensor 'a': shape[0] must be a non-negative integer, got 99999999999999999999"),
                Arguments.of("element count overflows", "{\"a\":{\"dtype\":\"U8\",\"shape\":[4294967296,4294967296,4],"
                        + "\"data_offsets\":[0,1]}}", 1,
                        "tensor 'a': shape [4294967296,4294967296,4] has more elements than a long can count"),
                Arguments.of("too many elements", "{\"a\":{\"dtype\":\"U8\",\"shape\":[3000000000],"
                        + "\"data_offsets\":[0,3000000000]}}", 1,
                        "tensor 'a': shape [3000000000] holds 3000000000 elements; at most 2147483639 fit in one Java array"),
                Arguments.of("shape not an array", "{\"a\":{\"dtype\":\"F32\",\"shape\":2,\"data_offsets\":[0,8]}}", 8,
                        "tensor 'a': shape must be an array of non-negative integers, got NUMBER"),
                Arguments.of("offsets out of range", "{\"a\":{\"dtype\":\"F32\",\"shape\":[100],\"data_offsets\":[0,400]}}", 8,
                        "tensor 'a': data_offsets [0, 400] end past the 8 bytes of data after the header;"
                                + " the file is truncated or the offsets are wrong"),
                Arguments.of("negative offset", "{\"a\":" + f32x2 + "[-4,4]}}", 8,
                        "tensor 'a': data_offsets[0] must be a non-negative integer, got -4"),
                Arguments.of("begin after end", "{\"a\":" + f32x2 + "[8,0]}}", 8,
                        "tensor 'a': data_offsets [8, 0] must have begin <= end"),
                Arguments.of("offsets not a pair", "{\"a\":" + f32x2 + "[0,8,16]}}", 8,
                        "tensor 'a': data_offsets must be an array [begin, end], got [0,8,16]"),
                Arguments.of("overlapping tensors", "{\"a\":" + f32x2 + "[0,8]},\"b\":" + f32x2 + "[4,12]}}", 12,
                        "tensor 'b' data_offsets [4, 12] overlap tensor 'a' data_offsets [0, 8]"),
                Arguments.of("same range twice", "{\"a\":" + f32x2 + "[0,8]},\"b\":" + f32x2 + "[0,8]}}", 8,
                        "tensor 'b' data_offsets [0, 8] overlap tensor 'a' data_offsets [0, 8]"),
                Arguments.of("gap between tensors", "{\"a\":" + f32x2 + "[0,8]},\"b\":" + f32x2 + "[12,20]}}", 20,
                        "gap of 4 bytes between tensor 'a' (ends at 8) and tensor 'b' (begins at 12);"
                                + " tensors must be contiguous"),
                Arguments.of("gap at the start", "{\"a\":" + f32x2 + "[4,12]}}", 12,
                        "gap of 4 bytes between the start of the data and tensor 'a' (begins at 4);"
                                + " tensors must be contiguous"),
                Arguments.of("trailing data", "{\"a\":" + f32x2 + "[0,8]}}", 12,
                        "tensors cover 8 bytes but 12 bytes of data follow the header; 4 trailing bytes belong to no tensor"),
                Arguments.of("metadata value not a string", "{\"__metadata__\":{\"ok\":\"x\",\"k\":3}}", 0,
                        "__metadata__ value for key 'k' must be a string, got NUMBER 3"),
                Arguments.of("metadata value null", "{\"__metadata__\":{\"k\":null}}", 0,
                        "__metadata__ value for key 'k' must be a string, got NULL null"),
                Arguments.of("metadata not an object", "{\"__metadata__\":[\"a\"]}", 0,
                        "__metadata__ must be a JSON object of strings, got ARRAY"),
                Arguments.of("entry not an object", "{\"a\":[1]}", 0,
                        "tensor 'a': entry must be a JSON object with dtype, shape and data_offsets, got ARRAY"),
                Arguments.of("missing field", "{\"a\":{\"dtype\":\"F32\",\"shape\":[2]}}", 8,
                        "tensor 'a': missing field 'data_offsets'"),
                Arguments.of("unexpected field", "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offset\":[0,8]}}", 8,
                        "tensor 'a': unexpected field 'data_offset'; expected only dtype, shape and data_offsets"),
                Arguments.of("empty name", "{\"\":" + f32x2 + "[0,8]}}", 8, "tensor name must be non-empty, got \"\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badHeaders")
    void badHeaderIsRejectedWithItsReason(String label, String json, int dataBytes, String expected) throws IOException {
        Path file = raw(dir.resolve("bad.safetensors"), json, new byte[dataBytes]);
        assertRejected(file).hasMessageStartingWith(file + ": " + expected);
    }

    @Test
    void randomCorruptionNeverEscapesAsAnotherException() throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("a", Tensor.f32(new float[] {1, 2, 3}, 3, 1));
        tensors.put("b", Tensor.i64(new long[] {4, 5}));
        tensors.put("c", Tensor.u8(new byte[0]));
        Path good = dir.resolve("good");
        SafeTensors.write(good, tensors, Map.of("k", "v"));
        byte[] original = Files.readAllBytes(good);
        Random random = new Random(2024);
        Path file = dir.resolve("fuzz");
        for (int round = 0; round < 2000; round++) {
            byte[] b = random.nextBoolean()
                    ? Arrays.copyOf(original, random.nextInt(original.length + 1))
                    : original.clone();
            for (int flips = random.nextInt(4); flips > 0 && b.length > 0; flips--) {
                b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
            }
            Files.write(file, b);
            try {
                SafeTensors.read(file);
            } catch (ModelFileException expected) {
                assertThat(expected).hasMessageStartingWith(file + ": ");
            } catch (RuntimeException | Error other) {
                fail("round " + round + " escaped as " + other, other);
            }
        }
    }
}
