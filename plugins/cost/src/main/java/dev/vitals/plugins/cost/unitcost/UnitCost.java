package dev.vitals.plugins.cost.unitcost;

import dev.vitals.api.EntityRef;
import dev.vitals.api.MeasurePoint;
import dev.vitals.api.Measures;
import dev.vitals.plugins.cost.costs.CostLedger;
import dev.vitals.plugins.cost.costs.GroupBy;
import dev.vitals.plugins.cost.web.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A service's cost per thousand requests: its effective cost from the ledger over the requests the SLO plugin
 * publishes as the measure {@value #REQUESTS} (read by name through the plugin API, so the cost plugin works, and
 * says so, where no SLO plugin runs).
 */
public final class UnitCost {

    /** The SLO plugin's measure: requests per service and day. */
    public static final String REQUESTS = "slo.requests";
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private final CostLedger ledger;
    private final Measures measures;

    public UnitCost(CostLedger ledger, Measures measures) {
        this.ledger = ledger;
        this.measures = measures;
    }

    /**
     * @param service the service
     * @param from the first day
     * @param to the day after the last
     * @return its unit cost over [from, to)
     */
    public UnitCostAnswer of(EntityRef service, LocalDate from, LocalDate to) {
        var costs = ledger.costs(GroupBy.SERVICE, from, to, Optional.of(Set.of(service)));
        BigDecimal cost = new BigDecimal(costs.total());
        List<MeasurePoint> points = measures.read(REQUESTS, service, from, to.minusDays(1));
        BigDecimal requests = points.stream().map(MeasurePoint::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        long days = ChronoUnit.DAYS.between(from, to);
        String name = service.key();
        if (points.isEmpty()) {
            return new UnitCostAnswer(name, costs.currency(), from, to, costs.total(), Optional.empty(),
                    Optional.empty(), 0, Optional.of("No request counts for " + name + " in this period: the SLO "
                            + "plugin publishes `" + REQUESTS + "` for services with an SLO."));
        }
        if (requests.signum() == 0) {
            return new UnitCostAnswer(name, costs.currency(), from, to, costs.total(), Optional.of("0"),
                    Optional.empty(), points.size(), Optional.of(name + " served no requests in this period."));
        }
        Optional<String> partial = points.size() < days
                ? Optional.of("Requests are counted on " + points.size() + " of the " + days + " days, cost on all "
                        + "of them: the unit cost is too high by the days without a count.")
                : Optional.empty();
        return new UnitCostAnswer(name, costs.currency(), from, to, costs.total(), Optional.of(Money.text(requests)),
                Optional.of(Money.text(cost.multiply(THOUSAND).divide(requests, MathContext.DECIMAL64))),
                points.size(), partial);
    }

    /**
     * @param service the service
     * @param from the first day
     * @param to the day after the last
     * @return the requests per day the SLO plugin published, days without a count absent
     */
    public Map<LocalDate, BigDecimal> requestsPerDay(EntityRef service, LocalDate from, LocalDate to) {
        Map<LocalDate, BigDecimal> days = new TreeMap<>();
        for (MeasurePoint point : measures.read(REQUESTS, service, from, to.minusDays(1))) {
            days.put(point.day(), point.value());
        }
        return days;
    }
}
