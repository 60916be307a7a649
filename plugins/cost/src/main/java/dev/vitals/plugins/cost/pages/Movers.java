package dev.vitals.plugins.cost.pages;

import dev.vitals.api.EntityRef;
import dev.vitals.plugins.cost.costs.CostGroup;
import dev.vitals.plugins.cost.costs.CostLedger;
import dev.vitals.plugins.cost.costs.GroupBy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The services whose cost changed most from last week to this week: the last 7 known days against the 7 before. */
final class Movers {

    /** How many movers the overview lists. */
    static final int SHOWN = 10;

    private final CostLedger ledger;

    Movers(CostLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * @param lastKnown the last day whose cost is known, the end of "this week"
     * @param href the Cost tab of a service, by key
     * @return the largest changes first, either way
     */
    List<Mover> of(LocalDate lastKnown, Function<String, String> href) {
        LocalDate thisWeek = lastKnown.minusDays(6);
        Map<String, BigDecimal> now = byService(thisWeek, lastKnown.plusDays(1));
        Map<String, BigDecimal> before = byService(thisWeek.minusDays(7), thisWeek);
        Set<String> services = new HashSet<>(now.keySet());
        services.addAll(before.keySet());
        return services.stream()
                .map(s -> new Change(s, before.getOrDefault(s, BigDecimal.ZERO), now.getOrDefault(s, BigDecimal.ZERO)))
                .filter(c -> c.delta().signum() != 0)
                .sorted(Comparator.comparing((Change c) -> c.delta().abs()).reversed().thenComparing(Change::service))
                .limit(SHOWN)
                .map(c -> new Mover(c.service(), href.apply(c.service()), Amounts.cents(c.before()),
                        Amounts.cents(c.now()), (c.delta().signum() > 0 ? "+" : "") + Amounts.cents(c.delta()),
                        percent(c)))
                .toList();
    }

    private static String percent(Change c) {
        return Amounts.share(c.delta(), c.before()).map(p -> (c.delta().signum() > 0 ? "+" : "") + p).orElse("new");
    }

    private Map<String, BigDecimal> byService(LocalDate from, LocalDate to) {
        Map<String, BigDecimal> costs = new HashMap<>();
        for (CostGroup group : ledger.costs(GroupBy.SERVICE, from, to, Optional.empty()).groups()) {
            costs.put(group.key(), new BigDecimal(group.cost()));
        }
        return costs;
    }

    private record Change(String service, BigDecimal before, BigDecimal now) {
        BigDecimal delta() {
            return now.subtract(before);
        }
    }

    /** @return a service key as a reference, for its page's URL */
    static EntityRef service(String key) {
        return EntityRef.fromKey("component", key).orElseThrow();
    }
}
