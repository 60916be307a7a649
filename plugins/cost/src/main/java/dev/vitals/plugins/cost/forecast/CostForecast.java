package dev.vitals.plugins.cost.forecast;

import dev.vitals.api.EntityRef;
import dev.vitals.plugins.cost.costs.CostLedger;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Forecasts of the organisation's or some services' cost, from the ledger's daily history. */
public final class CostForecast {

    private final CostLedger ledger;
    private final KnownDays known;
    private final Clock clock;
    private final ZoneId zone;

    public CostForecast(CostLedger ledger, KnownDays known, Clock clock, ZoneId zone) {
        this.ledger = ledger;
        this.known = known;
        this.clock = clock;
        this.zone = zone;
    }

    /** @return the organisation's today */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** @return the first day of the current month in the organisation's time zone */
    public LocalDate monthStart() {
        return today().withDayOfMonth(1);
    }

    /** @return the first day of the next quarter, the end of this quarter's total */
    public LocalDate quarterEnd() {
        LocalDate month = monthStart();
        return month.withMonth((month.getMonthValue() - 1) / 3 * 3 + 1).plusMonths(3);
    }

    /**
     * The total from the first day of this month to {@code until}, actual days included.
     *
     * @param until the day after the last of the total
     * @param scope only these services' cost; the whole organisation's, shared and unallocated included, when empty
     * @return the forecast
     */
    public Forecast until(LocalDate until, Optional<Set<EntityRef>> scope) {
        return totals(List.of(until), scope).get(0);
    }

    /** Several totals from one reading of the history, e.g. to the end of the month and of the quarter. */
    public List<Forecast> totals(List<LocalDate> untils, Optional<Set<EntityRef>> scope) {
        LocalDate from = monthStart();
        Optional<LocalDate> lastKnown = known.lastBefore(today());
        if (lastKnown.isEmpty()) {
            return untils.stream().map(u -> Forecaster.forecast(List.of(), from.minusDays(1), from, u)).toList();
        }
        LocalDate last = lastKnown.get();
        LocalDate first = last.minusDays(Forecaster.HISTORY_DAYS - 1L);
        List<BigDecimal> history = scope.isEmpty() ? known.organisationDaily(first, last.plusDays(1))
                : ledger.daily(first, last.plusDays(1), scope).days().stream().map(d -> new BigDecimal(d.cost()))
                        .toList();
        return untils.stream().map(u -> Forecaster.forecast(history, last, from, u)).toList();
    }
}
