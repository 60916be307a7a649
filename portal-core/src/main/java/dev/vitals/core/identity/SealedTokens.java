package dev.vitals.core.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The identity provider's tokens of a session as {@code core.sessions} keeps them: encrypted (AES-GCM) under a key
 * derived from the session's secret, which only the browser's cookie holds. The table has the secret's SHA-256 hash,
 * from which the key cannot be had, so a copy of the database alone yields no refresh token to ask the provider with;
 * a request that brings the cookie can open them.
 */
final class SealedTokens {

    private static final String PREFIX = "sealed1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SealedTokens() {
    }

    /**
     * @param secret the session's secret, from its cookie
     * @param kind which token it is ({@code refresh} or {@code access}), bound into the seal so one cannot stand in
     *     for the other
     * @param token the token
     * @return the token sealed, as text
     */
    static String seal(String secret, String kind, String token) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, secret, kind, iv)
                    .doFinal(token.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256 and AES-GCM", e);
        }
    }

    /**
     * @param secret the session's secret, from its cookie
     * @param kind which token it is, as when sealed
     * @param stored what the table holds
     * @return the token; as stored for a session started before tokens were sealed; empty when the seal does not
     *     open with this secret
     */
    static Optional<String> open(String secret, String kind, String stored) {
        if (!stored.startsWith(PREFIX)) {
            return Optional.of(stored);
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(stored.substring(PREFIX.length()));
            if (bytes.length <= IV_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, secret, kind, Arrays.copyOf(bytes, IV_BYTES));
            return Optional.of(new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES),
                    StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static Cipher cipher(int mode, String secret, String kind, byte[] iv) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] key = mac.doFinal("vitals session provider tokens".getBytes(StandardCharsets.UTF_8));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(kind.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
