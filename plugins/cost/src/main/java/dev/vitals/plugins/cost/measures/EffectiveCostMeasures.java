package dev.vitals.plugins.cost.measures;

import dev.vitals.api.EntityRef;
import dev.vitals.api.MeasurePoint;
import dev.vitals.api.Measures;
import dev.vitals.plugins.cost.costs.CostLedger;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Publishes {@value #NAME}: per service and day, its effective cost in the reporting currency, for other plugins
 * and the portal to chart and sum. A day whose cost went away (a re-import, a tag moved) is published as zero, so no
 * stale value stays.
 */
public final class EffectiveCostMeasures {

    /** The measure's name. */
    public static final String NAME = "cost.effective";

    private final CostLedger ledger;
    private final Measures measures;

    public EffectiveCostMeasures(CostLedger ledger, Measures measures) {
        this.ledger = ledger;
        this.measures = measures;
    }

    /**
     * @param first the first day to publish
     * @param last the last day, inclusive
     */
    public void publish(LocalDate first, LocalDate last) {
        List<MeasurePoint> points = new ArrayList<>();
        Set<Key> published = new HashSet<>();
        for (Map.Entry<EntityRef, Map<LocalDate, BigDecimal>> service : ledger.perServiceAndDay(first,
                last.plusDays(1)).entrySet()) {
            service.getValue().forEach((day, cost) -> {
                points.add(new MeasurePoint(NAME, service.getKey(), day, cost));
                published.add(new Key(service.getKey(), day));
            });
        }
        for (MeasurePoint old : measures.read(NAME, first, last)) {
            if (!published.contains(new Key(old.entity(), old.day())) && old.value().signum() != 0) {
                points.add(new MeasurePoint(NAME, old.entity(), old.day(), BigDecimal.ZERO));
            }
        }
        if (!points.isEmpty()) {
            measures.publish(points);
        }
    }

    private record Key(EntityRef service, LocalDate day) {
    }
}
