package dev.vitals.plugins.cost.allocation;

import dev.vitals.api.EntityRef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;

/**
 * The weight of each service in a split on one day: one for an even split, its own direct cost for a proportional
 * one, its measure's value (none is zero) for a split by measure.
 *
 * @param measures per measure, service and day, the values the rules split by
 */
record Weights(Map<String, Map<EntityRef, Map<LocalDate, BigDecimal>>> measures) {

    Function<EntityRef, BigDecimal> of(Split split, LocalDate day, Map<EntityRef, BigDecimal> own) {
        return switch (split.kind()) {
            case EVEN -> service -> BigDecimal.ONE;
            case PROPORTIONAL -> service -> own.getOrDefault(service, BigDecimal.ZERO);
            case MEASURE -> {
                Map<EntityRef, Map<LocalDate, BigDecimal>> values = measures.getOrDefault(split.measure().orElseThrow(),
                        Map.of());
                yield service -> values.getOrDefault(service, Map.of()).getOrDefault(day, BigDecimal.ZERO);
            }
        };
    }
}
