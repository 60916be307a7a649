package dev.vitals.plugins.slo;

import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * Drops minute samples no page needs any more. The longest SLO window is a calendar quarter (at most 92 days) and
 * the monthly review looks back four calendar months (at most 123 days), so minutes older than 125 days go.
 */
final class MinuteRetention {

    static final Duration KEEP = Duration.ofDays(125);

    private final Jdbi jdbi;
    private final SampleWrites writes;

    MinuteRetention(Jdbi jdbi, SampleWrites writes) {
        this.jdbi = jdbi;
        this.writes = writes;
    }

    /** Also drops the old part of the log of sample writes. @return how many minutes were dropped */
    int prune(Instant now) {
        int dropped = jdbi.withHandle(h -> h.createUpdate("DELETE FROM samples WHERE minute < :cutoff")
                .bind("cutoff", SampleRepository.utc(now.minus(KEEP))).execute());
        writes.prune();
        return dropped;
    }
}
