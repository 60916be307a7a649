package dev.vitals.plugins.cost.web;

import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Path and query parameters read one way and refused one way: 400 naming the parameter and the form expected. */
public final class Parameters {

    private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");

    private Parameters() {
    }

    /** @return the query parameter's text, trimmed; empty when absent or blank */
    public static Optional<String> text(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    /** @return the day the query parameter names @throws ProblemException 400 when absent or not a day */
    public static LocalDate day(Context ctx, String name) {
        String text = text(ctx, name).orElseThrow(() -> bad(name, "is required: a day such as 2024-09-01"));
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw bad(name, "must be a day such as 2024-09-01, got '" + text + "'");
        }
    }

    /** @return the month of a path parameter such as 2024-09 @throws ProblemException 400 when it is none */
    public static YearMonth month(Context ctx, String name) {
        String text = ctx.pathParam(name);
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw bad(name, "must be a month such as 2024-09, got '" + text + "'");
        }
    }

    /** @return the ISO 4217 code of a path parameter, upper case @throws ProblemException 400 when it is none */
    public static String currency(Context ctx, String name) {
        String text = ctx.pathParam(name);
        if (!CURRENCY.matcher(text).matches()) {
            throw bad(name, "must be an ISO 4217 currency code such as EUR, got '" + text + "'");
        }
        return text.toUpperCase(Locale.ROOT);
    }

    /** @return a 400 naming the parameter */
    public static ProblemException bad(String name, String reason) {
        return new ProblemException(400, "the parameter '" + name + "' " + reason, List.of(new FieldError(name,
                reason)));
    }
}
