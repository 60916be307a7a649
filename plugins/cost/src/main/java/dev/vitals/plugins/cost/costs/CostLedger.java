package dev.vitals.plugins.cost.costs;

import dev.vitals.api.EntityRef;
import dev.vitals.plugins.cost.allocation.Organisation;
import dev.vitals.plugins.cost.allocation.ServiceTags;
import dev.vitals.plugins.cost.web.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * The stored charges summed the ways the API answers: per group or per day, over days of the organisation's time
 * zone, each row counted on the day its charge period starts (a correction on the day it restates). Rows are
 * allocated to services at read time, so a service added to the catalog, or tagged, gets its cost from rows already
 * stored; rows that name no service are unallocated and always counted.
 */
public final class CostLedger {

    private final Jdbi jdbi;
    private final ServiceTags tags;
    private final Organisation organisation;
    private final ZoneId zone;
    private final String currency;

    public CostLedger(Jdbi jdbi, ServiceTags tags, Organisation organisation, ZoneId zone, String currency) {
        this.jdbi = jdbi;
        this.tags = tags;
        this.organisation = organisation;
        this.zone = zone;
        this.currency = currency;
    }

    /**
     * @param by the grouping
     * @param from the first day
     * @param to the day after the last
     * @param scope only the cost of these services, when present
     * @return the groups, the total and the unallocated cost
     */
    public CostAnswer costs(GroupBy by, LocalDate from, LocalDate to, Optional<Set<EntityRef>> scope) {
        Map<String, BigDecimal> groups = new HashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal unallocated = BigDecimal.ZERO;
        for (CostSlice slice : slices(by, from, to)) {
            Optional<EntityRef> service = slice.tag().flatMap(tags::service);
            if (scope.isPresent() && (service.isEmpty() || !scope.get().contains(service.get()))) {
                continue;
            }
            total = total.add(slice.cost());
            if (service.isEmpty()) {
                unallocated = unallocated.add(slice.cost());
            }
            for (String key : keys(by, slice, service)) {
                groups.merge(key, slice.cost(), BigDecimal::add);
            }
        }
        List<CostGroup> answer = new ArrayList<>();
        groups.entrySet().stream()
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(g -> answer.add(new CostGroup(g.getKey(), Money.text(g.getValue()), Money.text(g.getValue()),
                        "0")));
        return new CostAnswer(currency, from, to, Money.text(total), Money.text(unallocated), answer);
    }

    /**
     * @param from the first day
     * @param to the day after the last
     * @param scope only the cost of these services, when present
     * @return every day's cost, days without charges at zero
     */
    public DailyAnswer daily(LocalDate from, LocalDate to, Optional<Set<EntityRef>> scope) {
        Map<LocalDate, BigDecimal> days = new TreeMap<>();
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            days.put(day, BigDecimal.ZERO);
        }
        for (CostSlice slice : slices(GroupBy.SERVICE, from, to)) {
            Optional<EntityRef> service = slice.tag().flatMap(tags::service);
            if (scope.isEmpty() || service.isPresent() && scope.get().contains(service.get())) {
                days.merge(slice.day(), slice.cost(), BigDecimal::add);
            }
        }
        return new DailyAnswer(currency, from, to, days.entrySet().stream()
                .map(d -> new DayCost(d.getKey(), Money.text(d.getValue()))).toList());
    }

    /**
     * @param from the first day
     * @param to the day after the last
     * @return per service and day the cost allocated to it; days without cost are absent
     */
    public Map<EntityRef, Map<LocalDate, BigDecimal>> perServiceAndDay(LocalDate from, LocalDate to) {
        Map<EntityRef, Map<LocalDate, BigDecimal>> costs = new HashMap<>();
        for (CostSlice slice : slices(GroupBy.SERVICE, from, to)) {
            slice.tag().flatMap(tags::service).ifPresent(service -> costs
                    .computeIfAbsent(service, s -> new TreeMap<>()).merge(slice.day(), slice.cost(), BigDecimal::add));
        }
        return costs;
    }

    private List<String> keys(GroupBy by, CostSlice slice, Optional<EntityRef> service) {
        return switch (by) {
            case SERVICE -> service.map(s -> List.of(s.key())).orElse(List.of());
            case TEAM -> service.flatMap(organisation::teamOf).map(t -> List.of(t.key())).orElse(List.of());
            case PROGRAM -> service.map(s -> organisation.programsOf(s).stream().map(EntityRef::key).toList())
                    .orElse(List.of());
            case ACCOUNT, PROVIDER, CATEGORY -> List.of(slice.dimension());
        };
    }

    private List<CostSlice> slices(GroupBy by, LocalDate from, LocalDate to) {
        // The column comes from the enum, never from the request.
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT (charge_period_start AT TIME ZONE :zone)::date AS day, %s AS dimension,
                       lower(allocation_tag) AS tag, sum(cost) AS cost
                FROM charges
                WHERE charge_period_start >= :from AND charge_period_start < :to
                GROUP BY 1, 2, 3""".formatted(by.column()))
                .bind("zone", zone.getId())
                .bind("from", from.atStartOfDay(zone).toOffsetDateTime())
                .bind("to", to.atStartOfDay(zone).toOffsetDateTime())
                .map((rs, ctx) -> new CostSlice(rs.getObject("day", LocalDate.class), rs.getString("dimension"),
                        Optional.ofNullable(rs.getString("tag")), rs.getBigDecimal("cost")))
                .list());
    }
}
