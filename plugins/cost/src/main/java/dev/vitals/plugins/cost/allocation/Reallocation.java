package dev.vitals.plugins.cost.allocation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Days allocated again at an admin's request.
 *
 * @param subject what changed, e.g. {@code rule platform} or {@code resource prefix arn:aws:s3:::logs}
 * @param firstDay the first day allocated again
 * @param lastDay the last, inclusive
 * @param doneBy who asked
 * @param doneAt when
 */
public record Reallocation(String subject, LocalDate firstDay, LocalDate lastDay, String doneBy, Instant doneAt) {
}
