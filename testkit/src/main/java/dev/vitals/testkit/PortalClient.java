package dev.vitals.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Calls the portal under test as one caller: a {@link Person} (named by the sign-in proxy's headers), the holder of
 * an API token, or nobody at all. Requests ask for JSON unless they say otherwise, and every answer comes back whole,
 * whatever its status: a test asserts the 403 or 422 it expects.
 *
 * <pre>{@code
 * portal.editorOf("green").post("/api/example/notes", new NewNote("green-api", "Runbook in the wiki")).expect(201);
 * portal.viewer().get("/api/example/notes").expect(200).as(NoteList.class);
 * }</pre>
 *
 * @since 2.0.0
 */
public final class PortalClient {

    /**
     * Writes request records and reads answers the way the portal does (ISO dates, absent optionals as null); a
     * test's record names only the fields the test looks at, so the others are ignored.
     */
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .registerModule(new Jdk8Module()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;
    private final String caller;
    private final Map<String, String> headers;

    PortalClient(URI base, String caller, Map<String, String> headers) {
        this.base = base;
        this.caller = caller;
        this.headers = Map.copyOf(headers);
    }

    /**
     * @return who calls, for messages: a person's name, {@code token:<name>} or {@code anonymous}
     * @since 2.0.0
     */
    public String caller() {
        return caller;
    }

    /**
     * @param path the path and query, e.g. {@code /api/example/notes?service=green-api}
     * @return the absolute URL on the portal under test
     * @since 2.0.0
     */
    public URI uri(String path) {
        return base.resolve(path);
    }

    /**
     * @param path the path and query
     * @return the answer to a GET that accepts JSON
     * @since 2.0.0
     */
    public PortalResponse get(String path) {
        return send(request(path).header("Accept", "application/json").GET());
    }

    /**
     * A page, asked for the way a browser asks.
     *
     * @param path the path and query, e.g. {@code /p/example/notes}
     * @return the answer, HTML when the page renders
     * @since 2.0.0
     */
    public PortalResponse page(String path) {
        return send(request(path).header("Accept", "text/html").GET());
    }

    /**
     * @param path the path
     * @param body JSON text as it is sent, or any other object (a record of the test's) written as JSON
     * @return the answer
     * @since 2.0.0
     */
    public PortalResponse post(String path, Object body) {
        return json("POST", path, body);
    }

    /**
     * @param path the path
     * @param body JSON text as it is sent, or any other object written as JSON
     * @return the answer
     * @since 2.0.0
     */
    public PortalResponse put(String path, Object body) {
        return json("PUT", path, body);
    }

    /**
     * @param path the path
     * @return the answer
     * @since 2.0.0
     */
    public PortalResponse delete(String path) {
        return send(request(path).header("Accept", "application/json").DELETE());
    }

    /**
     * Submits a form, as a page's {@code <form method="post">} does.
     *
     * @param path the form's action
     * @param fields the fields in order
     * @return the answer; a form that succeeds usually redirects ({@code 303})
     * @since 2.0.0
     */
    public PortalResponse submit(String path, Map<String, String> fields) {
        String form = new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /**
     * Any request, for what the shortcuts do not cover (another content type, a HEAD, a webhook's signature header).
     *
     * @param method the HTTP method
     * @param path the path and query
     * @param contentType the body's media type
     * @param body the body as it is sent; empty for none
     * @param extraHeaders more headers, e.g. a signature
     * @return the answer
     * @since 2.0.0
     */
    public PortalResponse send(String method, String path, String contentType, String body,
            Map<String, String> extraHeaders) {
        HttpRequest.Builder request = request(path).header("Accept", "application/json");
        extraHeaders.forEach(request::header);
        if (!body.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        return send(request.method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
    }

    private PortalResponse json(String method, String path, Object body) {
        Objects.requireNonNull(body, "body");
        String text;
        try {
            text = body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body + " as JSON", e);
        }
        return send(method, path, "application/json", text, Map.of());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        return request;
    }

    private static PortalResponse send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new PortalResponse(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the portal", e);
        }
    }
}
