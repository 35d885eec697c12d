package dev.kiln.serve.experiment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Deterministic bucketing of units for sticky assignment, as in Kohavi, Tang and Xu, "Trustworthy
 * Online Controlled Experiments" (2020), ch. 14: SHA-256 of {@code salt + ":" + unit}, its first 8
 * bytes as an unsigned number modulo {@link #BUCKETS}. The same unit always lands in the same
 * bucket; another salt gives an independent shuffle.
 */
public final class StickyAssignment {
    /** Buckets in [0, BUCKETS): traffic is split in steps of 0.01%. */
    public static final int BUCKETS = 10_000;

    private StickyAssignment() {
    }

    public static int bucket(String salt, String unit) {
        byte[] hash = sha256().digest((salt + ":" + unit).getBytes(StandardCharsets.UTF_8));
        long first = 0;
        for (int i = 0; i < 8; i++) {
            first = first << 8 | (hash[i] & 0xFF);
        }
        return (int) Long.remainderUnsigned(first, BUCKETS);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
