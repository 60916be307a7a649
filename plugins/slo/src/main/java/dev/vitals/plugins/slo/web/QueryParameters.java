package dev.vitals.plugins.slo.web;

import dev.vitals.api.EntityRef;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** The query parameters pages and API routes share, read one way and refused one way: 400 naming the parameter. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** @return the parameter's text, trimmed; empty when it is absent or blank */
    public static Optional<String> text(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    /**
     * The catalog key a filter names, in the one format links use ({@code team=identity}), a full reference
     * ({@code team=group:default/identity}) accepted too, as the portal's own pages write it.
     *
     * @param kind the kind the parameter names, e.g. {@code group}
     * @return the key; the text as given when it is no reference of that kind, so that it matches nothing
     */
    public static Optional<String> key(Context ctx, String name, String kind) {
        return text(ctx, name).map(t -> {
            if (!t.contains(":")) {
                return t;
            }
            try {
                EntityRef ref = EntityRef.parse(t);
                return ref.kind().equals(kind) ? ref.key() : t;
            } catch (IllegalArgumentException e) {
                return t;
            }
        });
    }

    /**
     * @return the whole number the parameter holds, {@code fallback} when it is absent
     * @throws ProblemException 400 naming the parameter when it is no whole number from {@code min} to {@code max}
     */
    public static int wholeNumber(Context ctx, String name, int fallback, int min, int max) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ProblemException(400, "the query parameter '" + name + "' is out of range",
                List.of(new FieldError(name, "must be a whole number from " + min + " to " + max + ", got '" + text
                        + "'")));
    }

    /**
     * @return the month of {@code ?month=}, the current month in the organisation's time zone when absent: the
     *     month whose outcome is still open, as the program page and its SLO panel show it
     * @throws ProblemException 400 when it is not a month such as 2026-10
     */
    public static YearMonth month(Context ctx, Clock clock, ZoneId zone) {
        Optional<String> text = text(ctx, "month");
        if (text.isEmpty()) {
            return YearMonth.from(clock.instant().atZone(zone));
        }
        try {
            return YearMonth.parse(text.get());
        } catch (DateTimeParseException e) {
            throw new ProblemException(400, "the query parameter 'month' is not a month", List.of(
                    new FieldError("month", "must look like 2026-10, got '" + text.get() + "'")));
        }
    }
}
