package io.argus.core.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.argus.core.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes the safetensors model file format of Hugging Face
 * (https://github.com/huggingface/safetensors, "Format" section): an 8-byte little-endian header
 * length N, N bytes of UTF-8 JSON describing each tensor's dtype, shape and byte range, then the raw
 * little-endian row-major tensor data, contiguous and without holes.
 *
 * <p>Files written here are read by Python's {@code safetensors} package. The header is padded with
 * spaces so the data starts 8-byte aligned, as the reference writer does. Writes are atomic
 * ({@link AtomicFiles}); reads check every length, dtype, shape and offset against the file size
 * before allocating anything, so a truncated or hostile file fails with a {@link ModelFileException}
 * naming the file, never with an out-of-memory error. Time and memory are linear in the file size;
 * data moves through a 64 KiB buffer.
 */
public final class SafeTensors {

    private static final Logger LOG = LoggerFactory.getLogger(SafeTensors.class);

    /** Largest header accepted, read or written; the reference implementation caps it near 100 MB too. */
    public static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    /** The reserved header key holding string-to-string metadata. */
    public static final String METADATA_KEY = "__metadata__";

    /** Largest element count per tensor: the largest Java array most JVMs will allocate. */
    static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private static final int CHUNK_BYTES = 64 * 1024;
    private static final int PREFIX_BYTES = 8;
    private static final int ALIGNMENT = 8;

    private static final String SUPPORTED = Arrays.stream(Tensor.DType.values())
            .map(Enum::name).collect(Collectors.joining(", "));

    /** Dtypes of the safetensors spec that Argus does not hold, so the error can say "not supported". */
    private static final Set<String> SPEC_ONLY_DTYPES = Set.of("BOOL", "I8", "I16", "U16", "U32", "U64",
            "F16", "BF16", "F8_E4M3", "F8_E5M2", "F8_E8M0", "F4", "F6_E2M3", "F6_E3M2", "C64");

    private static final Set<String> ENTRY_FIELDS = Set.of("dtype", "shape", "data_offsets");

    // Duplicate names would silently shadow a tensor, and trailing tokens mean a corrupt header.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private SafeTensors() {
    }

    /**
     * Writes tensors and metadata to {@code file} atomically, tensors in the map's iteration order.
     *
     * @param file the file to create or replace
     * @param tensors tensors by name; names non-empty and not {@value #METADATA_KEY}
     * @param metadata string metadata stored under {@value #METADATA_KEY}; omitted when empty
     * @throws IllegalArgumentException for a bad name, a null tensor or a header over
     *     {@link #MAX_HEADER_BYTES}
     * @throws UncheckedIOException when writing fails; a pre-existing file is then unchanged
     */
    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(tensors, "tensors");
        Objects.requireNonNull(metadata, "metadata");
        // Snapshot once so the header and the data see the same order even for a HashMap.
        List<String> names = new ArrayList<>(tensors.size());
        List<Tensor> values = new ArrayList<>(tensors.size());
        tensors.forEach((name, tensor) -> {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException(file + ": tensor names must be non-empty, got " + (name == null ? "null" : "\"\""));
            }
            if (name.equals(METADATA_KEY)) {
                throw new IllegalArgumentException(file + ": tensor name " + METADATA_KEY + " is reserved for metadata");
            }
            if (tensor == null) {
                throw new IllegalArgumentException(file + ": tensor '" + name + "' is null");
            }
            names.add(name);
            values.add(tensor);
        });
        byte[] header = header(file, names, values, metadata);
        AtomicFiles.write(file, out -> {
            ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            chunk.putLong(header.length);
            out.write(chunk.array(), 0, PREFIX_BYTES);
            out.write(header);
            for (Tensor t : values) {
                writeData(out, t, chunk);
            }
        });
        LOG.debug("wrote {} tensors to {}", names.size(), file);
    }

    /**
     * Reads every tensor and the metadata of {@code file}.
     *
     * @param file a safetensors file
     * @return tensors in the order of their data, and the metadata
     * @throws ModelFileException when the file is malformed, truncated or holds a dtype Argus lacks
     * @throws UncheckedIOException when the file cannot be read
     */
    public static SafeTensorsContent read(Path file) {
        return read(file, true);
    }

    /**
     * Reads and fully checks the header of {@code file} but no tensor data: the metadata, with an empty
     * tensor map. Cheap enough to list many model files.
     *
     * @param file a safetensors file
     * @return the metadata and no tensors
     * @throws ModelFileException when the header is malformed or does not fit the file
     * @throws UncheckedIOException when the file cannot be read
     */
    public static SafeTensorsContent readMetadataOnly(Path file) {
        return read(file, false);
    }

    // ---------------------------------------------------------------------------------------- writing

    private static byte[] header(Path file, List<String> names, List<Tensor> tensors, Map<String, String> metadata) {
        ObjectNode root = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = root.putObject(METADATA_KEY);
            metadata.forEach((k, v) -> {
                if (k == null || v == null) {
                    throw new IllegalArgumentException(file + ": metadata keys and values must not be null, got "
                            + k + " = " + v);
                }
                meta.put(k, v);
            });
        }
        long offset = 0;
        for (int i = 0; i < names.size(); i++) {
            Tensor t = tensors.get(i);
            // Field order as the reference writer emits it: dtype, shape, data_offsets.
            ObjectNode entry = root.putObject(names.get(i));
            entry.put("dtype", t.dtype().name());
            ArrayNode shape = entry.putArray("shape");
            for (long s : t.shape()) {
                shape.add(s);
            }
            long end = offset + t.byteSize();
            entry.putArray("data_offsets").add(offset).add(end);
            offset = end;
        }
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            // A tree of strings and numbers always serializes; this would be a Jackson bug.
            throw new IllegalStateException(file + ": could not serialize the header", e);
        }
        long padded = (json.length + (long) ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
        if (padded > MAX_HEADER_BYTES) {
            throw new IllegalArgumentException(file + ": header would be " + padded + " bytes; at most "
                    + MAX_HEADER_BYTES + " are allowed (too many tensors or too much metadata)");
        }
        // The 8-byte prefix plus a multiple of 8 keeps the data start 8-byte aligned.
        byte[] header = Arrays.copyOf(json, (int) padded);
        Arrays.fill(header, json.length, header.length, (byte) ' ');
        return header;
    }

    private static void writeData(OutputStream out, Tensor t, ByteBuffer chunk) throws IOException {
        int n = t.length();
        int per = CHUNK_BYTES / t.dtype().bytes();
        for (int i = 0; i < n; i += per) {
            int k = Math.min(per, n - i);
            chunk.clear();
            // View buffers inherit the chunk's little-endian order.
            switch (t.dtype()) {
                case F32 -> chunk.asFloatBuffer().put(t.floats(), i, k);
                case F64 -> chunk.asDoubleBuffer().put(t.doubles(), i, k);
                case I32 -> chunk.asIntBuffer().put(t.ints(), i, k);
                case I64 -> chunk.asLongBuffer().put(t.longs(), i, k);
                case U8 -> chunk.put(t.bytes(), i, k);
            }
            out.write(chunk.array(), 0, k * t.dtype().bytes());
        }
    }

    // ---------------------------------------------------------------------------------------- reading

    /** One validated header entry; offsets are relative to the data section. */
    private record Entry(String name, Tensor.DType dtype, long[] shape, int elements, long begin, long end) {
        String offsets() {
            return "[" + begin + ", " + end + "]";
        }
    }

    private record Header(long dataStart, List<Entry> entries, Map<String, String> metadata) {
    }

    private static SafeTensorsContent read(Path file, boolean withData) {
        Objects.requireNonNull(file, "file");
        try {
            return readChecked(file, withData);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": could not read: " + e, e);
        }
    }

    private static SafeTensorsContent readChecked(Path file, boolean withData) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            Header header = readHeader(file, ch, chunk);
            LinkedHashMap<String, Tensor> tensors = new LinkedHashMap<>();
            if (withData) {
                // Checked for every tensor before the first allocation.
                for (Entry e : header.entries()) {
                    if (e.shape().length == 0 && e.dtype() != Tensor.DType.F64) {
                        throw new ModelFileException(file, "tensor '" + e.name() + "': rank-0 " + e.dtype()
                                + " tensors cannot be held by Tensor; only F64 scalars are supported");
                    }
                }
                for (Entry e : header.entries()) {
                    tensors.put(e.name(), readTensor(file, ch, chunk, header.dataStart(), e));
                }
            }
            LOG.debug("read {} tensors{} from {}", header.entries().size(), withData ? "" : " (header only)", file);
            return new SafeTensorsContent(tensors, header.metadata());
        }
    }

    private static Header readHeader(Path file, FileChannel ch, ByteBuffer chunk) throws IOException {
        long size = ch.size();
        if (size < PREFIX_BYTES) {
            throw new ModelFileException(file, "file is " + size + " bytes, shorter than the " + PREFIX_BYTES
                    + "-byte header length; the file is truncated or not a safetensors file");
        }
        chunk.clear().limit(PREFIX_BYTES);
        readFully(file, ch, chunk, 0);
        long n = chunk.flip().getLong();
        long available = size - PREFIX_BYTES;
        // n < 0 is an unsigned length of 2^63 or more.
        if (n < 0 || n > available) {
            throw new ModelFileException(file, "header length " + Long.toUnsignedString(n) + " exceeds file size: only "
                    + available + " bytes follow the " + PREFIX_BYTES
                    + "-byte length; the file is truncated or not a safetensors file");
        }
        if (n > MAX_HEADER_BYTES) {
            throw new ModelFileException(file, "header length " + n + " exceeds the limit of " + MAX_HEADER_BYTES + " bytes");
        }
        byte[] bytes = new byte[(int) n];
        readFully(file, ch, ByteBuffer.wrap(bytes), PREFIX_BYTES);
        JsonNode root = parseJson(file, decodeUtf8(file, bytes));
        long dataStart = PREFIX_BYTES + n;
        long dataLength = size - dataStart;

        List<Entry> entries = new ArrayList<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (field.getKey().equals(METADATA_KEY)) {
                metadata = metadata(file, field.getValue());
            } else {
                entries.add(entry(file, field.getKey(), field.getValue(), dataLength));
            }
        }
        // Stable: equal ranges (empty tensors) keep their header order.
        entries.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        checkContiguous(file, entries, dataLength);
        return new Header(dataStart, entries, metadata);
    }

    private static String decodeUtf8(Path file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never yields more chars than bytes.
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new ModelFileException(file, "header is not valid UTF-8: invalid byte sequence at header byte "
                    + in.position());
        }
        return out.flip().toString();
    }

    private static JsonNode parseJson(Path file, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ModelFileException(file, "header is not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new ModelFileException(file, "header is empty; expected a JSON object");
        }
        if (!root.isObject()) {
            throw new ModelFileException(file, "header must be a JSON object, got " + root.getNodeType());
        }
        return root;
    }

    private static Map<String, String> metadata(Path file, JsonNode node) {
        if (!node.isObject()) {
            throw new ModelFileException(file, METADATA_KEY + " must be a JSON object of strings, got " + node.getNodeType());
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getValue().isTextual()) {
                throw new ModelFileException(file, METADATA_KEY + " value for key '" + e.getKey()
                        + "' must be a string, got " + e.getValue().getNodeType() + " " + e.getValue());
            }
            metadata.put(e.getKey(), e.getValue().textValue());
        }
        return metadata;
    }

    private static Entry entry(Path file, String name, JsonNode node, long dataLength) {
        if (name.isEmpty()) {
            throw new ModelFileException(file, "tensor name must be non-empty, got \"\"");
        }
        String what = "tensor '" + name + "': ";
        if (!node.isObject()) {
            throw new ModelFileException(file, what + "entry must be a JSON object with dtype, shape and data_offsets, got "
                    + node.getNodeType());
        }
        for (Map.Entry<String, JsonNode> f : node.properties()) {
            if (!ENTRY_FIELDS.contains(f.getKey())) {
                throw new ModelFileException(file, what + "unexpected field '" + f.getKey()
                        + "'; expected only dtype, shape and data_offsets");
            }
        }
        Tensor.DType dtype = dtype(file, what, required(file, what, node, "dtype"));

        JsonNode shapeNode = required(file, what, node, "shape");
        if (!shapeNode.isArray()) {
            throw new ModelFileException(file, what + "shape must be an array of non-negative integers, got "
                    + shapeNode.getNodeType());
        }
        long[] shape = new long[shapeNode.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = nonNegative(file, what + "shape[" + i + "]", shapeNode.get(i));
            try {
                count = Math.multiplyExact(count, shape[i]);
            } catch (ArithmeticException overflow) {
                throw new ModelFileException(file, what + "shape " + shapeNode + " has more elements than a long can count");
            }
        }
        if (count > MAX_ELEMENTS) {
            throw new ModelFileException(file, what + "shape " + Arrays.toString(shape) + " holds " + count
                    + " elements; at most " + MAX_ELEMENTS + " fit in one Java array");
        }

        JsonNode offsets = required(file, what, node, "data_offsets");
        if (!offsets.isArray() || offsets.size() != 2) {
            throw new ModelFileException(file, what + "data_offsets must be an array [begin, end], got " + offsets);
        }
        long begin = nonNegative(file, what + "data_offsets[0]", offsets.get(0));
        long end = nonNegative(file, what + "data_offsets[1]", offsets.get(1));
        if (begin > end) {
            throw new ModelFileException(file, what + "data_offsets [" + begin + ", " + end + "] must have begin <= end");
        }
        long bytes = count * dtype.bytes(); // count <= 2^31, so no overflow
        if (end - begin != bytes) {
            throw new ModelFileException(file, what + "shape " + Arrays.toString(shape) + " of " + dtype + " needs "
                    + bytes + " bytes but data_offsets [" + begin + ", " + end + "] span " + (end - begin));
        }
        if (end > dataLength) {
            throw new ModelFileException(file, what + "data_offsets [" + begin + ", " + end + "] end past the "
                    + dataLength + " bytes of data after the header; the file is truncated or the offsets are wrong");
        }
        return new Entry(name, dtype, shape, (int) count, begin, end);
    }

    private static JsonNode required(Path file, String what, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw new ModelFileException(file, what + "missing field '" + field + "'");
        }
        return value;
    }

    private static Tensor.DType dtype(Path file, String what, JsonNode node) {
        if (!node.isTextual()) {
            throw new ModelFileException(file, what + "dtype must be a string, got " + node.getNodeType() + " " + node);
        }
        String name = node.textValue();
        for (Tensor.DType d : Tensor.DType.values()) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        if (SPEC_ONLY_DTYPES.contains(name)) {
            throw new ModelFileException(file, what + "dtype " + name + " is not supported by Argus; supported: " + SUPPORTED);
        }
        throw new ModelFileException(file, what + "unknown dtype '" + name + "'; supported: " + SUPPORTED);
    }

    private static long nonNegative(Path file, String what, JsonNode node) {
        if (node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 0) {
            return node.longValue();
        }
        throw new ModelFileException(file, what + " must be a non-negative integer, got " + node);
    }

    private static void checkContiguous(Path file, List<Entry> sorted, long dataLength) {
        long covered = 0;
        Entry previous = null;
        for (Entry e : sorted) {
            if (e.begin() < covered) {
                throw new ModelFileException(file, "tensor '" + e.name() + "' data_offsets " + e.offsets()
                        + " overlap tensor '" + previous.name() + "' data_offsets " + previous.offsets());
            }
            if (e.begin() > covered) {
                String before = previous == null
                        ? "the start of the data"
                        : "tensor '" + previous.name() + "' (ends at " + covered + ")";
                throw new ModelFileException(file, "gap of " + (e.begin() - covered) + " bytes between " + before
                        + " and tensor '" + e.name() + "' (begins at " + e.begin() + "); tensors must be contiguous");
            }
            covered = e.end();
            previous = e;
        }
        if (covered != dataLength) {
            throw new ModelFileException(file, "tensors cover " + covered + " bytes but " + dataLength
                    + " bytes of data follow the header; " + (dataLength - covered) + " trailing bytes belong to no tensor");
        }
    }

    private static Tensor readTensor(Path file, FileChannel ch, ByteBuffer chunk, long dataStart, Entry e)
            throws IOException {
        int n = e.elements();
        int size = e.dtype().bytes();
        int per = CHUNK_BYTES / size;
        long position = dataStart + e.begin();
        Object array = switch (e.dtype()) {
            case F32 -> new float[n];
            case F64 -> new double[n];
            case I32 -> new int[n];
            case I64 -> new long[n];
            case U8 -> new byte[n];
        };
        for (int i = 0; i < n; i += per) {
            int k = Math.min(per, n - i);
            chunk.clear().limit(k * size);
            readFully(file, ch, chunk, position);
            chunk.flip();
            switch (e.dtype()) {
                case F32 -> chunk.asFloatBuffer().get((float[]) array, i, k);
                case F64 -> chunk.asDoubleBuffer().get((double[]) array, i, k);
                case I32 -> chunk.asIntBuffer().get((int[]) array, i, k);
                case I64 -> chunk.asLongBuffer().get((long[]) array, i, k);
                case U8 -> chunk.get((byte[]) array, i, k);
            }
            position += (long) k * size;
        }
        long[] shape = e.shape();
        if (shape.length == 0) {
            // Only F64 reaches here (checked up front); the other factories read no shape as a vector.
            return Tensor.scalar(((double[]) array)[0]);
        }
        return switch (e.dtype()) {
            case F32 -> Tensor.f32((float[]) array, shape);
            case F64 -> Tensor.f64((double[]) array, shape);
            case I32 -> Tensor.i32((int[]) array, shape);
            case I64 -> Tensor.i64((long[]) array, shape);
            case U8 -> Tensor.u8((byte[]) array, shape);
        };
    }

    /**
     * Fills {@code dst} from {@code position}, at most one chunk per read: the JDK copies heap buffers
     * through a temporary direct buffer as large as the request.
     */
    private static void readFully(Path file, FileChannel ch, ByteBuffer dst, long position) throws IOException {
        int limit = dst.limit();
        long pos = position;
        while (dst.position() < limit) {
            dst.limit(Math.min(limit, dst.position() + CHUNK_BYTES));
            int r = ch.read(dst, pos);
            if (r < 0) {
                throw new ModelFileException(file, "file ended at byte " + pos + " while " + (limit - dst.position())
                        + " more bytes were expected; it was truncated while being read");
            }
            pos += r;
        }
        dst.limit(limit);
    }
}
