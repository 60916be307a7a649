package dev.vitals.plugins.slo.ingest;

import dev.vitals.plugins.slo.samples.SampleRepository;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Where each pulled SLO stands and how its last pull went, in table {@code prometheus_pulls}. */
public final class PullLog {

    private final Jdbi jdbi;

    public PullLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<PullOutcome> last(String slo) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM prometheus_pulls WHERE slo = :slo").bind("slo", slo)
                .map((rs, ctx) -> new PullOutcome(Optional.ofNullable(rs.getObject("pulled_until", OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant), rs.getObject("attempted_at", OffsetDateTime.class).toInstant(),
                        rs.getBoolean("succeeded"), rs.getString("message"), rs.getInt("minutes_added")))
                .findOne());
    }

    void succeeded(String slo, Instant until, Instant at, int added, String message) {
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO prometheus_pulls (slo, pulled_until, attempted_at, succeeded, message, minutes_added)
                VALUES (:slo, :until, :at, true, :message, :added)
                ON CONFLICT (slo) DO UPDATE SET pulled_until = excluded.pulled_until,
                    attempted_at = excluded.attempted_at, succeeded = true, message = excluded.message,
                    minutes_added = excluded.minutes_added""")
                .bind("slo", slo).bind("until", SampleRepository.utc(until)).bind("at", SampleRepository.utc(at))
                .bind("message", message).bind("added", added).execute());
    }

    /** Records a failure; where the pull resumes stays as it was, so the next run asks for the same minutes. */
    void failed(String slo, Instant at, String message) {
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO prometheus_pulls (slo, pulled_until, attempted_at, succeeded, message, minutes_added)
                VALUES (:slo, NULL, :at, false, :message, 0)
                ON CONFLICT (slo) DO UPDATE SET attempted_at = excluded.attempted_at, succeeded = false,
                    message = excluded.message, minutes_added = 0""")
                .bind("slo", slo).bind("at", SampleRepository.utc(at))
                .bind("message", message.length() > 2000 ? message.substring(0, 2000) + "…" : message).execute());
    }
}
