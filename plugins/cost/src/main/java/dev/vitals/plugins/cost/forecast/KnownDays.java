package dev.vitals.plugins.cost.forecast;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Up to which day the cost is known: the last day before today that has any charge. Billing exports arrive a day or
 * two late, so the days after it are forecast rather than taken as days without cost. It is the organisation's, not a
 * service's: a service without cost on a day the exports cover had none.
 */
public final class KnownDays {

    private final Jdbi jdbi;
    private final ZoneId zone;

    public KnownDays(Jdbi jdbi, ZoneId zone) {
        this.jdbi = jdbi;
        this.zone = zone;
    }

    /**
     * @param today the organisation's today
     * @return the last day before it with a charge; empty when nothing was imported
     */
    public Optional<LocalDate> lastBefore(LocalDate today) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT max(charge_period_start) FROM charges WHERE charge_period_start < :today""")
                .bind("today", today.atStartOfDay(zone).toOffsetDateTime())
                .mapTo(OffsetDateTime.class).findOne())
                .map(start -> start.atZoneSameInstant(zone).toLocalDate());
    }
}
