package dev.vitals.plugins.cost.web;

import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Query parameters of the forecast and unit-cost routes, refused with 422 {@code application/problem+json} naming the
 * field and the form expected: the request was well formed, its values were not.
 */
public final class QueryFields {

    private QueryFields() {
    }

    /** @return the parameter's text, trimmed; empty when absent or blank */
    public static Optional<String> text(Context ctx, String name) {
        return Parameters.text(ctx, name);
    }

    /** @return the day the parameter names; empty when absent @throws ProblemException 422 when it is no day */
    public static Optional<LocalDate> day(Context ctx, String name, LocalDate example) {
        return text(ctx, name).map(text -> {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw invalid(name, "must be a day such as " + example + ", got '" + text + "'");
            }
        });
    }

    /** @return the day the parameter names @throws ProblemException 422 when absent or no day */
    public static LocalDate requiredDay(Context ctx, String name, LocalDate example) {
        return day(ctx, name, example).orElseThrow(() -> invalid(name, "is required: a day such as " + example));
    }

    /** @return a 422 naming the field */
    public static ProblemException invalid(String name, String reason) {
        return ProblemException.unprocessable("the parameter '" + name + "' " + reason,
                List.of(new FieldError(name, reason)));
    }
}
