package dev.vitals.plugins.cost.allocation;

import dev.vitals.api.EntityRef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One day's allocation: first each service's own rows (tag, ResourceId prefix), which proportional splits weigh
 * by; then sub-account cost spread over the team's services (their direct cost) and shared cost split among the
 * rule's services. Cost with nowhere to go (a rule's team without services, a prefix's service gone from the
 * catalog) stays unallocated: nothing is dropped.
 */
final class DayAllocation {

    private final LocalDate day;
    private final CatalogShape.Snapshot shape;
    private final List<RuleSpan> rules;
    private final Map<String, SubAccountRule> subAccounts;
    private final Weights weights;
    private final Map<EntityRef, BigDecimal> own = new TreeMap<>(java.util.Comparator.comparing(EntityRef::toString));
    private final Map<EntityRef, BigDecimal> direct = new TreeMap<>(java.util.Comparator.comparing(
            EntityRef::toString));
    private final Map<EntityRef, BigDecimal> shared = new TreeMap<>(java.util.Comparator.comparing(
            EntityRef::toString));
    private BigDecimal unallocated = BigDecimal.ZERO;

    DayAllocation(LocalDate day, CatalogShape.Snapshot shape, List<RuleSpan> rules,
            Map<String, SubAccountRule> subAccounts, Weights weights) {
        this.day = day;
        this.shape = shape;
        this.rules = rules;
        this.subAccounts = subAccounts;
        this.weights = weights;
    }

    List<Allocated> allocate(List<Allocator.Pool> pools) {
        for (Allocator.Pool pool : pools) {
            if (pool.tagged().or(pool::resource).isPresent()) {
                EntityRef service = EntityRef.parse(pool.tagged().or(pool::resource).orElseThrow());
                if (shape.has(service)) {
                    own.merge(service, pool.cost(), BigDecimal::add);
                } else {
                    unallocated = unallocated.add(pool.cost());
                }
            } else if (pool.shared().isEmpty() && pool.subAccount().isEmpty()) {
                unallocated = unallocated.add(pool.cost());
            }
        }
        direct.putAll(own);
        for (Allocator.Pool pool : pools) {
            if (pool.tagged().or(pool::resource).isPresent()) {
                continue;
            }
            if (pool.shared().isPresent()) {
                SharedRule rule = rules.get(pool.shared().get()).rule();
                spread(pool.cost(), shape.among(rule.among()), rule.split(), shared);
            } else if (pool.subAccount().isPresent()) {
                SubAccountRule rule = subAccounts.get(pool.subAccount().get());
                spread(pool.cost(), rule == null ? List.of() : shape.groups().getOrDefault(rule.team(), List.of()),
                        rule == null ? Split.EVEN : rule.split(), direct);
            }
        }
        List<Allocated> rows = new ArrayList<>();
        TreeMap<String, Allocated> byService = new TreeMap<>();
        direct.forEach((s, cost) -> byService.put(s.toString(), new Allocated(day, s.toString(), cost,
                BigDecimal.ZERO)));
        shared.forEach((s, cost) -> byService.merge(s.toString(), new Allocated(day, s.toString(), BigDecimal.ZERO,
                cost), (a, b) -> new Allocated(day, a.service(), a.direct(), b.shared())));
        rows.add(new Allocated(day, Allocated.UNALLOCATED, unallocated, BigDecimal.ZERO));
        rows.addAll(byService.values());
        return rows;
    }

    private void spread(BigDecimal cost, List<EntityRef> among, Split split, Map<EntityRef, BigDecimal> into) {
        if (among.isEmpty()) {
            unallocated = unallocated.add(cost);
            return;
        }
        Shares.split(cost, among, weights.of(split, day, own)).forEach((s, share) -> into.merge(s, share,
                BigDecimal::add));
    }
}
