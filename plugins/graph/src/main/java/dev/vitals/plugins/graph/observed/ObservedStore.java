package dev.vitals.plugins.graph.observed;

import dev.vitals.api.EntityRef;
import dev.vitals.plugins.graph.model.ObservedEdge;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The observed edges in the plugin's schema, one row per (from, to, day). */
public final class ObservedStore {

    /** How many days of observed edges the graph keeps in view. */
    public static final int WINDOW_DAYS = 30;

    private final Jdbi jdbi;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param jdbi the plugin's database
     * @param clock the clock
     * @param zone the organisation's time zone, which says what "today" is
     */
    public ObservedStore(Jdbi jdbi, Clock clock, ZoneId zone) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.zone = zone;
    }

    /** @return the organisation's day now */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /**
     * Stores a batch in one transaction: all of it or, on any failure, none. A (from, to, day) sent again replaces
     * the stored one, so replaying a batch changes nothing.
     *
     * @param calls the checked batch
     */
    public void save(List<ObservedCalls> calls) {
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO observed_edges (from_ref, to_ref, day, calls, errors, received_at)
                    VALUES (:from, :to, :day, :calls, :errors, :now)
                    ON CONFLICT (from_ref, to_ref, day)
                    DO UPDATE SET calls = EXCLUDED.calls, errors = EXCLUDED.errors, received_at = EXCLUDED.received_at""");
            for (ObservedCalls call : calls) {
                batch.bind("from", call.from().toString()).bind("to", call.to().toString()).bind("day", call.day())
                        .bind("calls", call.calls()).bind("errors", call.errors()).bind("now", now).add();
            }
            if (!calls.isEmpty()) {
                batch.execute();
            }
        });
    }

    /** @return per (from, to), the calls of the last {@value #WINDOW_DAYS} days, today included */
    public List<ObservedEdge> window() {
        LocalDate today = today();
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT from_ref, to_ref, sum(calls) AS calls, sum(errors) AS errors, max(day) AS last_day
                          FROM observed_edges
                         WHERE day > :since AND day <= :today
                         GROUP BY from_ref, to_ref
                         ORDER BY from_ref, to_ref""")
                .bind("since", today.minusDays(WINDOW_DAYS)).bind("today", today)
                .map((rs, ctx) -> new ObservedEdge(EntityRef.parse(rs.getString("from_ref")),
                        EntityRef.parse(rs.getString("to_ref")), rs.getLong("calls"), rs.getLong("errors"),
                        rs.getObject("last_day", LocalDate.class)))
                .list());
    }
}
