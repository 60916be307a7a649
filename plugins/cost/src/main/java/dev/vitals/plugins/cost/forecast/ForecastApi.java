package dev.vitals.plugins.cost.forecast;

import dev.vitals.api.EntityRef;
import dev.vitals.plugins.cost.allocation.Organisation;
import dev.vitals.plugins.cost.web.Money;
import dev.vitals.plugins.cost.web.QueryFields;
import dev.vitals.plugins.cost.web.SubjectScope;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/** {@code GET /api/cost/forecast?service=|team=|program=&until=}. */
public final class ForecastApi {

    /** The furthest {@code until} may lie: a year after the first day of the month. */
    static final int MAX_MONTHS = 12;

    private final CostForecast forecasts;
    private final Organisation organisation;
    private final KnownDays known;
    private final String currency;

    public ForecastApi(CostForecast forecasts, Organisation organisation, KnownDays known, String currency) {
        this.forecasts = forecasts;
        this.organisation = organisation;
        this.known = known;
        this.currency = currency;
    }

    public void forecast(Context ctx) {
        LocalDate from = forecasts.monthStart();
        LocalDate until = until(ctx, from);
        Optional<Set<EntityRef>> scope = scope(ctx);
        Forecast f = forecasts.until(until, scope);
        ctx.json(new ForecastAnswer(currency, from, until, Money.text(f.total()), f.low().map(Money::text),
                f.high().map(Money::text), Forecaster.INTERVAL, Forecaster.METHOD, Money.text(f.actual()),
                known.lastBefore(forecasts.today()), f.historyDays(), f.note()));
    }

    private static LocalDate until(Context ctx, LocalDate from) {
        LocalDate until = QueryFields.day(ctx, "until", from.plusMonths(1)).orElse(from.plusMonths(1));
        if (!until.isAfter(from)) {
            throw QueryFields.invalid("until", "must be after " + from + ", the first day of this month: the total "
                    + "runs from it to until, exclusive");
        }
        if (until.isAfter(from.plusMonths(MAX_MONTHS))) {
            throw QueryFields.invalid("until", "must be at most " + MAX_MONTHS + " months after " + from + ", got "
                    + until);
        }
        return until;
    }

    /** The services of {@code service=}, {@code team=} or {@code program=}, at most one of them. */
    private Optional<Set<EntityRef>> scope(Context ctx) {
        return SubjectScope.of(ctx, organisation, QueryFields::invalid,
                "forecast one service, team or program, or none for the organisation");
    }
}
