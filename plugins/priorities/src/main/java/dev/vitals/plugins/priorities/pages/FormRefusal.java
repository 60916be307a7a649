package dev.vitals.plugins.priorities.pages;

import dev.vitals.api.FieldError;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Why a form on a page was not saved, to show on the page again: the problem in words, the fields at fault (each
 * input marked where it stands) and what was typed, so nothing has to be typed twice.
 *
 * @param detail the problem, e.g. "the checklist did not change"
 * @param errors the fields at fault as the initiative API names them, e.g. {@code services[1]}
 * @param values what the form sent, by field name
 */
public record FormRefusal(String detail, List<FieldError> errors, Map<String, String> values) {

    /** No refusal: the page as it is. */
    public static final FormRefusal NONE = new FormRefusal("", List.of(), Map.of());

    /** @return whether there is anything to show */
    public boolean present() {
        return !detail.isEmpty() || !errors.isEmpty();
    }

    /** @return whether the field is at fault; a list's input also for its entries, {@code services[0]} */
    public boolean invalid(String field) {
        return reason(field).isPresent();
    }

    /** @return the reasons the field is at fault, one sentence */
    public Optional<String> reason(String field) {
        List<String> reasons = errors.stream()
                .filter(e -> e.field().equals(field) || e.field().startsWith(field + "["))
                .map(e -> e.field().equals(field) ? e.reason() : e.field() + " " + e.reason()).toList();
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    /** @return what was typed in the field, or {@code fallback} */
    public String value(String field, String fallback) {
        return values.getOrDefault(field, fallback);
    }
}
