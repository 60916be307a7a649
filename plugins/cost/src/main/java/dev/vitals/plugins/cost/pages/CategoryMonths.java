package dev.vitals.plugins.cost.pages;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The organisation's cost per service category and month, summed in the database: the overview's trend over 13
 * months needs a dozen numbers per month, not a row per service and day. Allocation moves cost between services,
 * never between categories, so the organisation's figures are the charges' own.
 */
final class CategoryMonths {

    /** The category of rows whose export names none. */
    static final String UNCATEGORISED = "Uncategorised";

    private final Jdbi jdbi;
    private final ZoneId zone;

    CategoryMonths(Jdbi jdbi, ZoneId zone) {
        this.jdbi = jdbi;
        this.zone = zone;
    }

    /** @return per category, the cost of each month from {@code first} to {@code last}; months without cost absent */
    Map<String, Map<YearMonth, BigDecimal>> read(YearMonth first, YearMonth last) {
        LocalDate from = first.atDay(1);
        LocalDate to = last.plusMonths(1).atDay(1);
        Map<String, Map<YearMonth, BigDecimal>> costs = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                SELECT date_trunc('month', charge_period_start AT TIME ZONE :zone)::date AS month,
                       coalesce(nullif(service_category, ''), :none) AS category, sum(cost) AS cost
                FROM charges
                WHERE charge_period_start >= :from AND charge_period_start < :to
                GROUP BY 1, 2""")
                .bind("zone", zone.getId())
                .bind("none", UNCATEGORISED)
                .bind("from", from.atStartOfDay(zone).toOffsetDateTime())
                .bind("to", to.atStartOfDay(zone).toOffsetDateTime())
                .map((rs, ctx) -> {
                    costs.computeIfAbsent(rs.getString("category"), c -> new HashMap<>()).put(
                            YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getBigDecimal("cost"));
                    return 0;
                })
                .list());
        return costs;
    }
}
