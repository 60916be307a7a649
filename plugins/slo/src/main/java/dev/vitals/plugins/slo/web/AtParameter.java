package dev.vitals.plugins.slo.web;

import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The moment a request asks about: {@code ?at=} as an ISO-8601 instant, now when absent. */
public final class AtParameter {

    private AtParameter() {
    }

    public static Instant of(Context ctx, Clock clock) {
        String text = ctx.queryParam("at");
        if (text == null || text.isBlank()) {
            return clock.instant();
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new ProblemException(400, "the query parameter 'at' is not an instant", List.of(
                    new FieldError("at", "must be an ISO-8601 instant such as 2026-11-01T10:00:00Z, got '" + text
                            + "'")));
        }
    }
}
