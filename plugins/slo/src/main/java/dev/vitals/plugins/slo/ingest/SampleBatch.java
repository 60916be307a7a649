package dev.vitals.plugins.slo.ingest;

import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.plugins.slo.objectives.BudgetingMethod;
import dev.vitals.plugins.slo.objectives.Slo;
import dev.vitals.plugins.slo.samples.Sample;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks a whole batch of {@code POST /api/slo/samples} before anything of it is written. */
public final class SampleBatch {

    /** Clocks disagree a little; a minute further ahead than this is a mistake. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private SampleBatch() {
    }

    /**
     * @param rows the batch as sent
     * @param known the SLOs the batch names that exist
     * @param now the portal's time
     * @return the samples, in the batch's order
     * @throws ProblemException 422 naming every row and field at fault
     */
    public static List<Sample> validate(List<SampleRow> rows, Map<String, Slo> known, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        List<Sample> samples = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            SampleRow row = rows.get(i);
            String at = "[" + i + "].";
            if (row == null) {
                errors.add(new FieldError("[" + i + "]", "must be an object"));
                continue;
            }
            Slo slo = row.slo() == null ? null : known.get(row.slo());
            if (slo == null) {
                errors.add(new FieldError(at + "slo", row.slo() == null ? "is required: the SLO's name"
                        : "no SLO named '" + row.slo() + "'; create it first with POST /api/slo/slos"));
            }
            Instant minute = minute(row.minute(), now, at, errors);
            if (slo == null) {
                continue;
            }
            if (slo.method() == BudgetingMethod.OCCURRENCES) {
                checkCount(row.good(), at + "good", errors);
                checkCount(row.total(), at + "total", errors);
                if (row.good() != null && row.total() != null && row.good() >= 0 && row.total() >= 0
                        && row.good() > row.total()) {
                    errors.add(new FieldError(at + "good", "must not exceed total (" + row.total() + "), got "
                            + row.good()));
                }
                if (row.value() != null) {
                    errors.add(new FieldError(at + "value", "SLO '" + slo.name() + "' counts occurrences: send good "
                            + "and total, not value"));
                }
            } else {
                if (row.value() == null || row.value().isNaN() || row.value().isInfinite()) {
                    errors.add(new FieldError(at + "value", "is required for timeslices SLO '" + slo.name()
                            + "': the minute's measurement"));
                } else if (row.value() < 0) {
                    errors.add(new FieldError(at + "value", "must not be negative, got " + row.value()));
                }
                if (row.good() != null || row.total() != null) {
                    errors.add(new FieldError(at + (row.good() != null ? "good" : "total"), "SLO '" + slo.name()
                            + "' uses timeslices: send value, not good and total"));
                }
            }
            if (minute != null) {
                samples.add(new Sample(slo.name(), minute, row.good(), row.total(), row.value()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("nothing of the batch was stored: fix the rows named and send it "
                    + "again", errors);
        }
        return samples;
    }

    private static final Instant EARLIEST = Instant.EPOCH;

    private static Instant minute(String text, Instant now, String at, List<FieldError> errors) {
        if (text == null) {
            errors.add(new FieldError(at + "minute", "is required: the minute's start, e.g. 2026-11-01T10:04:00Z"));
            return null;
        }
        Instant minute;
        try {
            minute = Instant.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(at + "minute", "must be an ISO-8601 instant such as 2026-11-01T10:04:00Z, got '"
                    + text + "'"));
            return null;
        }
        if (minute.isBefore(EARLIEST)) {
            // Java reads years PostgreSQL cannot store (year 0, a billion years back); no minute of data predates 1970.
            errors.add(new FieldError(at + "minute", "must be in the year 1970 or later, got " + text));
            return null;
        }
        if (!minute.truncatedTo(ChronoUnit.MINUTES).equals(minute)) {
            errors.add(new FieldError(at + "minute", "must be on a minute boundary, got " + text));
            return null;
        }
        if (minute.isAfter(now.plus(FUTURE_TOLERANCE))) {
            errors.add(new FieldError(at + "minute", "must not be more than 5 minutes in the future, got " + text));
            return null;
        }
        return minute;
    }

    private static void checkCount(Long n, String field, List<FieldError> errors) {
        if (n == null) {
            errors.add(new FieldError(field, "is required for occurrences"));
        } else if (n < 0) {
            errors.add(new FieldError(field, "must not be negative, got " + n));
        }
    }
}
