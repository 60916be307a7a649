package dev.vitals.plugins.deploys.dora;

import java.time.LocalDate;

/**
 * Counted deployments finished on one date in the org time zone.
 *
 * @param date the local date
 * @param deployments counted deployments (production, success or rolled back)
 * @param failed of those, the ones rolled back or named by an incident as its cause
 */
public record DayCount(LocalDate date, long deployments, long failed) {
}
