package dev.vitals.plugins.slo.objectives;

import dev.vitals.api.CatalogEntity;
import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /api/slo/slos} and {@code PUT /api/slo/slos/{name}}.
 *
 * @param name the unique key: lower case letters, digits, {@code .}, {@code _}, {@code -}
 * @param service the service it belongs to (or give {@code component})
 * @param component the availability component it belongs to (or give {@code service})
 * @param objective between 0 and 1 exclusive with at most 6 decimal places, e.g. 0.999; read from the JSON text
 *     exactly, never through a {@code double}
 * @param window {@code 7d}, {@code 28d}, {@code 30d}, {@code month} or {@code quarter}
 * @param method {@code occurrences} or {@code timeslices}
 * @param sliceThreshold for timeslices: the highest value a good minute may have, at most 6 decimal places
 * @param description free text, optional
 * @param prometheus PromQL queries to pull the minute data with, optional; see {@link PrometheusQueries}
 */
public record SloInput(String name, String service, String component, BigDecimal objective, String window,
        String method, BigDecimal sliceThreshold, String description, Prometheus prometheus) {

    /**
     * The queries as sent: {@code good} and {@code total} for occurrences, {@code value} for timeslices.
     *
     * @param good PromQL for the good events of each minute
     * @param total PromQL for all events of each minute
     * @param value PromQL for each minute's measurement
     */
    public record Prometheus(String good, String total, String value) {
    }

    /** The longest query accepted; longer ones are a mistake, not a query. */
    public static final int MAX_QUERY = 2000;

    /** @return the same input for another name, as {@code PUT /api/slo/slos/{name}} names it in the URL */
    public SloInput named(String other) {
        return new SloInput(other, service, component, objective, window, method, sliceThreshold, description,
                prometheus);
    }

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    /**
     * @return the SLO this input describes, its owner checked against the catalog
     * @throws ProblemException 422 naming every field at fault
     */
    public Slo validate(CatalogView catalog, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            errors.add(new FieldError("name", "is required: 1 to 100 lower case letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit, got " + quoted(name)));
        }
        Optional<String> team = Optional.empty();
        // Stored as the catalog writes the key, so the SLO is found under its service's or component's reference.
        Optional<String> owner = Optional.empty();
        boolean hasService = service != null && !service.isBlank();
        boolean hasComponent = component != null && !component.isBlank();
        if (hasService == hasComponent) {
            errors.add(new FieldError(hasService ? "component" : "service",
                    "give exactly one of service (a catalog service) or component (an availability component)"));
        } else if (hasService) {
            Optional<CatalogEntity> found = EntityRef.fromKey("component", service.trim()).flatMap(catalog::entity)
                    .filter(e -> e.kind().equalsIgnoreCase("Component"));
            if (found.isEmpty()) {
                errors.add(new FieldError("service", "no service '" + service.trim() + "' in the catalog"));
            } else {
                owner = Optional.of(found.get().ref().key());
                team = found.get().owner().map(EntityRef::key);
            }
        } else {
            Optional<CatalogEntity> found = EntityRef.fromKey("availabilitycomponent", component.trim())
                    .flatMap(catalog::entity);
            if (found.isEmpty()) {
                errors.add(new FieldError("component", "no availability component '" + component.trim()
                        + "' in the catalog"));
            } else {
                owner = Optional.of(found.get().ref().key());
                team = found.get().owner().map(EntityRef::key);
            }
        }
        ExactDecimal.objectiveFault(objective).ifPresent(fault -> errors.add(new FieldError("objective", fault)));
        Optional<SloWindow> parsedWindow = SloWindow.ofCode(window);
        if (parsedWindow.isEmpty()) {
            errors.add(new FieldError("window", "must be one of 7d, 28d, 30d, month, quarter, got " + quoted(window)));
        }
        Optional<BudgetingMethod> parsedMethod = method == null ? Optional.of(BudgetingMethod.OCCURRENCES)
                : BudgetingMethod.ofCode(method);
        if (parsedMethod.isEmpty()) {
            errors.add(new FieldError("method", "must be occurrences or timeslices, got " + quoted(method)));
        } else if (parsedMethod.get() == BudgetingMethod.TIMESLICES
                && sliceThreshold == null) {
            errors.add(new FieldError("sliceThreshold", "is required for timeslices: the highest value of a good "
                    + "minute, e.g. 300 for p99 latency ≤ 300 ms"));
        } else if (parsedMethod.get() == BudgetingMethod.OCCURRENCES && sliceThreshold != null) {
            errors.add(new FieldError("sliceThreshold", "applies to timeslices only; leave it out for occurrences"));
        } else if (sliceThreshold != null) {
            ExactDecimal.thresholdFault(sliceThreshold)
                    .ifPresent(fault -> errors.add(new FieldError("sliceThreshold", fault)));
        }
        if (description != null && description.length() > 2000) {
            errors.add(new FieldError("description", "must be at most 2000 characters, got " + description.length()));
        }
        Optional<PrometheusQueries> queries = parsedMethod.flatMap(m -> prometheus(m, errors));
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the SLO cannot be saved", errors);
        }
        return new Slo(name, hasService ? owner : Optional.empty(), hasComponent ? owner : Optional.empty(), team,
                objective, parsedWindow.orElseThrow(), parsedMethod.orElseThrow(), Optional.ofNullable(sliceThreshold),
                Optional.ofNullable(description).filter(d -> !d.isBlank()), now, queries);
    }

    private Optional<PrometheusQueries> prometheus(BudgetingMethod method, List<FieldError> errors) {
        Optional<String> good = query(prometheus == null ? null : prometheus.good(), "good", errors);
        Optional<String> total = query(prometheus == null ? null : prometheus.total(), "total", errors);
        Optional<String> value = query(prometheus == null ? null : prometheus.value(), "value", errors);
        if (good.isEmpty() && total.isEmpty() && value.isEmpty()) {
            return Optional.empty();
        }
        if (method == BudgetingMethod.OCCURRENCES) {
            if (good.isEmpty() || total.isEmpty()) {
                errors.add(new FieldError("prometheus." + (good.isEmpty() ? "good" : "total"), "is required with "
                        + "the other for occurrences: PromQL for the events of each minute, e.g. "
                        + "sum(increase(http_requests_total[1m]))"));
            }
            value.ifPresent(v -> errors.add(new FieldError("prometheus.value", "applies to timeslices; occurrences "
                    + "take good and total")));
            return Optional.of(new PrometheusQueries(good, total, Optional.empty()));
        }
        if (value.isEmpty()) {
            errors.add(new FieldError("prometheus.value", "is required for timeslices: PromQL for each minute's "
                    + "measurement, e.g. histogram_quantile(0.99, sum by (le) (rate(latency_bucket[1m])))"));
        }
        if (good.isPresent() || total.isPresent()) {
            errors.add(new FieldError("prometheus." + (good.isPresent() ? "good" : "total"), "applies to "
                    + "occurrences; timeslices take value"));
        }
        return Optional.of(new PrometheusQueries(Optional.empty(), Optional.empty(), value));
    }

    private static Optional<String> query(String text, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        if (text.length() > MAX_QUERY) {
            errors.add(new FieldError("prometheus." + field, "must be at most " + MAX_QUERY + " characters, got "
                    + text.length()));
        }
        return Optional.of(text.trim());
    }

    private static String quoted(String s) {
        return s == null ? "nothing" : "'" + s + "'";
    }
}
