package dev.vitals.plugins.deploys.dora;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The injected clock read in the organisation's time zone, where every day, week and month bucket is cut.
 *
 * @param clock the portal's clock
 * @param zone the organisation's time zone
 */
public record OrgClock(Clock clock, ZoneId zone) {

    /** @return the current instant */
    public Instant now() {
        return clock.instant();
    }

    /** @return the current date in the org zone */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** @param days how many @return the days up to and with today */
    public Period lastDays(int days) {
        return Period.lastDays(today(), days, zone);
    }

    /** @param weeks how many @return the whole ISO weeks up to and with this one */
    public Period lastWeeks(int weeks) {
        return Period.lastWeeks(today(), weeks, zone);
    }
}
