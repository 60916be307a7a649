package dev.vitals.plugins.slo.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Asks a Prometheus-compatible HTTP API (Prometheus, Thanos, Mimir, VictoriaMetrics) for a range at a 60 s step. */
public final class PrometheusClient {

    static final Duration STEP = Duration.ofMinutes(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param address the API's address without {@code /api/v1}, e.g. {@code http://prometheus:9090} */
    public PrometheusClient(URI address) {
        String text = address.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * @param query PromQL
     * @param start the first step time, inclusive
     * @param end the last step time, inclusive
     * @return the summed value at each step time that has one
     */
    Map<Instant, Double> range(String query, Instant start, Instant end) throws PrometheusException {
        URI uri = URI.create(base + "/api/v1/query_range?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&start=" + start.getEpochSecond() + "&end=" + end.getEpochSecond() + "&step="
                + STEP.toSeconds() + "s");
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json")
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PrometheusException("Prometheus at " + base + " could not be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrometheusException("interrupted while asking Prometheus", e);
        }
        return PrometheusRange.parse(response.statusCode(), response.body());
    }
}
