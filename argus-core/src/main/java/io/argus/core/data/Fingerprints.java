package io.argus.core.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 fingerprints of data, recorded in model files so that a model can be traced to its training data. */
public final class Fingerprints {

    private Fingerprints() {
    }

    /** SHA-256 over the shape and the little-endian float32 values of a table (labels excluded), hex. */
    public static String of(Table t) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(t.rows()).putLong(t.cols());
        for (float v : t.values()) {
            if (buf.remaining() < 4) {
                buf.flip();
                md.update(buf);
                buf.clear();
            }
            buf.putFloat(v);
        }
        buf.flip();
        md.update(buf);
        return HexFormat.of().formatHex(md.digest());
    }
}
