package dev.vitals.plugins.cost.pages;

import java.util.Optional;

/**
 * A page's query parameter that could not be read: the page shows again with its defaults and the field marked, with
 * what was given and what it takes, rather than a bare error.
 *
 * @param field the parameter
 * @param given what the request held
 * @param message what it takes
 */
public record FieldProblem(String field, String given, String message) {

    /**
     * @param text the parameter's text, if given
     * @param field its name
     * @param min the least value
     * @param max the largest value
     * @return the whole number, or the problem with it; empty text is no problem (the default applies)
     */
    static Reading<Integer> wholeNumber(Optional<String> text, String field, int min, int max) {
        if (text.isEmpty() || text.get().isBlank()) {
            return new Reading<>(Optional.empty(), Optional.empty());
        }
        String given = text.get().trim();
        try {
            int value = Integer.parseInt(given);
            if (value >= min && value <= max) {
                return new Reading<>(Optional.of(value), Optional.empty());
            }
        } catch (NumberFormatException e) {
            // falls through to the problem
        }
        return new Reading<>(Optional.empty(), Optional.of(new FieldProblem(field, given,
                "must be a whole number from " + min + " to " + max + ", got '" + given + "'")));
    }

    /**
     * A parameter read: its value, or the problem, or neither when it was not given.
     *
     * @param value the value read
     * @param problem why it could not be
     */
    record Reading<T>(Optional<T> value, Optional<FieldProblem> problem) {
    }
}
