package dev.vitals.plugins.cost.costs;

import dev.vitals.api.EntityRef;
import dev.vitals.plugins.cost.allocation.Allocated;
import dev.vitals.plugins.cost.allocation.Allocator;
import dev.vitals.plugins.cost.allocation.CatalogShape;
import dev.vitals.plugins.cost.allocation.Organisation;
import dev.vitals.plugins.cost.allocation.ServiceTags;
import dev.vitals.plugins.cost.allocation.TeamDays;
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
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * The stored charges summed the ways the API answers: per group or per day, over days of the organisation's time
 * zone, each row counted on the day its charge period starts (a correction on the day it restates). Services, teams
 * and programs read the allocation per day and service the {@link Allocator} keeps (direct and shared cost, and the
 * unallocated line), brought up to date before each answer, so a service added to the catalog, or tagged, gets its
 * cost from rows already stored. The organisation by team and by day, and a team's days, read the allocator's sums
 * per team and day instead, a row per team and day. Accounts, providers and categories sum the charges themselves.
 */
public final class CostLedger {

    private final Jdbi jdbi;
    private final ServiceTags tags;
    private final Organisation organisation;
    private final ZoneId zone;
    private final String currency;
    private final Allocator allocator;

    public CostLedger(Jdbi jdbi, ServiceTags tags, Organisation organisation, ZoneId zone, String currency,
            Allocator allocator) {
        this.jdbi = jdbi;
        this.allocator = allocator;
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
        return switch (by) {
            case SERVICE, TEAM, PROGRAM -> allocated(by, from, to, scope);
            case ACCOUNT, PROVIDER, CATEGORY -> charged(by, from, to, scope);
        };
    }

    private CostAnswer allocated(GroupBy by, LocalDate from, LocalDate to, Optional<Set<EntityRef>> scope) {
        allocator.ensureCurrent();
        if (by == GroupBy.TEAM && scope.isEmpty()) {
            return byTeam(from, to);
        }
        Map<String, Part> groups = new HashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal unallocated = BigDecimal.ZERO;
        Function<EntityRef, Optional<EntityRef>> teams = organisation.teams();
        Map<EntityRef, List<EntityRef>> programs = organisation.programsByService();
        for (ServiceCost row : perService(from, to)) {
            Optional<EntityRef> service = row.service();
            if (scope.isPresent() && (service.isEmpty() || !scope.get().contains(service.get()))) {
                continue;
            }
            total = total.add(row.direct()).add(row.shared());
            if (service.isEmpty()) {
                unallocated = unallocated.add(row.direct()).add(row.shared());
                continue;
            }
            for (String key : keys(by, Optional.empty(), service, teams, programs)) {
                groups.merge(key, new Part(row.direct(), row.shared()), Part::plus);
            }
        }
        Map<String, List<String>> sharing = by == GroupBy.PROGRAM ? programsSharingServices() : Map.of();
        return answer(from, to, groups, total, unallocated, sharing);
    }

    /**
     * The whole organisation by team, from the allocations' sums per team and day: a row per team and day instead of
     * one per service and day. The sums were made with the catalog the allocations were, which
     * {@link Allocator#ensureCurrent} has just made the catalog as it is.
     */
    private CostAnswer byTeam(LocalDate from, LocalDate to) {
        Map<String, Part> groups = new HashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal unallocated = BigDecimal.ZERO;
        for (TeamCost row : perTeam(from, to)) {
            total = total.add(row.direct()).add(row.shared());
            if (row.team().equals(Allocated.UNALLOCATED)) {
                unallocated = unallocated.add(row.direct()).add(row.shared());
            } else if (!row.team().equals(TeamDays.UNOWNED)) {
                groups.merge(EntityRef.parse(row.team()).key(), new Part(row.direct(), row.shared()), Part::plus);
            }
        }
        return answer(from, to, groups, total, unallocated, Map.of());
    }

    private CostAnswer answer(LocalDate from, LocalDate to, Map<String, Part> groups, BigDecimal total,
            BigDecimal unallocated, Map<String, List<String>> sharing) {
        List<CostGroup> answer = groups.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Part>, BigDecimal>comparing(g -> g.getValue().cost())
                        .reversed().thenComparing(Map.Entry::getKey))
                .map(g -> new CostGroup(g.getKey(), Money.text(g.getValue().cost()), Money.text(g.getValue().direct()),
                        Money.text(g.getValue().shared()), sharing.getOrDefault(g.getKey(), List.of())))
                .toList();
        return new CostAnswer(currency, from, to, Money.text(total), Money.text(unallocated), answer);
    }

    /** Per program, the other programs that count some of its services too. */
    private Map<String, List<String>> programsSharingServices() {
        Map<String, Set<String>> sharing = new HashMap<>();
        for (Map.Entry<EntityRef, List<EntityRef>> service : organisation.programsByService().entrySet()) {
            for (EntityRef program : service.getValue()) {
                for (EntityRef other : service.getValue()) {
                    if (!other.equals(program)) {
                        sharing.computeIfAbsent(program.key(), p -> new java.util.TreeSet<>()).add(other.key());
                    }
                }
            }
        }
        Map<String, List<String>> lists = new HashMap<>();
        sharing.forEach((program, others) -> lists.put(program, List.copyOf(others)));
        return lists;
    }

    private CostAnswer charged(GroupBy by, LocalDate from, LocalDate to, Optional<Set<EntityRef>> scope) {
        Map<String, BigDecimal> groups = new HashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal unallocated = BigDecimal.ZERO;
        Function<EntityRef, Optional<EntityRef>> teams = organisation.teams();
        Map<EntityRef, List<EntityRef>> programs = organisation.programsByService();
        for (CostSlice slice : slices(by, from, to)) {
            Optional<EntityRef> service = slice.tag().flatMap(tags::service);
            if (scope.isPresent() && (service.isEmpty() || !scope.get().contains(service.get()))) {
                continue;
            }
            total = total.add(slice.cost());
            if (service.isEmpty()) {
                unallocated = unallocated.add(slice.cost());
            }
            for (String key : keys(by, Optional.of(slice), service, teams, programs)) {
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
        CatalogShape.Snapshot shape = allocator.ensureCurrent();
        Map<LocalDate, BigDecimal> days = new TreeMap<>();
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            days.put(day, BigDecimal.ZERO);
        }
        // The whole organisation and a team (its services exactly) read the sums per team and day; other scopes read
        // their services' rows through the (service, day) index. Texts apart, not one with "(:all OR …)", so that
        // each is planned for its own filter.
        Optional<EntityRef> team = scope.flatMap(shape::ownerOfExactly);
        String text = scope.isEmpty() ? "SELECT day, sum(direct + shared) AS cost FROM allocation_team_days "
                + "WHERE day >= :from AND day < :to GROUP BY day"
                : team.isPresent() ? "SELECT day, direct + shared AS cost FROM allocation_team_days "
                + "WHERE team = :team AND day >= :from AND day < :to"
                : "SELECT day, sum(direct + shared) AS cost FROM allocations "
                + "WHERE day >= :from AND day < :to AND service = ANY(:services) GROUP BY day";
        jdbi.useHandle(h -> {
            var query = h.createQuery(text).bind("from", from).bind("to", to);
            team.ifPresentOrElse(t -> query.bind("team", t.toString()), () -> scope.ifPresent(s -> query.bindArray(
                    "services", String.class, s.stream().map(EntityRef::toString).toList())));
            query.map((rs, ctx) -> Map.entry(rs.getObject("day", LocalDate.class), rs.getBigDecimal("cost")))
                    .forEach(d -> days.put(d.getKey(), d.getValue()));
        });
        return new DailyAnswer(currency, from, to, days.entrySet().stream()
                .map(d -> new DayCost(d.getKey(), Money.text(d.getValue()))).toList());
    }

    /**
     * @param from the first day
     * @param to the day after the last
     * @return per service and day the cost allocated to it, direct and shared; days without cost are absent
     */
    public Map<EntityRef, Map<LocalDate, BigDecimal>> perServiceAndDay(LocalDate from, LocalDate to) {
        allocator.ensureCurrent();
        Map<EntityRef, Map<LocalDate, BigDecimal>> costs = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                SELECT day, service, direct + shared AS cost FROM allocations
                WHERE day >= :from AND day < :to AND service <> ''""")
                .bind("from", from).bind("to", to)
                .map((rs, ctx) -> new Allocated(rs.getObject("day", LocalDate.class), rs.getString("service"),
                        rs.getBigDecimal("cost"), BigDecimal.ZERO))
                .forEach(a -> costs.computeIfAbsent(EntityRef.parse(a.service()), s -> new TreeMap<>())
                        .merge(a.day(), a.direct(), BigDecimal::add)));
        return costs;
    }

    /** Each service's (and the unallocated line's) direct and shared cost over the days. */
    private List<ServiceCost> perService(LocalDate from, LocalDate to) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT service, sum(direct) AS direct, sum(shared) AS shared FROM allocations
                WHERE day >= :from AND day < :to GROUP BY service""")
                .bind("from", from).bind("to", to)
                .map((rs, ctx) -> new ServiceCost(Optional.of(rs.getString("service")).filter(s -> !s.isEmpty())
                        .map(EntityRef::parse), rs.getBigDecimal("direct"), rs.getBigDecimal("shared")))
                .list());
    }

    /** Each team's (the unallocated line's, the unowned services') direct and shared cost over the days. */
    private List<TeamCost> perTeam(LocalDate from, LocalDate to) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT team, sum(direct) AS direct, sum(shared) AS shared FROM allocation_team_days
                WHERE day >= :from AND day < :to GROUP BY team""")
                .bind("from", from).bind("to", to)
                .map((rs, ctx) -> new TeamCost(rs.getString("team"), rs.getBigDecimal("direct"),
                        rs.getBigDecimal("shared")))
                .list());
    }

    private static List<String> keys(GroupBy by, Optional<CostSlice> slice, Optional<EntityRef> service,
            Function<EntityRef, Optional<EntityRef>> teams, Map<EntityRef, List<EntityRef>> programs) {
        return switch (by) {
            case SERVICE -> service.map(s -> List.of(s.key())).orElse(List.of());
            case TEAM -> service.flatMap(teams).map(t -> List.of(t.key())).orElse(List.of());
            case PROGRAM -> service.map(s -> programs.getOrDefault(s, List.of()).stream().map(EntityRef::key).toList())
                    .orElse(List.of());
            case ACCOUNT, PROVIDER, CATEGORY -> List.of(slice.orElseThrow().dimension());
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

    private record TeamCost(String team, BigDecimal direct, BigDecimal shared) {
    }

    private record ServiceCost(Optional<EntityRef> service, BigDecimal direct, BigDecimal shared) {
    }

    private record Part(BigDecimal direct, BigDecimal shared) {

        BigDecimal cost() {
            return direct.add(shared);
        }

        Part plus(Part other) {
            return new Part(direct.add(other.direct), shared.add(other.shared));
        }
    }
}
