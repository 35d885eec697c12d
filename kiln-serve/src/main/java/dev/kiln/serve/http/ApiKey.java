package dev.kiln.serve.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;

/**
 * One API key as the server keeps it: the SHA-256 digest of the key (never the key itself), where
 * it was defined (e.g. {@code keys.txt:3}, safe to log) and its scopes.
 */
public record ApiKey(String origin, byte[] digest, Set<Scope> scopes) {
    public ApiKey {
        digest = digest.clone();
        scopes = Set.copyOf(scopes);
    }

    /** The key {@code secret} from {@code origin} with {@code scopes}. */
    public static ApiKey of(String origin, String secret, Set<Scope> scopes) {
        return new ApiKey(origin, sha256(secret), scopes);
    }

    /** Whether {@code presented} has this key's digest, compared in constant time. */
    boolean matches(byte[] presented) {
        return MessageDigest.isEqual(digest, presented);
    }

    @Override
    public byte[] digest() {
        return digest.clone();
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "ApiKey[" + origin + ", scopes=" + scopes + "]";
    }
}
