package dev.vitals.plugins.cost.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Posts {@code {"text": …}}, the body Slack's incoming webhooks (and Mattermost's, Teams' workflows…) take. */
public final class WebhookPost {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** @return why it failed; empty when the hook answered 2xx */
    public Optional<String> send(URI hook, String text) {
        try {
            HttpRequest request = HttpRequest.newBuilder(hook).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(new Message(text))))
                    .build();
            HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() / 100 == 2 ? Optional.empty()
                    : Optional.of("the webhook answered " + answer.statusCode());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            return Optional.of(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    private record Message(String text) {
    }
}
