package dev.vitals.plugins.cost.pages;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A shared-cost rule as the admin page lists it.
 *
 * @param name its name
 * @param match which rows, in words
 * @param split how, in words
 * @param among over which services
 * @param effectiveFrom the first day it allocates
 * @param setBy who saved it
 * @param setAt when
 */
public record RuleLine(String name, String match, String split, String among, LocalDate effectiveFrom, String setBy,
        Instant setAt) {
}
