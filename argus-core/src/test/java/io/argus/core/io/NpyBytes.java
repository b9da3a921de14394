package io.argus.core.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds npy and npz bytes by hand for tests, following NEP 1, so that tests need no Python. */
final class NpyBytes {

    private NpyBytes() {
    }

    /** An npy file: preamble for {@code major}, the header dict padded to 64 bytes, then the payload. */
    static byte[] npy(int major, String dict, byte[] payload) {
        int pre = major == 1 ? 10 : 12;
        byte[] raw = dict.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int total = pre + raw.length + 1;
        int pad = (64 - total % 64) % 64;
        int headerLen = raw.length + pad + 1;
        ByteBuffer bb = ByteBuffer.allocate(pre + headerLen + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        bb.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) major).put((byte) 0);
        if (major == 1) {
            bb.putShort((short) headerLen);
        } else {
            bb.putInt(headerLen);
        }
        bb.put(raw);
        for (int i = 0; i < pad; i++) {
            bb.put((byte) ' ');
        }
        bb.put((byte) '\n').put(payload);
        return bb.array();
    }

    /** The standard header dict numpy writes. */
    static String dict(String descr, boolean fortran, int... shape) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            s.append(i > 0 ? ", " : "").append(shape[i]);
        }
        s.append(shape.length == 1 ? ",)" : ")");
        return "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + s + ", }";
    }

    /** A version 1.0 npy file of these values, encoded as {@code type} (such as "f8") in this byte order. */
    static byte[] npy(String descr, boolean fortran, int[] shape, double[] fileOrderValues) {
        return npy(1, dict(descr, fortran, shape), payload(descr, fileOrderValues));
    }

    /** Encodes values in file order for a dtype descriptor such as {@code >u8}. */
    static byte[] payload(String descr, double[] values) {
        ByteOrder order = descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN
                : descr.charAt(0) == '=' ? ByteOrder.nativeOrder() : ByteOrder.LITTLE_ENDIAN;
        String type = descr.substring(1);
        int size = Integer.parseInt(type.substring(1));
        ByteBuffer bb = ByteBuffer.allocate(values.length * size).order(order);
        for (double v : values) {
            switch (type) {
                case "f4": bb.putFloat((float) v); break;
                case "f8": bb.putDouble(v); break;
                case "i1": case "u1": case "b1": bb.put((byte) (long) v); break;
                case "i2": case "u2": bb.putShort((short) (long) v); break;
                case "i4": case "u4": bb.putInt((int) (long) v); break;
                case "i8": bb.putLong((long) v); break;
                case "u8": bb.putLong(new BigDecimal(v).toBigInteger().longValue()); break;
                default: throw new IllegalArgumentException(type);
            }
        }
        return bb.array();
    }

    /** A zip of npy members (name -> bytes), deflated or stored. */
    static byte[] npz(boolean deflate, Object... nameBytesPairs) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream zos = new ZipOutputStream(bos)) {
            for (int i = 0; i < nameBytesPairs.length; i += 2) {
                String name = (String) nameBytesPairs[i];
                byte[] data = (byte[]) nameBytesPairs[i + 1];
                ZipEntry e = new ZipEntry(name);
                if (!deflate) {
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(data);
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(data.length);
                    e.setCompressedSize(data.length);
                    e.setCrc(crc.getValue());
                }
                zos.putNextEntry(e);
                zos.write(data);
                zos.closeEntry();
            }
        }
        return bos.toByteArray();
    }
}
