package dev.vitals.plugins.slo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Where an SLO stands at one moment.
 *
 * @param slo the SLO
 * @param at the moment; the window is [windowStart, at)
 * @param windowStart the first instant of the window
 * @param window the counts over the window
 * @param budget the error budget, empty without data
 * @param burnRates burn rate per window label ({@code 5m} … {@code 3d}), empty without data
 * @param alerts every burn-rate alert and whether it fires
 * @param budgetRunsOutAt when the budget is spent at the current one-day burn rate; empty when it is not burning
 *     or already spent
 */
public record SloStatus(Slo slo, Instant at, Instant windowStart, Counts window, Optional<ErrorBudget> budget,
        Map<String, OptionalDouble> burnRates, List<AlertState> alerts, Optional<Instant> budgetRunsOutAt) {

    public OptionalDouble attainment() {
        return window.attainment();
    }

    public boolean paging() {
        return alerts.stream().anyMatch(a -> a.firing() && a.alert().severity().equals("page"));
    }

    public boolean ticketing() {
        return alerts.stream().anyMatch(a -> a.firing() && a.alert().severity().equals("ticket"));
    }

    /** @return the shape of {@code GET /api/slo/slos/{name}/status}, {@code null} where there is no data */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", slo.name());
        json.put("objective", slo.objective());
        json.put("window", slo.window().code());
        json.put("method", slo.method().code());
        json.put("at", at.toString());
        json.put("windowStart", windowStart.toString());
        json.put("attainment", number(attainment()));
        json.put("good", window.good());
        json.put("total", window.total());
        Map<String, Object> budgetJson = new LinkedHashMap<>();
        budgetJson.put("consumed", budget.map(ErrorBudget::consumed).orElse(null));
        budgetJson.put("remaining", budget.map(ErrorBudget::remaining).orElse(null));
        budgetJson.put("runsOutAt", budgetRunsOutAt.map(Instant::toString).orElse(null));
        json.put("errorBudget", budgetJson);
        Map<String, Object> burns = new LinkedHashMap<>();
        burnRates.forEach((label, rate) -> burns.put(label, number(rate)));
        json.put("burnRates", burns);
        List<Map<String, Object>> alertJson = new ArrayList<>();
        for (AlertState a : alerts) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("severity", a.alert().severity());
            one.put("longWindow", BurnRateAlert.label(a.alert().longWindow()));
            one.put("shortWindow", BurnRateAlert.label(a.alert().shortWindow()));
            one.put("threshold", a.alert().threshold());
            one.put("longBurnRate", number(a.longBurn()));
            one.put("shortBurnRate", number(a.shortBurn()));
            one.put("firing", a.firing());
            alertJson.add(one);
        }
        json.put("alerts", alertJson);
        return json;
    }

    private static Double number(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }
}
