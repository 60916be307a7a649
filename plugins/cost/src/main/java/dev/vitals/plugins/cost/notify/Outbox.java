package dev.vitals.plugins.cost.notify;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * Messages to teams' webhooks, sent once across portal instances. {@link #enqueue} inserts a row under a key that
 * names the finding, so a finding detected twice (two instances, a re-import) is one row. {@link #sendDue} claims due
 * rows one at a time with {@code FOR UPDATE SKIP LOCKED} inside a transaction that also marks the row sent, so two
 * senders never post the same row; a failed post is retried with exponential backoff (1, 2, 4 … minutes) up to
 * {@value #MAX_ATTEMPTS} attempts. Should a portal die between the post and the commit, the row is posted again: at
 * least once on a crash, exactly once otherwise.
 */
public final class Outbox {

    /** Attempts before a message is given up. */
    public static final int MAX_ATTEMPTS = 8;

    private final Jdbi jdbi;
    private final WebhookPost post;
    private final Clock clock;

    public Outbox(Jdbi jdbi, WebhookPost post, Clock clock) {
        this.jdbi = jdbi;
        this.post = post;
        this.clock = clock;
    }

    /** @return whether a row was added (false when the key was already there) */
    public boolean enqueue(String key, String team, String text) {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> h.createUpdate("""
                INSERT INTO notifications (key, team, text, created_at, next_attempt)
                VALUES (:key, :team, :text, :now, :now) ON CONFLICT (key) DO NOTHING""")
                .bind("key", key).bind("team", team).bind("text", text).bind("now", now).execute()) == 1;
    }

    /** Stops a message not sent yet, e.g. of an anomaly just dismissed. */
    public void cancel(String key) {
        jdbi.useHandle(h -> h.createUpdate("""
                UPDATE notifications SET cancelled_at = :now WHERE key = :key AND sent_at IS NULL""")
                .bind("key", key).bind("now", clock.instant()).execute());
    }

    /**
     * Sends every due message, one claimed row per transaction.
     *
     * @param webhookOf the team's webhook now; a team without one has its messages cancelled
     * @return how many were posted
     */
    public int sendDue(Function<String, Optional<URI>> webhookOf) {
        int sent = 0;
        while (!Thread.currentThread().isInterrupted()) {
            Optional<Boolean> one = jdbi.inTransaction(h -> h.createQuery("""
                    SELECT id, team, text, attempts FROM notifications
                    WHERE sent_at IS NULL AND cancelled_at IS NULL AND next_attempt <= :now
                    ORDER BY next_attempt, id LIMIT 1 FOR UPDATE SKIP LOCKED""")
                    .bind("now", clock.instant())
                    .map((rs, ctx) -> new Due(rs.getLong("id"), rs.getString("team"), rs.getString("text"),
                            rs.getInt("attempts")))
                    .findOne()
                    .map(due -> {
                        Instant now = clock.instant();
                        Optional<URI> hook = webhookOf.apply(due.team());
                        if (hook.isEmpty()) {
                            h.createUpdate("UPDATE notifications SET cancelled_at = :now, last_error = :why "
                                    + "WHERE id = :id").bind("now", now).bind("id", due.id())
                                    .bind("why", "the team has no webhook").execute();
                            return false;
                        }
                        Optional<String> failure = post.send(hook.get(), due.text());
                        if (failure.isEmpty()) {
                            h.createUpdate("UPDATE notifications SET sent_at = :now, attempts = attempts + 1 "
                                    + "WHERE id = :id").bind("now", now).bind("id", due.id()).execute();
                            return true;
                        }
                        int attempts = due.attempts() + 1;
                        h.createUpdate("""
                                UPDATE notifications SET attempts = :attempts, last_error = :why,
                                    next_attempt = :next,
                                    cancelled_at = CASE WHEN :giveUp THEN CAST(:now AS timestamptz) END
                                WHERE id = :id""")
                                .bind("attempts", attempts).bind("why", failure.get())
                                .bind("giveUp", attempts >= MAX_ATTEMPTS)
                                .bind("next", now.plus(backoff(attempts))).bind("now", now).bind("id", due.id())
                                .execute();
                        return false;
                    }));
            if (one.isEmpty()) {
                return sent;
            }
            if (one.get()) {
                sent++;
            }
        }
        return sent;
    }

    /** 1 minute after the first failure, doubling up to a day. */
    static Duration backoff(int attempts) {
        return Duration.ofMinutes(Math.min(24 * 60, 1L << Math.min(attempts - 1, 20)));
    }

    private record Due(long id, String team, String text, int attempts) {
    }
}
