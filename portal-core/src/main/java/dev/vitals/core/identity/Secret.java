package dev.vitals.core.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random secrets for sessions and tokens, and the SHA-256 hash under which they are stored. */
public final class Secret {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secret() {
    }

    /** 256 random bits, URL-safe. @param prefix tells a reader what kind of secret it is, e.g. {@code vt_} */
    public static String generate(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * A plain hash suffices: the secrets are 256 random bits, so there is nothing to guess that a slow hash would
     * protect, and lookups by hash stay a single index probe.
     */
    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
