package dev.vitals.plugins.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.testkit.Person;
import dev.vitals.testkit.PortalResponse;
import dev.vitals.testkit.VitalsPortal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * Sends files as bytes, which the test kit's client (text bodies) does not: gzip, and large files streamed from a
 * generator so that neither side holds them whole. Signs in as the kit does, through the trusted proxy's headers.
 */
public final class Uploads {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Uploads() {
    }

    public static PortalResponse asAdmin(VitalsPortal portal, String contentType, Supplier<InputStream> body) {
        return asAdmin(portal, "POST", "/api/cost/imports", contentType, body);
    }

    /**
     * Any request as an admin, waiting up to 30 minutes: a benchmark's allocation of a year of thousands of services
     * takes longer than the kit's client waits.
     */
    public static PortalResponse asAdmin(VitalsPortal portal, String method, String path, String contentType,
            Supplier<InputStream> body) {
        Person ada = Person.admin("ada");
        HttpRequest.Builder request = HttpRequest.newBuilder(portal.uri(path))
                .timeout(Duration.ofMinutes(30))
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .header("X-Forwarded-User", ada.name())
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofInputStream(body));
        if (!ada.groups().isEmpty()) {
            request.header("X-Forwarded-Groups", String.join(",", ada.groups()));
        }
        try {
            HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new PortalResponse(answer.statusCode(), answer.body(), answer.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static JsonNode json(PortalResponse response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
