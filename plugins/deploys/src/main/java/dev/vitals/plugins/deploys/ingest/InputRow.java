package dev.vitals.plugins.deploys.ingest;

import dev.vitals.api.FieldError;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Checks the fields of one object a caller sent, already read into a record. Every problem is collected under the
 * field's full path ({@code [3].finishedAt}) instead of stopping at the first, so the caller can fix a batch in one
 * go. The host's JSON reader has refused unknown fields and values of the wrong JSON type before this runs.
 */
public final class InputRow {

    private static final Instant FIRST_STORABLE = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant PAST_STORABLE = Instant.parse("+10000-01-01T00:00:00Z");
    private final String prefix;
    private final List<FieldError> errors;

    /**
     * @param prefix the path of the object, e.g. {@code [3]}; empty for the whole body
     * @param errors where problems are collected
     */
    public InputRow(String prefix, List<FieldError> errors) {
        this.prefix = prefix;
        this.errors = errors;
    }

    /**
     * @param element an element of a sent array; {@code null} when the caller sent {@code null} there
     * @param prefix its path
     * @param errors where problems are collected
     * @return whether it is an object to read
     */
    public static boolean present(Object element, String prefix, List<FieldError> errors) {
        if (element == null) {
            errors.add(new FieldError(prefix.isEmpty() ? "(body)" : prefix, "must be a JSON object"));
            return false;
        }
        return true;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** @param field a field of this object @return its full path */
    public String path(String field) {
        return prefix.isEmpty() ? field : prefix + "." + field;
    }

    /** @param field a field of this object @param reason what is wrong and what is expected */
    public void error(String field, String reason) {
        errors.add(new FieldError(path(field), reason));
    }

    /** @return the trimmed text, or {@code null} after recording why it cannot be used */
    public String requiredText(String field, String value, String example) {
        if (value == null) {
            error(field, "is required, e.g. " + example);
            return null;
        }
        if (value.isBlank()) {
            error(field, "must be a non-empty string, e.g. " + example);
            return null;
        }
        if (value.length() > 500) {
            error(field, "must be at most 500 characters, got " + value.length());
            return null;
        }
        return value.trim();
    }

    /** @return the trimmed text; empty when absent or blank, or after recording why it cannot be used */
    public Optional<String> optionalText(String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.length() > 500) {
            error(field, "must be at most 500 characters, got " + value.length());
            return Optional.empty();
        }
        return Optional.of(value.trim());
    }

    /** @return the time, or {@code null} after recording why it cannot be used */
    public Instant requiredInstant(String field, String value) {
        if (value == null) {
            error(field, "is required: a time with offset, e.g. 2026-03-02T14:05:00Z");
            return null;
        }
        return optionalInstant(field, value).orElse(null);
    }

    /** @return the time; empty when absent, or after recording why it cannot be used */
    public Optional<Instant> optionalInstant(String field, String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            Instant at = WireTime.parse(value.trim());
            if (inStorableYears(at)) {
                return Optional.of(at);
            }
            error(field, "must be between the years 1 and 9999, got " + value);
            return Optional.empty();
        } catch (DateTimeParseException e) {
            error(field, "must be a time with offset like 2026-03-02T14:05:00Z, got " + value);
            return Optional.empty();
        }
    }

    /**
     * Java reads times a billion years either side; PostgreSQL stores from 4713 BC to 294276 AD and knows no year 0.
     *
     * @param at a time read from input
     * @return whether it lies in the years 1 to 9999, the range every store and every page here can take
     */
    public static boolean inStorableYears(Instant at) {
        return !at.isBefore(FIRST_STORABLE) && at.isBefore(PAST_STORABLE);
    }
}
