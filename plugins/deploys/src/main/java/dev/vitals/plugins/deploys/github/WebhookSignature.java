package dev.vitals.plugins.deploys.github;

import dev.vitals.api.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * GitHub's {@code X-Hub-Signature-256}: {@code sha256=} and the hex HMAC-SHA256 of the raw body under the webhook's
 * secret. Compared in constant time so that timing tells an attacker nothing about the expected value.
 */
public final class WebhookSignature {

    private static final String PREFIX = "sha256=";
    private final Optional<byte[]> secret;

    public WebhookSignature(Optional<String> secret) {
        this.secret = secret.filter(s -> !s.isBlank()).map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    /** @param body the raw body @return the header value GitHub would send */
    public String sign(byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmac(secret.orElseThrow(), body));
    }

    /**
     * @param body the raw body as received
     * @param header the {@code X-Hub-Signature-256} header, possibly absent
     * @throws ProblemException 401 when no secret is configured, or the signature is missing or wrong
     */
    public void verify(byte[] body, String header) {
        if (secret.isEmpty()) {
            throw unauthorized("this portal has no GitHub webhook secret: set VITALS_DEPLOYS_GITHUB_SECRET");
        }
        if (header == null || !header.startsWith(PREFIX)) {
            throw unauthorized("the X-Hub-Signature-256 header is missing");
        }
        byte[] expected = sign(body).getBytes(StandardCharsets.US_ASCII);
        byte[] presented = header.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, presented)) {
            throw unauthorized("the X-Hub-Signature-256 does not match the body under the configured secret");
        }
    }

    private static byte[] hmac(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(401, detail, List.of());
    }
}
