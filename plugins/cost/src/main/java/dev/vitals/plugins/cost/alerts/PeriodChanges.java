package dev.vitals.plugins.cost.alerts;

import dev.vitals.api.EntityRef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** Finds the period-over-period alerts of one subject's daily cost. */
public final class PeriodChanges {

    private PeriodChanges() {
    }

    /**
     * @param subject a service or a team
     * @param costs its cost per day, from at least two months before {@code from} or from its first day; a period
     *     whose period before starts earlier than the first day given is not assessed
     * @param rules the thresholds of its team
     * @param from the first day assessed
     * @param to the day after the last
     * @return an alert per period and day above both thresholds
     */
    public static List<Alert> of(EntityRef subject, NavigableMap<LocalDate, BigDecimal> costs, AlertRules rules,
            LocalDate from, LocalDate to) {
        List<Alert> alerts = new ArrayList<>();
        // Running totals, so that any period's sum is one subtraction.
        NavigableMap<LocalDate, BigDecimal> running = new TreeMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<LocalDate, BigDecimal> day : costs.entrySet()) {
            total = total.add(day.getValue());
            running.put(day.getKey(), total);
        }
        for (LocalDate day : costs.subMap(from, true, to, false).keySet()) {
            for (Period period : rules.periods()) {
                if (period.previousFrom(day).isBefore(costs.firstKey())) {
                    continue;       // a period before the cost began is no base: a new service is no rise
                }
                BigDecimal current = sum(running, period.currentFrom(day), day.plusDays(1));
                BigDecimal previous = sum(running, period.previousFrom(day), period.previousTo(day));
                if (rules.alerts(current, previous, period.days(day))) {
                    alerts.add(new Alert(subject, period, day, current, previous));
                }
            }
        }
        return alerts;
    }

    private static BigDecimal sum(NavigableMap<LocalDate, BigDecimal> running, LocalDate from, LocalDate to) {
        return before(running, to).subtract(before(running, from));
    }

    private static BigDecimal before(NavigableMap<LocalDate, BigDecimal> running, LocalDate day) {
        Map.Entry<LocalDate, BigDecimal> last = running.lowerEntry(day);
        return last == null ? BigDecimal.ZERO : last.getValue();
    }

    /** @return the teams' daily cost: the sums of their services' */
    public static Map<EntityRef, NavigableMap<LocalDate, BigDecimal>> teams(
            Map<EntityRef, ? extends Map<LocalDate, BigDecimal>> services,
            Function<EntityRef, Optional<EntityRef>> teamOf) {
        Map<EntityRef, NavigableMap<LocalDate, BigDecimal>> teams = new HashMap<>();
        services.forEach((service, days) -> teamOf.apply(service).ifPresent(team -> days.forEach((day, cost) -> teams
                .computeIfAbsent(team, t -> new TreeMap<>()).merge(day, cost, BigDecimal::add))));
        return teams;
    }
}
