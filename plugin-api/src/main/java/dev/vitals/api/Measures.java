package dev.vitals.api;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Named numeric series per catalog entity and day, shared between plugins without sharing schemas: the SLO plugin
 * publishes {@code slo.requests} and {@code slo.bad_requests} per service per day, the cost plugin
 * {@code cost.effective}, and any plugin reads them by name. A plugin publishes only names that start with its own
 * id and a dot; it reads any name.
 *
 * @since 2.0.0
 */
public interface Measures {

    /**
     * Stores values, replacing the value a point's (name, entity, day) had: publishing the same points again changes
     * nothing. All points are stored or none.
     *
     * @param points the values; each name must start with {@code <pluginId>.}
     * @throws IllegalArgumentException when a name belongs to another plugin or is not lower case
     *     {@code <pluginId>.<what>}
     * @since 2.0.0
     */
    void publish(Collection<MeasurePoint> points);

    /**
     * @param name the measure, e.g. {@code slo.requests}
     * @param entity the entity
     * @param from the first day
     * @param to the last day, inclusive
     * @return the stored values in day order; days without a value are absent, not zero
     * @since 2.0.0
     */
    List<MeasurePoint> read(String name, EntityRef entity, LocalDate from, LocalDate to);

    /**
     * @param name the measure, e.g. {@code cost.effective}
     * @param from the first day
     * @param to the last day, inclusive
     * @return the stored values of every entity, ordered by entity then day
     * @since 2.0.0
     */
    List<MeasurePoint> read(String name, LocalDate from, LocalDate to);

    /**
     * Removes values, as when their source data is deleted.
     *
     * @param name one of this plugin's measures
     * @param entity the entity
     * @param from the first day
     * @param to the last day, inclusive
     * @return how many values were removed
     * @throws IllegalArgumentException when the name belongs to another plugin
     * @since 2.0.0
     */
    int delete(String name, EntityRef entity, LocalDate from, LocalDate to);
}
