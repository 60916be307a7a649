package dev.vitals.plugins.slo;

import java.util.Locale;

/**
 * One SLO as the overview and tabs show it.
 *
 * @param status where it stands now
 * @param verdict the error-budget policy's verdict
 */
public record SloRow(SloStatus status, BudgetPolicy verdict) {

    public Slo slo() {
        return status.slo();
    }

    /** @return for sorting: the budget left, no data last */
    double remainingOrMax() {
        return status.budget().map(ErrorBudget::remaining).orElse(Double.MAX_VALUE);
    }

    public String attainment() {
        return status.attainment().isPresent() ? percent(status.attainment().getAsDouble(), 3) : "no data";
    }

    public String remaining() {
        return status.budget().map(b -> percent(b.remaining(), 1)).orElse("no data");
    }

    public String objective() {
        return ExactDecimal.percent(slo().objective());
    }

    public String statusClass() {
        return "status status-" + verdict.status().name().toLowerCase(Locale.ROOT);
    }

    static String percent(double share, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f %%", share * 100);
    }
}
