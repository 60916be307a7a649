package dev.vitals.plugins.deploys;

import dev.vitals.testkit.PortalResponse;
import dev.vitals.testkit.TestCatalog;
import dev.vitals.testkit.VitalsPortal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a webhook sender does, and the service the GitHub samples deploy, written here from the senders' documentation rather than taken from the plugin, so the
 * tests check the plugin against GitHub and PagerDuty and not against itself: the real sample payloads, signed with
 * HMAC-SHA256 of the raw body.
 */
public final class Webhooks {

    private Webhooks() {
    }

    /** GitHub's {@code X-Hub-Signature-256}: {@code sha256=} and the hex HMAC of the body under the secret. */
    public static String githubSignature(String secret, String body) {
        return "sha256=" + hmac(secret, body);
    }

    /** PagerDuty V3's {@code X-PagerDuty-Signature}: {@code v1=} and the hex HMAC of the body under the secret. */
    public static String pagerDutySignature(String secret, String body) {
        return "v1=" + hmac(secret, body);
    }

    /**
     * A file of {@code shared/samples}, which sits beside the repository, found from the module the tests run in.
     *
     * @param relative e.g. {@code github/deployment/payload.json}
     */
    public static Path sample(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/samples").resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/samples/" + relative + " not found above "
                + Path.of("").toAbsolutePath() + "; the samples folder must sit beside the repository");
    }

    /** A sample payload as the sender sends it. */
    public static String samplePayload(String relative) {
        try {
            return Files.readString(sample(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One service whose repository is GitHub's sample {@code codertocat/hello-world}. */
    public static TestCatalog helloWorld() {
        return TestCatalog.of().descriptor("""
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: hello-world
                  annotations:
                    github.com/project-slug: codertocat/hello-world
                spec:
                  type: service
                  lifecycle: production
                  owner: someone
                """);
    }

    /** A delivery as GitHub makes it: the event's name in a header, the signature in another, no portal token. */
    public static PortalResponse githubDelivery(VitalsPortal portal, String path, String event, String body,
            Optional<String> signature) {
        Map<String, String> headers = new HashMap<>();
        headers.put("X-GitHub-Event", event);
        signature.ifPresent(s -> headers.put("X-Hub-Signature-256", s));
        return portal.anonymous().send("POST", path, "application/json", body, headers);
    }

    private static String hmac(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
