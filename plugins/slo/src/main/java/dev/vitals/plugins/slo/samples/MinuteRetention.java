package dev.vitals.plugins.slo.samples;

import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * Drops minute samples no page needs any more. The longest SLO window is a calendar quarter (at most 92 days) and
 * the monthly review looks back four calendar months (at most 123 days), so minutes older than 125 days go.
 */
public final class MinuteRetention {

    public static final Duration KEEP = Duration.ofDays(125);

    private final Jdbi jdbi;
    private final SampleWrites writes;

    public MinuteRetention(Jdbi jdbi, SampleWrites writes) {
        this.jdbi = jdbi;
        this.writes = writes;
    }

    /** Also drops the old part of the log of sample writes. @return how many minutes were dropped */
    public int prune(Instant now) {
        int dropped = jdbi.withHandle(h -> h.createUpdate("DELETE FROM samples WHERE minute < :cutoff")
                .bind("cutoff", SampleRepository.utc(now.minus(KEEP))).execute());
        writes.prune();
        return dropped;
    }
}
