package dev.vitals.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One day's value of a named measure for one catalog entity, e.g. {@code slo.requests} of
 * {@code component:default/billing-api} on 2026-12-01. Days are in the organisation's time zone.
 *
 * @param name the measure's name, {@code <pluginId>.<what>} in lower case, e.g. {@code cost.effective}
 * @param entity the entity it is about
 * @param day the day it covers
 * @param value its value, exact
 * @since 2.0.0
 */
public record MeasurePoint(String name, EntityRef entity, LocalDate day, BigDecimal value) {

    /**
     * Checks the parts.
     *
     * @since 2.0.0
     */
    public MeasurePoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(value, "value");
    }
}
