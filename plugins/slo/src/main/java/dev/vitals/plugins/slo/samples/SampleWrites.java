package dev.vitals.plugins.slo.samples;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The log of which minutes each transaction wrote or dropped per SLO (migration V9), kept by triggers on every way
 * minutes change, so that sums carried between ticks know when they went stale.
 */
public final class SampleWrites {

    /**
     * What changed since a snapshot.
     *
     * @param xmin the transaction ids at and above this were not yet visible when this was read: sums read after it
     *     miss at most writes that a later read from this id on will report
     * @param prunedUpTo writes up to this id may be gone from the log; a reader from an older id cannot know them
     * @param changed per SLO, the first and last minute written or dropped since
     */
    record Since(long xmin, long prunedUpTo, Map<String, TimeRange> changed) {

        /**
         * @return whether the log cannot vouch for {@code slo}'s minutes in [from, to) since {@code readFrom}: some
         *     were written or dropped, or the log no longer goes back that far
         */
        boolean touched(String slo, long readFrom, Instant from, Instant to) {
            if (readFrom <= prunedUpTo) {
                return true;
            }
            TimeRange written = changed.get(slo);
            return written != null && written.from().isBefore(to) && !written.to().isBefore(from);
        }
    }

    private final Jdbi jdbi;

    public SampleWrites(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** @return the writes by transactions with ids at or above {@code readFrom}, and the snapshot this read had */
    Since since(long readFrom) {
        return jdbi.withHandle(h -> {
            long[] marks = new long[2];
            Map<String, TimeRange> changed = new HashMap<>();
            h.createQuery("""
                    SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS xmin, p.up_to_xid, w.*
                    FROM sample_writes_pruned p
                    LEFT JOIN (SELECT slo, greatest(min(oldest), '1970-01-01') AS oldest,
                                      least(max(newest), '9999-12-31') AS newest
                               FROM sample_writes WHERE xid >= :from GROUP BY slo) w ON true""")
                    .bind("from", readFrom)
                    .map((rs, ctx) -> {
                        marks[0] = rs.getLong("xmin");
                        marks[1] = rs.getLong("up_to_xid");
                        String slo = rs.getString("slo");
                        if (slo != null) {
                            changed.put(slo, new TimeRange(rs.getObject("oldest", OffsetDateTime.class).toInstant(),
                                    rs.getObject("newest", OffsetDateTime.class).toInstant()));
                        }
                        return 0;
                    }).list();
            return new Since(marks[0], marks[1], changed);
        });
    }

    /**
     * Drops the log older than an hour; the minute job reads it every minute, so it has read it long before. Runs
     * with the minute retention, every few hours, so the log holds hours of writes and a tick reads its newest part
     * by the index on transaction ids.
     */
    void prune() {
        jdbi.useHandle(h -> h.execute("""
                WITH gone AS (DELETE FROM sample_writes WHERE logged_at < now() - interval '1 hour' RETURNING xid)
                UPDATE sample_writes_pruned SET up_to_xid = greatest(up_to_xid, (SELECT max(xid) FROM gone))"""));
    }
}
