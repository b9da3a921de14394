package io.argus.core.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0 as specified in NEP 1 and
 * {@code numpy.lib.format}) into an {@link NpyArray}.
 *
 * <p>Supported dtypes: {@code f4 f8 i1 i2 i4 i8 u1 u2 u4 u8 b1} in little, big, native or
 * not-applicable byte order ({@code < > = |}), in C or Fortran order (Fortran arrays are reordered to
 * row-major while reading). Object, string, complex, datetime and structured dtypes are rejected with a
 * {@link DataFormatException} naming the dtype.
 *
 * <p>Every size in the header is checked before anything is allocated: the magic string, the version,
 * the header length against the file, non-negative dimensions, an element count that fits in a Java
 * array, and a payload that matches the bytes that follow. A hostile header therefore fails fast with a
 * message instead of exhausting memory. Reading takes O(n) time and, beyond the result, a 64 KiB buffer.
 */
public final class NpyReader {

    /** Largest element count a Java array can reliably hold. */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    /** Headers are a short Python dict; anything far larger is not an npy header. */
    private static final long MAX_HEADER_BYTES = 1 << 20;

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int CHUNK = 1 << 16;

    /** How decoded values are stored. */
    enum Storage {
        /** float32 for {@code f4}, float64 for everything else. */
        NATURAL,
        /** float32 whatever the dtype (narrowing, as a Table stores float32 anyway). */
        FLOAT,
        /** float64 whatever the dtype. */
        DOUBLE
    }

    private NpyReader() {
    }

    /**
     * Reads an npy file; {@code f4} data is kept as float32, every other dtype widened to float64.
     *
     * @throws DataFormatException when the file is not a valid npy file of a supported dtype
     * @throws UncheckedIOException when the file cannot be read
     */
    public static NpyArray read(Path file) {
        return read(file, Storage.NATURAL);
    }

    /**
     * Reads an npy file straight into float32 storage, narrowing wider dtypes element by element, so
     * that a float64 file needs no float64 copy in memory.
     *
     * @throws DataFormatException when the file is not a valid npy file of a supported dtype
     * @throws UncheckedIOException when the file cannot be read
     */
    public static NpyArray readAsFloat(Path file) {
        return read(file, Storage.FLOAT);
    }

    /**
     * Reads npy content held in memory; {@code f4} data is kept as float32, every other dtype widened.
     *
     * @param bytes the complete content of an npy file
     * @param sourceName a name for error messages
     * @throws DataFormatException when the bytes are not a valid npy file of a supported dtype
     */
    public static NpyArray read(byte[] bytes, String sourceName) {
        try {
            return read(new ByteArrayInputStream(bytes), sourceName, bytes.length, Long.MAX_VALUE, Storage.NATURAL);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen for an in-memory stream
        }
    }

    static NpyArray read(Path file, Storage storage) {
        Objects.requireNonNull(file, "file");
        String name = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, name, Files.size(file), Long.MAX_VALUE, storage);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(name, "file not found", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads one npy array from a stream.
     *
     * @param available the exact number of bytes the stream holds, or -1 when unknown
     * @param maxPayload the most payload bytes the source can plausibly hold (a bound for compressed
     *     sources whose declared sizes are not trusted); {@code Long.MAX_VALUE} when the size is exact
     */
    static NpyArray read(InputStream in, String source, long available, long maxPayload, Storage storage) throws IOException {
        Header h = readHeader(in, source, available);
        long payload = h.payloadBytes();
        if (available >= 0) {
            long follows = available - h.headerEnd;
            if (follows < payload) {
                throw truncated(source, h, follows);
            }
            if (follows > payload) {
                throw new DataFormatException(source, "header declares shape " + h.shapeText() + " of dtype " + h.descr
                        + " = " + payload + " bytes but " + follows + " bytes follow; expected exactly the declared payload"
                        + " (the file has trailing data or a wrong header)");
            }
        }
        if (payload > maxPayload) {
            throw new DataFormatException(source, "header declares shape " + h.shapeText() + " of dtype " + h.descr
                    + " = " + payload + " bytes but the compressed data can hold at most " + maxPayload
                    + " bytes; the archive is corrupt or hostile");
        }
        return decode(in, source, h, storage);
    }

    private static DataFormatException truncated(String source, Header h, long follows) {
        return new DataFormatException(source, "truncated: header declares shape " + h.shapeText() + " of dtype " + h.descr
                + " = " + h.payloadBytes() + " bytes but only " + Math.max(0, follows) + " bytes follow");
    }

    // ---------------------------------------------------------------- header

    /** A validated header: dtype, order, shape and where the payload starts. */
    static final class Header {
        final String descr;
        final Dtype dtype;
        final boolean fortran;
        final int[] shape;
        final int size;
        final long headerEnd;

        Header(String descr, Dtype dtype, boolean fortran, int[] shape, int size, long headerEnd) {
            this.descr = descr;
            this.dtype = dtype;
            this.fortran = fortran;
            this.shape = shape;
            this.size = size;
            this.headerEnd = headerEnd;
        }

        long payloadBytes() {
            return (long) size * dtype.itemSize;
        }

        String shapeText() {
            return shapeText(shape);
        }

        static String shapeText(int[] shape) {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < shape.length; i++) {
                sb.append(i > 0 ? ", " : "").append(shape[i]);
            }
            return sb.append(shape.length == 1 ? ",)" : ")").toString();
        }
    }

    static Header readHeader(InputStream in, String source, long available) throws IOException {
        byte[] pre = in.readNBytes(8);
        if (pre.length < 8 || !startsWithMagic(pre)) {
            throw new DataFormatException(source, "not an npy file: expected the magic string \\x93NUMPY at the start, found "
                    + describeBytes(pre));
        }
        int major = pre[6] & 0xff;
        int minor = pre[7] & 0xff;
        if (major < 1 || major > 3 || minor != 0) {
            throw new DataFormatException(source, "unsupported npy format version " + major + "." + minor
                    + "; expected 1.0, 2.0 or 3.0");
        }
        int lenBytes = major == 1 ? 2 : 4;
        byte[] lenRaw = in.readNBytes(lenBytes);
        if (lenRaw.length < lenBytes) {
            throw new DataFormatException(source, "truncated: the file ends inside the npy preamble (" + (8 + lenRaw.length)
                    + " bytes)");
        }
        long headerLen = 0;
        for (int i = lenBytes - 1; i >= 0; i--) {
            headerLen = (headerLen << 8) | (lenRaw[i] & 0xff);
        }
        long headerEnd = 8 + lenBytes + headerLen;
        if (available >= 0 && headerEnd > available) {
            throw new DataFormatException(source, "truncated: header length field says " + headerLen
                    + " bytes but only " + (available - 8 - lenBytes) + " bytes follow the preamble");
        }
        if (headerLen > MAX_HEADER_BYTES) {
            throw new DataFormatException(source, "header length " + headerLen + " bytes is implausible; expected at most "
                    + MAX_HEADER_BYTES + " (a short Python dict)");
        }
        byte[] raw = in.readNBytes((int) headerLen);
        if (raw.length < headerLen) {
            throw new DataFormatException(source, "truncated: header length field says " + headerLen + " bytes but only "
                    + raw.length + " bytes follow the preamble");
        }
        // Version 3.0 exists only to allow UTF-8 field names; 1.0 and 2.0 headers are latin-1.
        String text = new String(raw, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Map<String, Object> dict = parseDict(source, text);
        Object descrObj = require(source, dict, "descr", text);
        if (!(descrObj instanceof String)) {
            throw new DataFormatException(source, "structured dtype " + HeaderParser.render(descrObj)
                    + " is not supported; expected a single numeric dtype such as '<f8'");
        }
        String descr = (String) descrObj;
        Dtype dtype = Dtype.parse(source, descr);
        Object fo = require(source, dict, "fortran_order", text);
        if (!(fo instanceof Boolean)) {
            throw new DataFormatException(source, "header field 'fortran_order' must be True or False, found "
                    + HeaderParser.render(fo));
        }
        Object shapeObj = require(source, dict, "shape", text);
        if (!(shapeObj instanceof List)) {
            throw new DataFormatException(source, "header field 'shape' must be a tuple of integers, found "
                    + HeaderParser.render(shapeObj));
        }
        List<?> dims = (List<?>) shapeObj;
        int[] shape = new int[dims.size()];
        boolean empty = false;
        for (int i = 0; i < shape.length; i++) {
            Object d = dims.get(i);
            if (!(d instanceof Long)) {
                throw new DataFormatException(source, "header field 'shape' must be a tuple of integers, found "
                        + HeaderParser.render(shapeObj));
            }
            long v = (Long) d;
            if (v < 0) {
                throw new DataFormatException(source, "shape " + HeaderParser.render(shapeObj) + " has negative dimension "
                        + v + "; expected dimensions >= 0");
            }
            if (v > MAX_ELEMENTS) {
                throw tooLarge(source, shapeObj);
            }
            shape[i] = (int) v;
            empty |= v == 0;
        }
        long size = empty ? 0 : 1;
        for (int i = 0; i < shape.length && !empty; i++) {
            size *= shape[i]; // both factors are below 2^31, so this cannot overflow before the check
            if (size > MAX_ELEMENTS) {
                throw tooLarge(source, shapeObj);
            }
        }
        return new Header(descr, dtype, (Boolean) fo, shape, (int) size, headerEnd);
    }

    private static DataFormatException tooLarge(String source, Object shapeObj) {
        return new DataFormatException(source, "shape " + HeaderParser.render(shapeObj) + " has more elements than a Java"
                + " array can hold; expected at most " + MAX_ELEMENTS + " elements");
    }

    private static Object require(String source, Map<String, Object> dict, String key, String text) {
        if (!dict.containsKey(key)) {
            throw new DataFormatException(source, "npy header lacks the '" + key + "' field; expected a dict with descr,"
                    + " fortran_order and shape, found " + abbreviate(text.strip()));
        }
        return dict.get(key);
    }

    private static Map<String, Object> parseDict(String source, String text) {
        Object v;
        try {
            HeaderParser p = new HeaderParser(text);
            v = p.value();
            p.skipSpace();
            if (!p.atEnd()) {
                throw p.error("unexpected text after the dict");
            }
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(source, "malformed npy header: " + e.getMessage() + "; found "
                    + abbreviate(text.strip()), e);
        }
        if (!(v instanceof Map)) {
            throw new DataFormatException(source, "malformed npy header: expected a dict, found " + abbreviate(text.strip()));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) v;
        return m;
    }

    private static boolean startsWithMagic(byte[] b) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (b[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static String describeBytes(byte[] b) {
        if (b.length == 0) {
            return "an empty file";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(b.length, 6); i++) {
            int c = b[i] & 0xff;
            sb.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format(Locale.ROOT, "\\x%02x", c));
        }
        return "'" + sb + "'";
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    /** A reader for the Python literal subset that npy headers use: dicts, tuples, lists, str, int, bool, None. */
    static final class HeaderParser {
        private final String s;
        private int pos;

        HeaderParser(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at character " + pos);
        }

        Object value() {
            skipSpace();
            if (atEnd()) {
                throw error("unexpected end of header");
            }
            char c = s.charAt(pos);
            switch (c) {
                case '{':
                    return dict();
                case '(':
                    return sequence(')');
                case '[':
                    return sequence(']');
                case '\'':
                case '"':
                    return string(c);
                default:
                    if (c == '-' || c == '+' || Character.isDigit(c)) {
                        return integer();
                    }
                    if (Character.isLetter(c)) {
                        int start = pos;
                        while (pos < s.length() && Character.isLetterOrDigit(s.charAt(pos))) {
                            pos++;
                        }
                        String word = s.substring(start, pos);
                        switch (word) {
                            case "True":
                                return Boolean.TRUE;
                            case "False":
                                return Boolean.FALSE;
                            case "None":
                                return NONE;
                            default:
                                pos = start;
                                throw error("unexpected word '" + word + "'");
                        }
                    }
                    throw error("unexpected character '" + c + "'");
            }
        }

        private Map<String, Object> dict() {
            pos++; // '{'
            Map<String, Object> m = new LinkedHashMap<>();
            while (true) {
                skipSpace();
                if (peek() == '}') {
                    pos++;
                    return m;
                }
                Object key = value();
                if (!(key instanceof String)) {
                    throw error("dict keys must be strings");
                }
                skipSpace();
                expect(':');
                m.put((String) key, value());
                skipSpace();
                char c = peek();
                if (c == ',') {
                    pos++;
                } else if (c != '}') {
                    throw error("expected ',' or '}'");
                }
            }
        }

        private List<Object> sequence(char close) {
            pos++; // '(' or '['
            List<Object> out = new ArrayList<>();
            while (true) {
                skipSpace();
                if (peek() == close) {
                    pos++;
                    return out;
                }
                out.add(value());
                skipSpace();
                char c = peek();
                if (c == ',') {
                    pos++;
                } else if (c != close) {
                    throw error("expected ',' or '" + close + "'");
                }
            }
        }

        private String string(char quote) {
            pos++;
            StringBuilder sb = new StringBuilder();
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == quote) {
                    return sb.toString();
                }
                if (c == '\\' && pos < s.length()) {
                    c = s.charAt(pos++);
                }
                sb.append(c);
            }
            throw error("unterminated string");
        }

        private Long integer() {
            int start = pos;
            if (s.charAt(pos) == '-' || s.charAt(pos) == '+') {
                pos++;
            }
            int digits = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            if (pos == digits) {
                throw error("expected digits");
            }
            String text = s.substring(start, pos);
            if (pos < s.length() && (s.charAt(pos) == 'L' || s.charAt(pos) == 'l')) {
                pos++; // Python 2 long suffix, written by old numpy versions
            }
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                // Not representable: certainly too large for any array; keep the sign for the message.
                return text.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
            }
        }

        private char peek() {
            if (atEnd()) {
                throw error("unexpected end of header");
            }
            return s.charAt(pos);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        static final Object NONE = new Object() {
            @Override
            public String toString() {
                return "None";
            }
        };

        static String render(Object v) {
            if (v instanceof String) {
                return "'" + v + "'";
            }
            if (v instanceof Boolean) {
                return (Boolean) v ? "True" : "False";
            }
            if (v instanceof List) {
                List<?> l = (List<?>) v;
                StringBuilder sb = new StringBuilder("(");
                for (int i = 0; i < l.size(); i++) {
                    sb.append(i > 0 ? ", " : "").append(render(l.get(i)));
                }
                return sb.append(l.size() == 1 ? ",)" : ")").toString();
            }
            if (v instanceof Map) {
                StringBuilder sb = new StringBuilder("{");
                ((Map<?, ?>) v).forEach((k, x) -> sb.append(sb.length() > 1 ? ", " : "").append(render(k)).append(": ").append(render(x)));
                return sb.append('}').toString();
            }
            return String.valueOf(v);
        }
    }

    // ---------------------------------------------------------------- dtype

    /** The numeric dtypes this reader decodes. */
    enum Kind { F4, F8, I1, I2, I4, I8, U1, U2, U4, U8, B1 }

    /** A parsed dtype descriptor: kind, item size and byte order. */
    static final class Dtype {
        final Kind kind;
        final int itemSize;
        final ByteOrder order;

        private Dtype(Kind kind, int itemSize, ByteOrder order) {
            this.kind = kind;
            this.itemSize = itemSize;
            this.order = order;
        }

        private static final String SUPPORTED = "expected a numeric dtype: f4, f8, i1, i2, i4, i8, u1, u2, u4, u8 or b1,"
                + " with byte order '<', '>', '|' or '='";

        static Dtype parse(String source, String descr) {
            String d = descr.strip();
            ByteOrder order = ByteOrder.nativeOrder();
            if (!d.isEmpty()) {
                switch (d.charAt(0)) {
                    case '<':
                        order = ByteOrder.LITTLE_ENDIAN;
                        d = d.substring(1);
                        break;
                    case '>':
                        order = ByteOrder.BIG_ENDIAN;
                        d = d.substring(1);
                        break;
                    case '|':
                    case '=':
                        d = d.substring(1);
                        break;
                    default:
                        break;
                }
            }
            if (d.equals("?")) {
                d = "b1";
            }
            if (d.isEmpty()) {
                throw new DataFormatException(source, "empty dtype '" + descr + "'; " + SUPPORTED);
            }
            char k = d.charAt(0);
            String sizeText = d.substring(1);
            String family;
            switch (k) {
                case 'c':
                    family = "complex";
                    break;
                case 'O':
                    family = "Python object";
                    break;
                case 'U':
                case 'S':
                case 'a':
                    family = "string";
                    break;
                case 'V':
                    family = "void/structured";
                    break;
                case 'M':
                case 'm':
                    family = "datetime/timedelta";
                    break;
                default:
                    family = null;
            }
            if (family != null) {
                throw new DataFormatException(source, "unsupported dtype '" + descr + "' (" + family + "); " + SUPPORTED);
            }
            Kind kind = null;
            switch (k + sizeText) {
                case "f4": kind = Kind.F4; break;
                case "f8": kind = Kind.F8; break;
                case "i1": kind = Kind.I1; break;
                case "i2": kind = Kind.I2; break;
                case "i4": kind = Kind.I4; break;
                case "i8": kind = Kind.I8; break;
                case "u1": kind = Kind.U1; break;
                case "u2": kind = Kind.U2; break;
                case "u4": kind = Kind.U4; break;
                case "u8": kind = Kind.U8; break;
                case "b1": kind = Kind.B1; break;
                default: break;
            }
            if (kind == null) {
                throw new DataFormatException(source, "unsupported dtype '" + descr + "'; " + SUPPORTED);
            }
            int size = Integer.parseInt(sizeText);
            return new Dtype(kind, size, order);
        }
    }

    // ---------------------------------------------------------------- payload

    private static NpyArray decode(InputStream in, String source, Header h, Storage storage) throws IOException {
        boolean toFloat = storage == Storage.FLOAT || (storage == Storage.NATURAL && h.dtype.kind == Kind.F4);
        int n = h.size;
        float[] fOut = toFloat ? new float[n] : null;
        double[] dOut = toFloat ? null : new double[n];
        long payload = h.payloadBytes();
        byte[] buf = new byte[(int) Math.min(CHUNK, Math.max(payload, 1))];
        ByteBuffer bb = ByteBuffer.wrap(buf).order(h.dtype.order);
        Destination dest = new Destination(h.shape, h.fortran);
        Kind kind = h.dtype.kind;
        int item = h.dtype.itemSize;
        long done = 0;
        while (done < payload) {
            int want = (int) Math.min(buf.length, payload - done);
            int got = in.readNBytes(buf, 0, want);
            if (got < want) {
                throw truncated(source, h, done + got);
            }
            done += got;
            int count = got / item;
            for (int e = 0, off = 0; e < count; e++, off += item) {
                int at = dest.next();
                if (toFloat) {
                    fOut[at] = floatAt(bb, off, kind);
                } else {
                    dOut[at] = doubleAt(bb, off, kind);
                }
            }
        }
        return toFloat ? NpyArray.ofFloats(h.shape, h.descr, fOut) : NpyArray.ofDoubles(h.shape, h.descr, dOut);
    }

    private static double doubleAt(ByteBuffer bb, int off, Kind kind) {
        switch (kind) {
            case F4: return bb.getFloat(off);
            case F8: return bb.getDouble(off);
            case I1: return bb.get(off);
            case I2: return bb.getShort(off);
            case I4: return bb.getInt(off);
            case I8: return bb.getLong(off);
            case U1: return bb.get(off) & 0xff;
            case U2: return bb.getShort(off) & 0xffff;
            case U4: return bb.getInt(off) & 0xffffffffL;
            case U8: return unsignedToDouble(bb.getLong(off));
            case B1: return bb.get(off) != 0 ? 1 : 0;
            default: throw new AssertionError(kind);
        }
    }

    private static float floatAt(ByteBuffer bb, int off, Kind kind) {
        switch (kind) {
            case F4: return bb.getFloat(off);
            case F8: return (float) bb.getDouble(off);
            case I1: return bb.get(off);
            case I2: return bb.getShort(off);
            case I4: return bb.getInt(off);
            // long -> float rounds once; going through double would round twice
            case I8: return bb.getLong(off);
            case U1: return bb.get(off) & 0xff;
            case U2: return bb.getShort(off) & 0xffff;
            case U4: return bb.getInt(off) & 0xffffffffL;
            case U8: return unsignedToFloat(bb.getLong(off));
            case B1: return bb.get(off) != 0 ? 1 : 0;
            default: throw new AssertionError(kind);
        }
    }

    // Halving with the low bit kept as a sticky bit preserves round-to-nearest for values >= 2^63.
    private static double unsignedToDouble(long v) {
        return v >= 0 ? v : ((double) ((v >>> 1) | (v & 1))) * 2.0;
    }

    private static float unsignedToFloat(long v) {
        return v >= 0 ? v : ((float) ((v >>> 1) | (v & 1))) * 2.0f;
    }

    /** Yields the row-major index of each element in file order (row-major itself, or Fortran order). */
    private static final class Destination {
        private final boolean sequential;
        private final int[] shape;
        private final int[] strides;
        private final int[] index;
        private int at;

        Destination(int[] shape, boolean fortran) {
            this.shape = shape;
            this.sequential = !fortran || shape.length <= 1;
            this.strides = new int[shape.length];
            this.index = new int[shape.length];
            int s = 1;
            for (int a = shape.length - 1; a >= 0; a--) {
                strides[a] = s;
                s *= Math.max(shape[a], 1);
            }
        }

        int next() {
            if (sequential) {
                return at++;
            }
            int out = at;
            // advance the first index fastest (Fortran order), carrying into later axes
            int a = 0;
            index[0]++;
            at += strides[0];
            while (index[a] == shape[a] && a < shape.length - 1) {
                at -= strides[a] * shape[a];
                index[a] = 0;
                a++;
                index[a]++;
                at += strides[a];
            }
            return out;
        }
    }
}
