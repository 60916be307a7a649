package dev.vitals.plugins.priorities.plan;

import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.plugins.priorities.backlog.Labels;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Quarters as {@code 2027-Q1}. */
public final class Quarters {

    private Quarters() {
    }

    /** @return the organisation's current quarter */
    public static String current(Clock clock, ZoneId zone) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
    }

    /** @return the {@code quarter} query parameter, the current quarter when absent; a bad one is a 400 */
    public static String of(Context ctx, Clock clock, ZoneId zone) {
        String quarter = ctx.queryParam("quarter");
        if (quarter == null || quarter.isBlank()) {
            return current(clock, zone);
        }
        if (!Labels.QUARTER.matcher(quarter.trim()).matches()) {
            throw new ProblemException(400, "quarter must be a year and quarter such as 2027-Q1",
                    List.of(new FieldError("quarter", "must be a year and quarter such as 2027-Q1, got '" + quarter
                            + "'")));
        }
        return quarter.trim();
    }
}
