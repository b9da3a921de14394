package io.argus.vision.backbone.onnx;

import java.nio.charset.StandardCharsets;

/**
 * A minimal protocol-buffers wire-format reader over a byte range (varint, 64-bit, length-delimited
 * and 32-bit fields), enough to walk ONNX's {@code ModelProto} without protobuf-java. Every length is
 * checked against the range, so a truncated or corrupt file fails with a message instead of an index
 * error.
 */
final class ProtoReader {

    static final int VARINT = 0;
    static final int I64 = 1;
    static final int LEN = 2;
    static final int I32 = 5;

    private final byte[] buf;
    private final String source;
    private int pos;
    private final int end;
    private int fieldStart;

    ProtoReader(byte[] buf, int from, int to, String source) {
        if (from < 0 || to > buf.length || from > to) {
            throw new IllegalArgumentException(source + ": bad protobuf range " + from + ".." + to);
        }
        this.buf = buf;
        this.pos = from;
        this.end = to;
        this.source = source;
    }

    ProtoReader(byte[] buf, String source) {
        this(buf, 0, buf.length, source);
    }

    boolean hasNext() {
        return pos < end;
    }

    /** Reads the next tag; the field number is {@code tag >>> 3}, the wire type {@code tag & 7}. */
    int tag() {
        fieldStart = pos;
        long t = varint();
        if (t > Integer.MAX_VALUE || (t >>> 3) == 0) {
            throw corrupt("invalid field tag " + t);
        }
        return (int) t;
    }

    /** Where the field whose tag was read last begins (its tag byte). */
    int fieldStart() {
        return fieldStart;
    }

    int position() {
        return pos;
    }

    long varint() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= end) {
                throw corrupt("truncated varint");
            }
            byte b = buf[pos++];
            result |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw corrupt("varint longer than 10 bytes");
    }

    int fixed32() {
        need(4);
        int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16 | (buf[pos + 3] & 0xFF) << 24;
        pos += 4;
        return v;
    }

    long fixed64() {
        long lo = fixed32() & 0xFFFFFFFFL;
        long hi = fixed32() & 0xFFFFFFFFL;
        return lo | hi << 32;
    }

    /** The length of a length-delimited field, checked against the range. */
    int length() {
        long n = varint();
        if (n < 0 || n > end - pos) {
            throw corrupt("length " + n + " runs past the end (" + (end - pos) + " bytes left)");
        }
        return (int) n;
    }

    /** A reader over the embedded message that follows. */
    ProtoReader message() {
        int n = length();
        ProtoReader r = new ProtoReader(buf, pos, pos + n, source);
        pos += n;
        return r;
    }

    String string() {
        int n = length();
        String s = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    byte[] bytes() {
        int n = length();
        byte[] b = new byte[n];
        System.arraycopy(buf, pos, b, 0, n);
        pos += n;
        return b;
    }

    /** Skips the value of a field of the given wire type. */
    void skip(int wireType) {
        switch (wireType) {
            case VARINT -> varint();
            case I64 -> {
                need(8);
                pos += 8;
            }
            case LEN -> {
                // Not "pos += length()": that would read pos before length() moves it past the varint.
                int n = length();
                pos += n;
            }
            case I32 -> {
                need(4);
                pos += 4;
            }
            default -> throw corrupt("unsupported wire type " + wireType);
        }
    }

    /** Reads a repeated int64 field given packed or unpacked. */
    void int64s(int wireType, java.util.function.LongConsumer out) {
        if (wireType == LEN) {
            ProtoReader r = message();
            while (r.hasNext()) {
                out.accept(r.varint());
            }
        } else {
            out.accept(varint());
        }
    }

    private void need(int n) {
        if (end - pos < n) {
            throw corrupt("truncated field");
        }
    }

    IllegalArgumentException corrupt(String what) {
        return new IllegalArgumentException(source + ": not a valid ONNX protobuf (" + what + " at byte " + pos + ")");
    }
}
