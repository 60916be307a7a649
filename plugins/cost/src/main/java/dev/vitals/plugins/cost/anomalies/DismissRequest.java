package dev.vitals.plugins.cost.anomalies;

import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Why an anomaly is dismissed.
 *
 * @param reason {@code planned} (a load test, a migration) or {@code known} (already being handled)
 * @param note what else to record, at most 1,000 characters
 */
public record DismissRequest(String reason, String note) {

    /** The reasons one may give. */
    public static final Set<String> REASONS = Set.of("planned", "known");
    private static final int MAX_NOTE = 1000;

    /** @throws ProblemException 422 naming the bad fields */
    public DismissRequest checked() {
        List<FieldError> errors = new ArrayList<>();
        String why = reason == null ? "" : reason.trim();
        if (!REASONS.contains(why)) {
            errors.add(new FieldError("reason", "must be planned or known, got '" + why + "'"));
        }
        if (note != null && note.length() > MAX_NOTE) {
            errors.add(new FieldError("note", "must be at most " + MAX_NOTE + " characters"));
        } else if (note != null && !readable(note)) {
            errors.add(new FieldError("note", "must be text without control characters or broken characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the anomaly cannot be dismissed", errors);
        }
        return new DismissRequest(why, note);
    }

    /** Text PostgreSQL stores and people read: no NUL or other control character but line breaks and tabs, and no
     * half of a surrogate pair. */
    static boolean readable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    public Optional<String> noteText() {
        return Optional.ofNullable(note).map(String::trim).filter(n -> !n.isEmpty());
    }
}
