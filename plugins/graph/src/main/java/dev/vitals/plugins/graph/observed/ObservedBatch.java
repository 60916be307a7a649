package dev.vitals.plugins.graph.observed;

import dev.vitals.api.EntityRef;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks a batch of observed edges whole: one bad item refuses all of it, naming each bad field by position. */
public final class ObservedBatch {

    private static final int MAX_REF = 200;

    private ObservedBatch() {
    }

    /**
     * @param sent the batch as sent
     * @param today the organisation's day: a later day is refused
     * @return the checked edges, in the batch's order
     * @throws ProblemException 422 naming every bad field, e.g. {@code [2].day}
     */
    public static List<ObservedCalls> check(List<SentObservedEdge> sent, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        List<ObservedCalls> checked = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < sent.size(); i++) {
            String at = "[" + i + "].";
            SentObservedEdge edge = sent.get(i);
            if (edge == null) {
                errors.add(new FieldError("[" + i + "]", "is required: an object with from, to, calls, errors, day"));
                continue;
            }
            Optional<EntityRef> from = ref(edge.from(), at + "from", errors);
            Optional<EntityRef> to = ref(edge.to(), at + "to", errors);
            Optional<LocalDate> day = day(edge.day(), at + "day", today, errors);
            long calls = count(edge.calls(), at + "calls", errors);
            long failed = count(edge.errors(), at + "errors", errors);
            if (calls >= 0 && failed > calls) {
                errors.add(new FieldError(at + "errors", "must not exceed calls (" + calls + "), got " + failed));
            }
            if (from.isPresent() && to.isPresent() && day.isPresent()) {
                if (!keys.add(from.get() + " " + to.get() + " " + day.get())) {
                    errors.add(new FieldError(at + "day", "repeats an earlier item's from, to and day; send each "
                            + "(from, to, day) once"));
                }
                checked.add(new ObservedCalls(from.get(), to.get(), calls, failed, day.get()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("nothing of the batch was stored", errors);
        }
        return checked;
    }

    private static Optional<EntityRef> ref(String text, String field, List<FieldError> errors) {
        // A callee need not be in the catalog (that is what the drift report finds), so only the length bounds it:
        // kind, namespace and name of at most 63 characters each fit.
        if (text != null && text.length() > MAX_REF) {
            errors.add(new FieldError(field, "must be an entity reference of at most " + MAX_REF
                    + " characters, got " + text.length()));
            return Optional.empty();
        }
        try {
            return Optional.of(EntityRef.parse(text, "component"));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> day(String text, String field, LocalDate today, List<FieldError> errors) {
        try {
            LocalDate day = LocalDate.parse(text == null ? "" : text.trim());
            if (day.isAfter(today)) {
                errors.add(new FieldError(field, "must not be after today (" + today + "), got " + day));
                return Optional.empty();
            }
            return Optional.of(day);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "is required: a day such as 2026-12-05, got '" + text + "'"));
            return Optional.empty();
        }
    }

    private static long count(Long value, String field, List<FieldError> errors) {
        if (value == null || value < 0) {
            errors.add(new FieldError(field, "is required: a whole number, 0 or more, got " + value));
            return -1;
        }
        return value;
    }
}
