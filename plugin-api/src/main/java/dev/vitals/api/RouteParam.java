package dev.vitals.api;

import java.util.Objects;

/**
 * A query parameter a route reads, as the API description lists it.
 *
 * @param name the parameter's name, e.g. {@code team}
 * @param description what it selects, with an example value
 * @param required true when the route answers 400 without it
 * @param type its value's type: {@code String.class}, {@code Integer.class}, {@code Long.class},
 *     {@code Boolean.class}, {@code java.time.LocalDate.class}, {@code java.time.Instant.class} or an enum
 * @since 2.1.0
 */
public record RouteParam(String name, String description, boolean required, Class<?> type) {

    /** Checks the parts. */
    public RouteParam {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(type, "type");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a query parameter needs a name");
        }
    }

    /** @param name the name @param description what it selects @return an optional text parameter */
    public static RouteParam optional(String name, String description) {
        return new RouteParam(name, description, false, String.class);
    }

    /** @param name the name @param description what it selects @return a required text parameter */
    public static RouteParam required(String name, String description) {
        return new RouteParam(name, description, true, String.class);
    }

    /** @param valueType the type of its value @return a copy with that type */
    public RouteParam ofType(Class<?> valueType) {
        return new RouteParam(name, description, required, valueType);
    }
}
