package dev.vitals.plugins.slo;

import dev.vitals.api.CatalogEntity;
import dev.vitals.api.CatalogView;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /api/slo/slos} and {@code PUT /api/slo/slos/{name}}.
 *
 * @param name the unique key: lower case letters, digits, {@code .}, {@code _}, {@code -}
 * @param service the service it belongs to (or give {@code component})
 * @param component the availability component it belongs to (or give {@code service})
 * @param objective between 0 and 1 exclusive, e.g. 0.999
 * @param window {@code 7d}, {@code 28d}, {@code 30d}, {@code month} or {@code quarter}
 * @param method {@code occurrences} or {@code timeslices}
 * @param sliceThreshold for timeslices: the highest value a good minute may have
 * @param description free text, optional
 */
public record SloInput(String name, String service, String component, Double objective, String window,
        String method, Double sliceThreshold, String description) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    /**
     * @return the SLO this input describes, its owner checked against the catalog
     * @throws ProblemException 422 naming every field at fault
     */
    Slo validate(CatalogView catalog, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            errors.add(new FieldError("name", "is required: 1 to 100 lower case letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit, got " + quoted(name)));
        }
        Optional<String> team = Optional.empty();
        boolean hasService = service != null && !service.isBlank();
        boolean hasComponent = component != null && !component.isBlank();
        if (hasService == hasComponent) {
            errors.add(new FieldError(hasService ? "component" : "service",
                    "give exactly one of service (a catalog service) or component (an availability component)"));
        } else if (hasService) {
            Optional<CatalogEntity> found = catalog.entity("component:default/" + service.trim())
                    .filter(e -> e.kind().equalsIgnoreCase("Component"));
            if (found.isEmpty()) {
                errors.add(new FieldError("service", "no service '" + service.trim() + "' in the catalog"));
            } else {
                team = found.get().owner().map(SloInput::entityName);
            }
        } else {
            Optional<CatalogEntity> found = catalog.entity("availabilitycomponent:default/" + component.trim());
            if (found.isEmpty()) {
                errors.add(new FieldError("component", "no availability component '" + component.trim()
                        + "' in the catalog"));
            } else {
                team = found.get().owner().map(SloInput::entityName);
            }
        }
        if (objective == null || !(objective > 0 && objective < 1)) {
            errors.add(new FieldError("objective", "is required: a share between 0 and 1 exclusive, e.g. 0.999, got "
                    + objective));
        }
        Optional<SloWindow> parsedWindow = SloWindow.ofCode(window);
        if (parsedWindow.isEmpty()) {
            errors.add(new FieldError("window", "must be one of 7d, 28d, 30d, month, quarter, got " + quoted(window)));
        }
        Optional<BudgetingMethod> parsedMethod = method == null ? Optional.of(BudgetingMethod.OCCURRENCES)
                : BudgetingMethod.ofCode(method);
        if (parsedMethod.isEmpty()) {
            errors.add(new FieldError("method", "must be occurrences or timeslices, got " + quoted(method)));
        } else if (parsedMethod.get() == BudgetingMethod.TIMESLICES
                && (sliceThreshold == null || sliceThreshold.isNaN() || sliceThreshold.isInfinite())) {
            errors.add(new FieldError("sliceThreshold", "is required for timeslices: the highest value of a good "
                    + "minute, e.g. 300 for p99 latency ≤ 300 ms"));
        } else if (parsedMethod.get() == BudgetingMethod.OCCURRENCES && sliceThreshold != null) {
            errors.add(new FieldError("sliceThreshold", "applies to timeslices only; leave it out for occurrences"));
        }
        if (description != null && description.length() > 2000) {
            errors.add(new FieldError("description", "must be at most 2000 characters, got " + description.length()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the SLO cannot be saved", errors);
        }
        return new Slo(name, hasService ? Optional.of(service.trim()) : Optional.empty(),
                hasComponent ? Optional.of(component.trim()) : Optional.empty(), team, objective,
                parsedWindow.orElseThrow(), parsedMethod.orElseThrow(),
                sliceThreshold == null ? OptionalDouble.empty() : OptionalDouble.of(sliceThreshold),
                Optional.ofNullable(description).filter(d -> !d.isBlank()), now);
    }

    private static String entityName(String ref) {
        return ref.substring(ref.indexOf('/') + 1);
    }

    private static String quoted(String s) {
        return s == null ? "nothing" : "'" + s + "'";
    }
}
