package dev.vitals.plugins.cost.allocation;

import dev.vitals.api.EntityRef;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The allocations summed per day and owning team into {@code allocation_team_days}, always in the transaction that
 * wrote those days' allocations: the overview by team and a team's series then read a row per team and day. Sums
 * are PostgreSQL's {@code numeric}, exact, so a team's row is to the cent what its services' rows add up to.
 */
public final class TeamDays {

    /** The team of the services no team owns; canonical refs hold ':', so no team is called this. */
    public static final String UNOWNED = "-";

    private TeamDays() {
    }

    /** Sums the allocations of the days [from, until) again, replacing the sums there were. */
    static void sum(Handle h, LocalDate from, LocalDate until, CatalogShape.Snapshot shape) {
        h.createUpdate("DELETE FROM allocation_team_days WHERE day >= :from AND day < :until")
                .bind("from", from).bind("until", until).execute();
        List<String> services = new ArrayList<>();
        List<String> teams = new ArrayList<>();
        for (Map.Entry<EntityRef, Set<EntityRef>> team : shape.owned().entrySet()) {
            for (EntityRef service : team.getValue()) {
                services.add(service.toString());
                teams.add(team.getKey().toString());
            }
        }
        h.createUpdate("""
                INSERT INTO allocation_team_days (day, team, direct, shared)
                SELECT a.day, CASE WHEN a.service = '' THEN '' ELSE coalesce(o.team, :unowned) END,
                       sum(a.direct), sum(a.shared)
                FROM allocations a
                LEFT JOIN unnest(CAST(:services AS text[]), CAST(:teams AS text[])) AS o(service, team)
                       ON o.service = a.service
                WHERE a.day >= :from AND a.day < :until
                GROUP BY 1, 2""")
                .bind("unowned", UNOWNED)
                .bindArray("services", String.class, services).bindArray("teams", String.class, teams)
                .bind("from", from).bind("until", until).execute();
    }

    /**
     * Sums every stored day once, after the migration that brought the sums in (the catalog's owners are not in
     * this schema, so SQL alone could not); the allocator notes that it did in the same transaction.
     */
    static void sumAllOnce(Handle h, CatalogShape.Snapshot shape) {
        boolean summed = h.createQuery("SELECT teams_summed FROM allocation_state WHERE id = 1").mapTo(Boolean.class)
                .one();
        if (summed) {
            return;
        }
        h.createQuery("SELECT min(day) AS first, max(day) AS last FROM allocations")
                .map((rs, ctx) -> {
                    LocalDate first = rs.getObject("first", LocalDate.class);
                    return first == null ? Optional.<Allocator.Span>empty()
                            : Optional.of(new Allocator.Span(first, rs.getObject("last", LocalDate.class)
                                    .plusDays(1)));
                })
                .one().ifPresent(all -> sum(h, all.from(), all.until(), shape));
    }

    /** Forgets every sum, as the allocations are all forgotten when the catalog moved. */
    static void clear(Handle h) {
        h.execute("DELETE FROM allocation_team_days");
    }
}
