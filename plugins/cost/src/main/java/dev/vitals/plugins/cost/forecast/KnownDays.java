package dev.vitals.plugins.cost.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * The organisation's charges as a whole: their total per day, and up to which day the cost is known, the last day
 * before today that has any charge. Billing exports arrive a day or two late, so the days after it are forecast rather
 * than taken as days without cost. It is the organisation's, not a service's: a service without cost on a day the
 * exports cover had none.
 */
public final class KnownDays {

    private final Jdbi jdbi;
    private final ZoneId zone;

    public KnownDays(Jdbi jdbi, ZoneId zone) {
        this.jdbi = jdbi;
        this.zone = zone;
    }

    /**
     * The organisation's whole cost per day, summed in the database: every charge counts, whatever service it belongs
     * to or none, so the sum needs no allocation and the forecast no row per service and day.
     *
     * @param from the first day
     * @param to the day after the last
     * @return every day's cost, days without charges at zero
     */
    public List<BigDecimal> organisationDaily(LocalDate from, LocalDate to) {
        Map<LocalDate, BigDecimal> days = new TreeMap<>();
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            days.put(day, BigDecimal.ZERO);
        }
        jdbi.useHandle(h -> h.createQuery("""
                SELECT (charge_period_start AT TIME ZONE :zone)::date AS day, sum(cost) AS cost
                FROM charges WHERE charge_period_start >= :from AND charge_period_start < :to
                GROUP BY 1""")
                .bind("zone", zone.getId())
                .bind("from", from.atStartOfDay(zone).toOffsetDateTime())
                .bind("to", to.atStartOfDay(zone).toOffsetDateTime())
                .map((rs, ctx) -> days.put(rs.getObject("day", LocalDate.class), rs.getBigDecimal("cost")))
                .list());
        return List.copyOf(days.values());
    }

    /**
     * @param today the organisation's today
     * @return the last day before it with a charge; empty when nothing was imported
     */
    public Optional<LocalDate> lastBefore(LocalDate today) {
        // From the distinct starts the imports note (migration V9): the charges' block range index cannot give it.
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT max(charge_period_start) FROM charge_starts WHERE charge_period_start < :today""")
                .bind("today", today.atStartOfDay(zone).toOffsetDateTime())
                .mapTo(OffsetDateTime.class).findOne())
                .map(start -> start.atZoneSameInstant(zone).toLocalDate());
    }
}
