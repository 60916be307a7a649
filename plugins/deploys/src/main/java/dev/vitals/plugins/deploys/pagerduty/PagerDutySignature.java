package dev.vitals.plugins.deploys.pagerduty;

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
 * PagerDuty V3's {@code X-PagerDuty-Signature}: one or more comma-separated {@code v1=} followed by the hex
 * HMAC-SHA256 of the raw body (several while a secret is being rotated); any one matching is enough. Compared in
 * constant time.
 */
public final class PagerDutySignature {

    private final Optional<byte[]> secret;

    public PagerDutySignature(Optional<String> secret) {
        this.secret = secret.filter(s -> !s.isBlank()).map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    /** @param body the raw body @return the header value PagerDuty would send */
    public String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.orElseThrow(), "HmacSHA256"));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** @param body the raw body @param header the signature header, possibly absent */
    public void verify(byte[] body, String header) {
        if (secret.isEmpty()) {
            throw unauthorized("this portal has no PagerDuty webhook secret: set VITALS_DEPLOYS_PAGERDUTY_SECRET");
        }
        if (header == null || header.isBlank()) {
            throw unauthorized("the X-PagerDuty-Signature header is missing");
        }
        byte[] expected = sign(body).getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String presented : header.split(",")) {
            matched |= MessageDigest.isEqual(expected, presented.trim().getBytes(StandardCharsets.US_ASCII));
        }
        if (!matched) {
            throw unauthorized("no X-PagerDuty-Signature matches the body under the configured secret");
        }
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(401, detail, List.of());
    }
}
