package dev.vitals.plugins.slo.alerts;

import dev.vitals.plugins.slo.samples.SampleRepository;
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
public final class AlertNotifier {

    static final int MAX_ATTEMPTS = 8;
    private static final int BATCH = 50;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Long enough for a whole batch of calls that each take their full timeouts. */
    static final Duration CLAIM = CONNECT_TIMEOUT.plus(REQUEST_TIMEOUT).multipliedBy(BATCH);

    private final Jdbi jdbi;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    public AlertNotifier(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** @return the webhook URLs of setting {@code webhooks} ({@code VITALS_SLO_WEBHOOKS}), comma-separated */
    public static List<String> targets(String configured) {
        return Arrays.stream(configured.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * @param link the SLO's page, where the message leads
     * @return the message for {@code target}
     */
    public static String payload(String target, AlertEvent event, String change, String link) {
        String text = (change.equals("fired") ? "Firing: " : "Resolved: ") + event.severity() + " alert on SLO "
                + event.slo() + " (burn rate " + event.rule() + ")";
        if (target.contains("hooks.slack.com")) {
            return "{\"text\": " + quoted(text) + "}";
        }
        return "{\"slo\": " + quoted(event.slo()) + ", \"severity\": " + quoted(event.severity()) + ", \"rule\": "
                + quoted(event.rule()) + ", \"change\": " + quoted(change) + ", \"startedAt\": "
                + quoted(event.startedAt().toString()) + ", \"resolvedAt\": "
                + event.resolvedAt().map(r -> quoted(r.toString())).orElse("null") + ", \"text\": " + quoted(text)
                + ", \"link\": " + quoted(link) + "}";
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

    /**
     * Sends what is due. No webhook is called inside a transaction: a short one claims the due rows (counting the
     * attempt and moving their next attempt past {@link #CLAIM}, so another sender leaves them alone) and commits;
     * then each is sent, each call bounded by its own timeouts; then each outcome is written on its own. A sender that
     * dies between claim and outcome leaves its rows to be sent again once the claim runs out.
     */
    public void sendDue() {
        Instant now = clock.instant();
        List<Claimed> claimed = jdbi.withHandle(h -> h.createQuery("""
                        UPDATE alert_notifications SET attempts = attempts + 1, next_attempt_at = :claimedUntil
                        WHERE id IN (SELECT id FROM alert_notifications
                                     WHERE delivered_at IS NULL AND attempts < :max AND next_attempt_at <= :now
                                     ORDER BY id LIMIT :batch FOR UPDATE SKIP LOCKED)
                        RETURNING id, target, payload, attempts""")
                .bind("max", MAX_ATTEMPTS).bind("now", SampleRepository.utc(now)).bind("batch", BATCH)
                .bind("claimedUntil", SampleRepository.utc(now.plus(CLAIM)))
                .map((rs, ctx) -> new Claimed(rs.getLong("id"), rs.getString("target"), rs.getString("payload"),
                        rs.getInt("attempts")))
                .list());
        claimed.stream().sorted(java.util.Comparator.comparingLong(Claimed::id)).forEach(this::send);
    }

    private void send(Claimed row) {
        String error = deliver(row.target(), row.payload());
        Instant after = clock.instant();
        if (error == null) {
            jdbi.useHandle(h -> h.createUpdate("UPDATE alert_notifications SET delivered_at = :now WHERE id = :id")
                    .bind("now", SampleRepository.utc(after)).bind("id", row.id()).execute());
        } else {
            jdbi.useHandle(h -> h.createUpdate("""
                            UPDATE alert_notifications SET last_error = :e, next_attempt_at = :next WHERE id = :id""")
                    .bind("e", error).bind("id", row.id())
                    .bind("next", SampleRepository.utc(after.plus(Duration.ofMinutes(1L << (row.attempts() - 1)))))
                    .execute());
        }
    }

    /** A notification taken for sending; {@code attempts} counts this one. */
    private record Claimed(long id, String target, String payload, int attempts) {
    }

    private String deliver(String target, String payload) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(target))
                    .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json")
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
