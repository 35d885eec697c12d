package dev.kiln.core.frame;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 fingerprint of a frame's content — column names, types and every value — so a
 * model's provenance can say exactly which data it was trained on. Two frames have the same
 * fingerprint exactly when they hold the same columns and values in the same order.
 */
public final class FrameFingerprint {
    private FrameFingerprint() {
    }

    /** For example {@code sha256:9f86d0…}. */
    public static String of(Frame frame) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        putInt(digest, buf, frame.columnCount());
        putInt(digest, buf, frame.rowCount());
        for (Column c : frame.columns()) {
            putString(digest, buf, c.name());
            putString(digest, buf, c.type().label());
            for (int i = 0; i < c.size(); i++) {
                if (c.isMissing(i)) {
                    put(digest, buf, (byte) 0);
                    continue;
                }
                put(digest, buf, (byte) 1);
                switch (c) {
                    case DoubleColumn d -> putLong(digest, buf, Double.doubleToLongBits(d.get(i)));
                    case LongColumn l -> putLong(digest, buf, l.get(i));
                    case BooleanColumn b -> put(digest, buf, (byte) (b.get(i) ? 1 : 0));
                    case CategoricalColumn k -> putString(digest, buf, k.get(i));
                    case TextColumn t -> putString(digest, buf, t.get(i));
                }
            }
        }
        flush(digest, buf);
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    private static void put(MessageDigest d, ByteBuffer buf, byte b) {
        room(d, buf, 1);
        buf.put(b);
    }

    private static void putInt(MessageDigest d, ByteBuffer buf, int v) {
        room(d, buf, 4);
        buf.putInt(v);
    }

    private static void putLong(MessageDigest d, ByteBuffer buf, long v) {
        room(d, buf, 8);
        buf.putLong(v);
    }

    private static void putString(MessageDigest d, ByteBuffer buf, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        putInt(d, buf, bytes.length);
        flush(d, buf);
        d.update(bytes);
    }

    private static void room(MessageDigest d, ByteBuffer buf, int bytes) {
        if (buf.remaining() < bytes) {
            flush(d, buf);
        }
    }

    private static void flush(MessageDigest d, ByteBuffer buf) {
        buf.flip();
        d.update(buf);
        buf.clear();
    }
}
