package dev.vitals.plugins.deploys.ingest;

import dev.vitals.api.FieldError;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One object of a posted JSON body, read field by field. Every problem is collected under the field's full path
 * ({@code [3].finishedAt}) instead of stopping at the first, so the caller can fix a batch in one go.
 */
public final class JsonRow {

    private final Map<?, ?> values;
    private final String prefix;
    private final List<FieldError> errors;

    public JsonRow(Map<?, ?> values, String prefix, List<FieldError> errors) {
        this.values = values;
        this.prefix = prefix;
        this.errors = errors;
    }

    /** Reads an element of a posted array as a row, or records that it is not an object. */
    public static Optional<JsonRow> of(Object element, String prefix, List<FieldError> errors) {
        if (element instanceof Map<?, ?> map) {
            return Optional.of(new JsonRow(map, prefix, errors));
        }
        errors.add(new FieldError(prefix.isEmpty() ? "$" : prefix, "must be a JSON object"));
        return Optional.empty();
    }

    public List<FieldError> errors() {
        return errors;
    }

    public String path(String field) {
        return prefix.isEmpty() ? field : prefix + "." + field;
    }

    public void error(String field, String reason) {
        errors.add(new FieldError(path(field), reason));
    }

    public String requiredText(String field, String example) {
        Object value = values.get(field);
        if (value == null) {
            error(field, "is required, e.g. " + example);
            return null;
        }
        if (!(value instanceof String text) || text.isBlank()) {
            error(field, "must be a non-empty string, e.g. " + example);
            return null;
        }
        if (text.length() > 500) {
            error(field, "must be at most 500 characters, got " + text.length());
            return null;
        }
        return text.trim();
    }

    public Optional<String> optionalText(String field) {
        Object value = values.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            error(field, "must be a string or absent");
            return Optional.empty();
        }
        if (text.length() > 500) {
            error(field, "must be at most 500 characters, got " + text.length());
            return Optional.empty();
        }
        return text.isBlank() ? Optional.empty() : Optional.of(text.trim());
    }

    public Instant requiredInstant(String field) {
        if (values.get(field) == null) {
            error(field, "is required: a time with offset, e.g. 2026-03-02T14:05:00Z");
            return null;
        }
        return optionalInstant(field).orElse(null);
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

    private static final Instant FIRST_STORABLE = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant PAST_STORABLE = Instant.parse("+10000-01-01T00:00:00Z");

    public Optional<Instant> optionalInstant(String field) {
        Object value = values.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String text) {
            try {
                Instant at = OffsetDateTime.parse(text.trim()).toInstant();
                if (inStorableYears(at)) {
                    return Optional.of(at);
                }
                error(field, "must be between the years 1 and 9999, got " + text);
                return Optional.empty();
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        error(field, "must be a time with offset like 2026-03-02T14:05:00Z, got " + value);
        return Optional.empty();
    }

    /** The elements of an array field; absent means none. */
    public List<?> list(String field) {
        Object value = values.get(field);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list;
        }
        error(field, "must be an array");
        return List.of();
    }
}
