package dev.vitals.plugins.cost.rates;

import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RequestCaller;
import dev.vitals.plugins.cost.web.Parameters;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

/** {@code GET /api/cost/rates} and {@code PUT /api/cost/rates/{currency}/{month}}: the rates admins keep. */
public final class RatesApi {

    /** Far above any exchange rate there is, far below what would make sums of costs unreadable. */
    private static final BigDecimal LARGEST = new BigDecimal("1000000000");
    private static final int DIGITS = 24;

    private final Rates rates;
    private final Clock clock;

    public RatesApi(Rates rates, Clock clock) {
        this.rates = rates;
        this.clock = clock;
    }

    public void list(Context ctx) {
        ctx.json(rates.list());
    }

    public void put(Context ctx) {
        String currency = Parameters.currency(ctx, "currency");
        YearMonth month = Parameters.month(ctx, "month");
        NewRate input = ctx.bodyAsClass(NewRate.class);
        if (currency.equals(rates.reporting())) {
            throw ProblemException.unprocessable(currency + " is the reporting currency", List.of(
                    new FieldError("currency", "is the reporting currency, which needs no rate")));
        }
        if (input == null || input.rate() == null || input.rate().signum() <= 0) {
            throw ProblemException.unprocessable("the rate cannot be saved", List.of(new FieldError("rate",
                    "is required: how many " + rates.reporting() + " one " + currency + " is, a positive decimal")));
        }
        if (input.rate().compareTo(LARGEST) > 0 || input.rate().precision() > DIGITS) {
            throw ProblemException.unprocessable("the rate cannot be saved", List.of(new FieldError("rate",
                    "is at most " + LARGEST.toPlainString() + " with at most " + DIGITS + " significant digits")));
        }
        ctx.json(rates.put(currency, month, input.rate(), RequestCaller.of(ctx).name(), clock.instant()));
    }
}
