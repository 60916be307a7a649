package dev.vitals.plugins.cost.forecast;

import dev.vitals.api.EntityRef;
import dev.vitals.plugins.cost.allocation.Organisation;
import dev.vitals.plugins.cost.web.Money;
import dev.vitals.plugins.cost.web.QueryFields;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
        List<Subject> given = new ArrayList<>();
        for (Subject kind : List.of(new Subject("service", "component", ""), new Subject("team", "group", ""),
                new Subject("program", "program", ""))) {
            QueryFields.text(ctx, kind.parameter())
                    .ifPresent(key -> given.add(new Subject(kind.parameter(), kind.kind(), key)));
        }
        if (given.isEmpty()) {
            return Optional.empty();
        }
        if (given.size() > 1) {
            throw QueryFields.invalid(given.get(1).parameter(), "cannot be combined with " + given.get(0).parameter()
                    + ": forecast one service, team or program, or none for the organisation");
        }
        Subject subject = given.get(0);
        return Optional.of(EntityRef.fromKey(subject.kind(), subject.key()).flatMap(organisation::servicesOf)
                .orElseThrow(() -> QueryFields.invalid(subject.parameter(), "names no " + subject.parameter()
                        + " of the catalog: '" + subject.key() + "'")));
    }

    /** A query parameter naming a catalog entity of a kind. */
    private record Subject(String parameter, String kind, String key) {
    }
}
