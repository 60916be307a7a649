package dev.vitals.plugins.slo.pages;

import dev.vitals.api.CatalogView;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.plugins.slo.objectives.BudgetingMethod;
import dev.vitals.plugins.slo.objectives.ExactDecimal;
import dev.vitals.plugins.slo.objectives.Slo;
import dev.vitals.plugins.slo.objectives.SloInput;
import dev.vitals.plugins.slo.objectives.SloWindow;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SLO form of the pages: the values as typed, kept when it comes back with errors, and what is wrong next to
 * each field. Its fields carry the API's names, so the API's field errors land beside the right input. The objective
 * is typed as a percentage (99.9), as people say it, where the API takes a share (0.999).
 *
 * @param values the text of each field
 * @param errors what is wrong with each field at fault
 */
public record SloForm(Map<String, String> values, Map<String, String> errors) {

    static final List<String> FIELDS = List.of("name", "service", "component", "objective", "window", "method",
            "sliceThreshold", "description", "prometheus.good", "prometheus.total", "prometheus.value");

    /** An empty form, the owner filled in when the page was opened from a service or component. */
    static SloForm blank(Optional<String> service, Optional<String> component) {
        Map<String, String> values = new HashMap<>();
        service.ifPresent(s -> values.put("service", s));
        component.ifPresent(c -> values.put("component", c));
        values.put("window", SloWindow.ROLLING_30D.code());
        values.put("method", BudgetingMethod.OCCURRENCES.code());
        return new SloForm(values, Map.of());
    }

    /** The form for editing a stored SLO. */
    public static SloForm of(Slo slo) {
        Map<String, String> values = new HashMap<>();
        values.put("name", slo.name());
        slo.service().ifPresent(s -> values.put("service", s));
        slo.component().ifPresent(c -> values.put("component", c));
        values.put("objective", ExactDecimal.normal(slo.objective().movePointRight(2)).toPlainString());
        values.put("window", slo.window().code());
        values.put("method", slo.method().code());
        slo.sliceThreshold().ifPresent(t -> values.put("sliceThreshold", t.toPlainString()));
        slo.description().ifPresent(d -> values.put("description", d));
        slo.prometheus().ifPresent(p -> {
            p.good().ifPresent(q -> values.put("prometheus.good", q));
            p.total().ifPresent(q -> values.put("prometheus.total", q));
            p.value().ifPresent(q -> values.put("prometheus.value", q));
        });
        return new SloForm(values, Map.of());
    }

    /** The form as the browser submitted it. */
    static SloForm submitted(Context ctx) {
        Map<String, String> values = new HashMap<>();
        for (String field : FIELDS) {
            String value = ctx.formParam(field);
            if (value != null) {
                values.put(field, value);
            }
        }
        return new SloForm(values, Map.of());
    }

    /** @return the same form for the SLO of that name: the edit form does not send the name it cannot change */
    SloForm named(String name) {
        Map<String, String> named = new HashMap<>(values);
        named.put("name", name);
        return new SloForm(named, errors);
    }

    /** @return the text of a field, empty when it has none */
    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean invalid(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.getOrDefault(field, "");
    }

    /**
     * Reads the form as the API's input. Numbers that are not numbers are reported along with every other mistake
     * {@link SloInput#validate} finds, so one round trip shows them all.
     *
     * @throws ProblemException 422 naming the fields at fault
     */
    public SloInput input(CatalogView catalog, Instant now) {
        List<FieldError> unreadable = new ArrayList<>();
        Optional<BigDecimal> percent = number("objective", unreadable);
        if (percent.isPresent() && percent.get().signum() > 0 && percent.get().compareTo(BigDecimal.ONE) < 0) {
            // 0.999 typed as a share would silently become an objective under 1 %.
            unreadable.add(new FieldError("objective", "is a percentage: " + percent.get().toPlainString()
                    + " would mean under 1 %; for 99.9 % type 99.9"));
        }
        BigDecimal objective = percent.map(n -> n.movePointLeft(2)).orElse(null);
        BigDecimal threshold = number("sliceThreshold", unreadable).orElse(null);
        SloInput input = new SloInput(text("name"), text("service"), text("component"), objective, text("window"),
                text("method"), threshold, text("description"), new SloInput.Prometheus(text("prometheus.good"),
                        text("prometheus.total"), text("prometheus.value")));
        if (!unreadable.isEmpty()) {
            List<FieldError> all = new ArrayList<>(unreadable);
            Set<String> fields = Set.copyOf(unreadable.stream().map(FieldError::field).toList());
            try {
                input.validate(catalog, now);
            } catch (ProblemException e) {
                e.errors().stream().filter(f -> !fields.contains(f.field())).forEach(all::add);
            }
            throw ProblemException.unprocessable("the SLO cannot be saved", all);
        }
        return input;
    }

    /** @return the same values with the errors beside their fields; the objective's in the form's own terms */
    SloForm withErrors(List<FieldError> found) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldError error : found) {
            String reason = error.reason();
            if (error.field().equals("objective") && reason.startsWith("must have at most")) {
                reason = "must have at most " + (ExactDecimal.MAX_PLACES - 2) + " decimal places as a percentage, "
                        + "e.g. 99.9999, got '" + value("objective") + "'";
            } else if (error.field().equals("objective") && !reason.startsWith("must be a number")
                    && !reason.startsWith("is a percentage")) {
                reason = value("objective").isBlank() ? "is required: a percentage between 0 and 100 exclusive, "
                        + "e.g. 99.9" : "must be a percentage between 0 and 100 exclusive, e.g. 99.9, got '"
                        + value("objective") + "'";
            }
            byField.merge(error.field(), reason, (a, b) -> a + "; " + b);
        }
        return new SloForm(values, byField);
    }

    private String text(String field) {
        String value = values.get(field);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private Optional<BigDecimal> number(String field, List<FieldError> unreadable) {
        String text = text(field);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(text.replace("%", "").trim()));
        } catch (NumberFormatException e) {
            unreadable.add(new FieldError(field, "must be a number such as " + (field.equals("objective") ? "99.9"
                    : "300") + ", got '" + text + "'"));
            return Optional.empty();
        }
    }
}
