package dev.vitals.plugins.slo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Sends alert changes to webhooks from the outbox: Slack-compatible ({@code {"text": …}}) for Slack URLs, a JSON
 * document for any other. A failed delivery is retried with doubling pauses (1, 2, 4 … minutes) up to
 * {@link #MAX_ATTEMPTS} times.
 */
final class AlertNotifier {

    static final int MAX_ATTEMPTS = 8;

    private final Jdbi jdbi;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    AlertNotifier(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** @return the webhook URLs of {@code VITALS_SLO_WEBHOOKS}, comma-separated */
    static List<String> targets(String configured) {
        return Arrays.stream(configured.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static String payload(String target, AlertEvent event, String change) {
        String text = (change.equals("fired") ? "Firing: " : "Resolved: ") + event.severity() + " alert on SLO "
                + event.slo() + " (burn rate " + event.rule() + ")";
        if (target.contains("hooks.slack.com")) {
            return "{\"text\": " + quoted(text) + "}";
        }
        return "{\"slo\": " + quoted(event.slo()) + ", \"severity\": " + quoted(event.severity()) + ", \"rule\": "
                + quoted(event.rule()) + ", \"change\": " + quoted(change) + ", \"startedAt\": "
                + quoted(event.startedAt().toString()) + ", \"resolvedAt\": "
                + event.resolvedAt().map(r -> quoted(r.toString())).orElse("null") + ", \"text\": " + quoted(text)
                + ", \"link\": " + quoted("/p/slo/slos/" + event.slo()) + "}";
    }

    private static String quoted(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Sends what is due; each row is locked while it is sent, so a second sender skips it. */
    void sendDue() {
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            var due = h.createQuery("""
                            SELECT id, target, payload, attempts FROM alert_notifications
                            WHERE delivered_at IS NULL AND attempts < :max AND next_attempt_at <= :now
                            ORDER BY id LIMIT 50 FOR UPDATE SKIP LOCKED""")
                    .bind("max", MAX_ATTEMPTS).bind("now", SampleRepository.utc(now))
                    .map((rs, ctx) -> new Object[] {rs.getLong("id"), rs.getString("target"), rs.getString("payload"),
                            rs.getInt("attempts")}).list();
            for (Object[] row : due) {
                String error = deliver((String) row[1], (String) row[2]);
                int attempts = (Integer) row[3] + 1;
                if (error == null) {
                    h.createUpdate("UPDATE alert_notifications SET delivered_at = :now, attempts = :a WHERE id = :id")
                            .bind("now", SampleRepository.utc(now)).bind("a", attempts).bind("id", row[0]).execute();
                } else {
                    h.createUpdate("""
                                    UPDATE alert_notifications SET attempts = :a, last_error = :e, next_attempt_at = :next
                                    WHERE id = :id""")
                            .bind("a", attempts).bind("e", error).bind("id", row[0])
                            .bind("next", SampleRepository.utc(now.plus(Duration.ofMinutes(1L << (attempts - 1)))))
                            .execute();
                }
            }
        });
    }

    private String deliver(String target, String payload) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(target))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return e.toString();
        }
    }
}
