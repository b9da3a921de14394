package io.argus.vision.backbone.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A minimal protocol-buffers wire-format writer, the counterpart of {@link ProtoReader}. */
public final class ProtoWriter {

    private final ByteArrayOutputStream out;

    /** An empty message. */
    public ProtoWriter() {
        this(256);
    }

    /** An empty message with room for {@code capacity} bytes. */
    public ProtoWriter(int capacity) {
        out = new ByteArrayOutputStream(capacity);
    }

    private void rawVarint(long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private void tag(int field, int wire) {
        rawVarint(((long) field << 3) | wire);
    }

    /** A varint field (int32, int64, enum, bool); negative values take ten bytes as protobuf requires. */
    public ProtoWriter varint(int field, long value) {
        tag(field, ProtoReader.VARINT);
        rawVarint(value);
        return this;
    }

    /** A float field (wire type 32-bit). */
    public ProtoWriter float32(int field, float value) {
        tag(field, ProtoReader.I32);
        int bits = Float.floatToRawIntBits(value);
        out.write(bits);
        out.write(bits >>> 8);
        out.write(bits >>> 16);
        out.write(bits >>> 24);
        return this;
    }

    /** A string field, UTF-8. */
    public ProtoWriter string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A bytes field. */
    public ProtoWriter bytes(int field, byte[] value) {
        tag(field, ProtoReader.LEN);
        rawVarint(value.length);
        out.write(value, 0, value.length);
        return this;
    }

    /** An embedded message. */
    public ProtoWriter message(int field, ProtoWriter message) {
        return bytes(field, message.toByteArray());
    }

    /** A packed repeated int64 field. */
    public ProtoWriter packedInt64(int field, long[] values) {
        ProtoWriter p = new ProtoWriter(values.length * 2 + 2);
        for (long v : values) {
            p.rawVarint(v);
        }
        return bytes(field, p.toByteArray());
    }

    /** Bytes already in wire format (copied fields of another message). */
    public ProtoWriter raw(byte[] buf, int from, int to) {
        out.write(buf, from, to - from);
        return this;
    }

    /** The encoded message. */
    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
