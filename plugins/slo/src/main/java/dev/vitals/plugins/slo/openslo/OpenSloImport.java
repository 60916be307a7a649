package dev.vitals.plugins.slo.openslo;

import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.plugins.slo.objectives.BudgetingMethod;
import dev.vitals.plugins.slo.objectives.ExactDecimal;
import dev.vitals.plugins.slo.objectives.PrometheusQueries;
import dev.vitals.plugins.slo.objectives.Slo;
import dev.vitals.plugins.slo.objectives.SloInput;
import dev.vitals.plugins.slo.objectives.SloWindow;
import dev.vitals.plugins.slo.status.BurnRateAlert;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads SLOs from OpenSLO v1 documents (SLO, SLI, AlertPolicy…) and from Sloth {@code prometheus/v1} specs. A file is
 * taken whole or refused whole, with the reason for every SLO that cannot be taken.
 *
 * <p>OpenSLO's alert policies are accepted and not stored: every SLO here alerts on the multi-window burn rates of
 * {@link BurnRateAlert}. Services, data sources and notification targets are the catalog's and the deployment's
 * business, so they are passed over.
 */
public final class OpenSloImport {

    /** What a file gave. @param slos the SLOs to store @param notes what was passed over and why */
    public record Result(List<Slo> slos, List<String> notes) {
    }

    private final CatalogView catalog;
    private final Instant now;
    private final Optional<String> serviceOverride;
    private final Optional<String> componentOverride;
    private final List<FieldError> errors = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public OpenSloImport(CatalogView catalog, Instant now, Optional<String> serviceOverride,
            Optional<String> componentOverride) {
        this.catalog = catalog;
        this.now = now;
        this.serviceOverride = serviceOverride;
        this.componentOverride = componentOverride;
    }

    public Result read(String text) {
        List<Object> documents = new ArrayList<>();
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(20);
            options.setCodePointLimit(5 * 1024 * 1024);
            for (Object document : new Yaml(new ExactFloats(options)).loadAll(text)) {
                if (document instanceof List<?> list) {
                    documents.addAll(list);
                } else if (document != null) {
                    documents.add(document);
                }
            }
        } catch (YAMLException e) {
            throw ProblemException.unprocessable("the file is not YAML", List.of(new FieldError("body",
                    firstLine(e.getMessage()))));
        }
        if (documents.isEmpty()) {
            throw ProblemException.unprocessable("the file holds no document", List.of(new FieldError("body",
                    "send OpenSLO v1 or Sloth prometheus/v1 YAML")));
        }
        Map<String, Map<?, ?>> slis = new HashMap<>();
        for (Object document : documents) {
            if (document instanceof Map<?, ?> map && "SLI".equals(map.get("kind"))) {
                slis.put(string(child(map, "metadata"), "name"), map);
            }
        }
        List<Slo> slos = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            String at = "[" + i + "]";
            if (!(documents.get(i) instanceof Map<?, ?> document)) {
                errors.add(new FieldError(at, "must be a mapping with apiVersion and kind"));
                continue;
            }
            Object version = document.get("version");
            String apiVersion = String.valueOf(document.get("apiVersion"));
            if ("prometheus/v1".equals(version)) {
                sloth(document, at + ".", slos);
            } else if ("sloth.slok.dev/v1".equals(apiVersion) && "PrometheusServiceLevel".equals(document.get("kind"))) {
                sloth(child(document, "spec"), at + ".spec.", slos);
            } else if ("openslo/v1".equals(apiVersion)) {
                openSlo(document, at + ".", slis, slos);
            } else {
                errors.add(new FieldError(at + ".apiVersion", "'" + (document.get("apiVersion") == null
                        ? document.get("version") : apiVersion) + "' with kind '" + document.get("kind")
                        + "' is not an SLO this portal reads; send openslo/v1 or a Sloth prometheus/v1 spec"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("nothing of the file was imported", errors);
        }
        if (slos.isEmpty()) {
            List<String> kinds = documents.stream().map(d -> d instanceof Map<?, ?> m ? String.valueOf(m.get("kind"))
                    : "?").distinct().toList();
            throw ProblemException.unprocessable("the file defines no SLO", List.of(new FieldError("body",
                    "holds only " + String.join(", ", kinds) + " and no kind: SLO; import the file with the SLOs")));
        }
        return new Result(slos, notes);
    }

    private void openSlo(Map<?, ?> document, String at, Map<String, Map<?, ?>> slis, List<Slo> slos) {
        String kind = String.valueOf(document.get("kind"));
        String name = string(child(document, "metadata"), "name");
        switch (kind) {
            case "SLO" -> { }
            case "SLI" -> {
                return;
            }
            case "AlertPolicy", "AlertCondition", "AlertNotificationTarget" -> {
                notes.add(kind + " " + name + " passed over: alerts follow the multi-window burn-rate rules");
                return;
            }
            case "Service", "DataSource" -> {
                notes.add(kind + " " + name + " passed over: the catalog and the deployment define these");
                return;
            }
            default -> {
                errors.add(new FieldError(at + "kind", "'" + kind + "' is not an OpenSLO v1 kind"));
                return;
            }
        }
        Map<?, ?> spec = child(document, "spec");
        int before = errors.size();
        String sloName = checkedName(name, at + "metadata.name");
        Map<?, ?> indicator = child(spec, "indicator");
        if (indicator.isEmpty() && spec.get("indicatorRef") != null) {
            indicator = slis.getOrDefault(String.valueOf(spec.get("indicatorRef")), Map.of());
            if (indicator.isEmpty()) {
                errors.add(new FieldError(at + "spec.indicatorRef", "no SLI named '" + spec.get("indicatorRef")
                        + "' in this file"));
            }
        }
        List<?> windows = list(spec, "timeWindow");
        SloWindow window = null;
        if (windows.size() != 1 || !(windows.get(0) instanceof Map<?, ?> tw)) {
            errors.add(new FieldError(at + "spec.timeWindow", "must hold exactly one window, e.g. "
                    + "[{duration: 30d, isRolling: true}], got " + windows.size()));
        } else {
            window = window(String.valueOf(tw.get("duration")), !Boolean.FALSE.equals(tw.get("isRolling")),
                    at + "spec.timeWindow[0].duration");
        }
        List<?> objectives = list(spec, "objectives");
        BigDecimal objective = null;
        Map<?, ?> first = objectives.isEmpty() || !(objectives.get(0) instanceof Map<?, ?> o) ? Map.of() : o;
        if (first.isEmpty()) {
            errors.add(new FieldError(at + "spec.objectives", "must hold at least one objective"));
        } else {
            objective = number(first.get("target"));
            String key = "target";
            if (objective == null && number(first.get("targetPercent")) != null) {
                objective = number(first.get("targetPercent")).movePointLeft(2);
                key = "targetPercent";
            }
            String field = at + "spec.objectives[0]." + key;
            if (objective == null || objective.signum() <= 0 || objective.compareTo(BigDecimal.ONE) >= 0) {
                errors.add(new FieldError(field, key.equals("target") ? "must be a share between 0 and 1, got "
                        + first.get("target") : "must be a percentage between 0 and 100, got "
                        + first.get("targetPercent")));
            } else {
                String found = field;
                ExactDecimal.objectiveFault(objective).ifPresent(f -> errors.add(new FieldError(found, f)));
            }
            if (objectives.size() > 1) {
                notes.add("SLO " + name + ": only the first of " + objectives.size() + " objectives imported");
            }
        }
        String method = String.valueOf(spec.get("budgetingMethod"));
        BudgetingMethod budgeting = null;
        BigDecimal threshold = null;
        Map<?, ?> indicatorSpec = child(indicator, "spec");
        if ("Occurrences".equals(method)) {
            budgeting = BudgetingMethod.OCCURRENCES;
            if (indicatorSpec.get("ratioMetric") == null && !indicator.isEmpty()) {
                errors.add(new FieldError(at + "spec.indicator.spec", "Occurrences needs a ratioMetric (good or bad "
                        + "over total events)"));
            }
        } else if ("Timeslices".equals(method)) {
            budgeting = BudgetingMethod.TIMESLICES;
            String op = String.valueOf(first.get("op"));
            threshold = number(first.get("value"));
            if (indicatorSpec.get("thresholdMetric") == null || threshold == null
                    || !(op.equals("lte") || op.equals("lt"))) {
                errors.add(new FieldError(at + "spec.budgetingMethod", "Timeslices are read as 'a minute is good when "
                        + "its value is at most the threshold': the SLI needs a thresholdMetric and the objective "
                        + "op lte and a value; a ratio judged per slice (timeSliceTarget) is not supported"));
            } else if (first.get("timeSliceWindow") != null
                    && !"1m".equals(String.valueOf(first.get("timeSliceWindow")))) {
                errors.add(new FieldError(at + "spec.objectives[0].timeSliceWindow", "must be 1m, got "
                        + first.get("timeSliceWindow")));
            } else {
                ExactDecimal.thresholdFault(threshold)
                        .ifPresent(f -> errors.add(new FieldError(at + "spec.objectives[0].value", f)));
            }
        } else {
            errors.add(new FieldError(at + "spec.budgetingMethod", "must be Occurrences or Timeslices, got '" + method
                    + "'"));
        }
        Owner owner = owner(string(spec, "service"), at + "spec.service");
        if (errors.size() == before) {
            slos.add(new Slo(sloName, owner.service, owner.component, owner.team, objective, window, budgeting,
                    Optional.ofNullable(threshold),
                    Optional.ofNullable(spec.get("description")).map(String::valueOf), now,
                    prometheus(sloName, budgeting, indicatorSpec)));
        }
    }

    /** A plain series selector, which {@code increase(…[1m])} can take as it is. */
    private static final java.util.regex.Pattern SELECTOR =
            java.util.regex.Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{[^{}]*\\})?");

    /**
     * The SLI's Prometheus queries where they map onto minute data: a counter (ratioMetric {@code counter: true})
     * that is a plain selector becomes {@code sum(increase(selector[1m]))}; queries that are not counters are taken
     * as the events of each minute; a thresholdMetric as each minute's measurement. Anything else is noted and left
     * for the form.
     */
    private Optional<PrometheusQueries> prometheus(String slo, BudgetingMethod method, Map<?, ?> indicatorSpec) {
        if (method == BudgetingMethod.TIMESLICES) {
            return promQl(child(indicatorSpec, "thresholdMetric")).map(PrometheusQueries::measurement);
        }
        Map<?, ?> ratio = child(indicatorSpec, "ratioMetric");
        Optional<String> good = promQl(child(ratio, "good"));
        Optional<String> total = promQl(child(ratio, "total"));
        if (good.isEmpty() || total.isEmpty()) {
            if (ratio.get("bad") != null && total.isPresent()) {
                notes.add("SLO " + slo + ": Prometheus queries not imported: the portal pulls good and total, "
                        + "not bad; set them on the SLO's edit form");
            }
            return Optional.empty();
        }
        if (!Boolean.TRUE.equals(ratio.get("counter"))) {
            notes.add("SLO " + slo + ": Prometheus queries imported as they are; each must return the events of one "
                    + "minute");
            return Optional.of(PrometheusQueries.events(good.get(), total.get()));
        }
        if (SELECTOR.matcher(good.get()).matches() && SELECTOR.matcher(total.get()).matches()) {
            notes.add("SLO " + slo + ": Prometheus counters read as sum(increase(…[1m])) per minute");
            return Optional.of(PrometheusQueries.events("sum(increase(" + good.get() + "[1m]))",
                    "sum(increase(" + total.get() + "[1m]))"));
        }
        notes.add("SLO " + slo + ": Prometheus counter queries not imported: only plain series selectors are turned "
                + "into per-minute increases; set the queries on the SLO's edit form");
        return Optional.empty();
    }

    private static Optional<String> promQl(Map<?, ?> metric) {
        Map<?, ?> source = child(metric, "metricSource");
        if (!"prometheus".equalsIgnoreCase(String.valueOf(source.get("type")))) {
            return Optional.empty();
        }
        return Optional.ofNullable(child(source, "spec").get("query")).map(String::valueOf).map(String::trim)
                .filter(q -> !q.isEmpty() && q.length() <= SloInput.MAX_QUERY);
    }

    private void sloth(Map<?, ?> spec, String at, List<Slo> slos) {
        String service = string(spec, "service");
        List<?> entries = list(spec, "slos");
        if (entries.isEmpty()) {
            errors.add(new FieldError(at + "slos", "must hold at least one SLO"));
        }
        for (int i = 0; i < entries.size(); i++) {
            String here = at + "slos[" + i + "].";
            Map<?, ?> entry = entries.get(i) instanceof Map<?, ?> m ? m : Map.of();
            int before = errors.size();
            String name = checkedName(service + "-" + string(entry, "name"), here + "name");
            BigDecimal percent = number(entry.get("objective"));
            if (percent == null || percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) >= 0) {
                errors.add(new FieldError(here + "objective", "must be a percentage between 0 and 100, got "
                        + entry.get("objective")));
            } else if (percent.stripTrailingZeros().scale() > ExactDecimal.MAX_PLACES - 2) {
                errors.add(new FieldError(here + "objective", "must have at most " + (ExactDecimal.MAX_PLACES - 2)
                        + " decimal places, e.g. 99.9999, got " + entry.get("objective")));
            }
            Map<?, ?> sli = child(entry, "sli");
            if (sli.get("events") == null && sli.get("raw") == null && sli.get("plugin") == null) {
                errors.add(new FieldError(here + "sli", "must give events, raw or plugin"));
            }
            Owner owner = owner(service, at + "service");
            if (errors.size() == before) {
                slos.add(new Slo(name, owner.service, owner.component, owner.team, percent.movePointLeft(2),
                        SloWindow.ROLLING_30D, BudgetingMethod.OCCURRENCES, Optional.empty(),
                        Optional.ofNullable(entry.get("description")).map(String::valueOf), now));
            }
        }
    }

    private record Owner(Optional<String> service, Optional<String> component, Optional<String> team) {
    }

    private Owner owner(String named, String field) {
        Optional<String> service = serviceOverride.or(() -> componentOverride.isPresent() ? Optional.empty()
                : Optional.ofNullable(named));
        if (componentOverride.isPresent()) {
            return EntityRef.fromKey("availabilitycomponent", componentOverride.get()).flatMap(catalog::entity)
                    .map(e -> new Owner(Optional.empty(), Optional.of(e.ref().key()),
                            e.owner().map(EntityRef::key)))
                    .orElseGet(() -> missing(field, "no availability component '" + componentOverride.get() + "'"));
        }
        if (service.isEmpty()) {
            return missing(field, "is required: the service the SLO belongs to");
        }
        var asService = EntityRef.fromKey("component", service.get()).flatMap(catalog::entity)
                .filter(e -> e.kind().equalsIgnoreCase("Component"));
        if (asService.isPresent()) {
            return new Owner(Optional.of(asService.get().ref().key()), Optional.empty(),
                    asService.get().owner().map(EntityRef::key));
        }
        var asComponent = EntityRef.fromKey("availabilitycomponent", service.get())
                .flatMap(catalog::entity);
        if (asComponent.isPresent()) {
            return new Owner(Optional.empty(), Optional.of(asComponent.get().ref().key()),
                    asComponent.get().owner().map(EntityRef::key));
        }
        return missing(field, "no service or availability component '" + service.get() + "' in the catalog; "
                + "add ?service=<key> to import into another one");
    }

    private Owner missing(String field, String reason) {
        errors.add(new FieldError(field, reason));
        return new Owner(Optional.empty(), Optional.empty(), Optional.empty());
    }

    private SloWindow window(String duration, boolean rolling, String field) {
        Map<String, SloWindow> known = new LinkedHashMap<>();
        if (rolling) {
            known.put("7d", SloWindow.ROLLING_7D);
            known.put("1w", SloWindow.ROLLING_7D);
            known.put("28d", SloWindow.ROLLING_28D);
            known.put("4w", SloWindow.ROLLING_28D);
            known.put("30d", SloWindow.ROLLING_30D);
        } else {
            known.put("1M", SloWindow.CALENDAR_MONTH);
            known.put("1Q", SloWindow.CALENDAR_QUARTER);
            known.put("3M", SloWindow.CALENDAR_QUARTER);
        }
        SloWindow window = known.get(duration);
        if (window == null) {
            errors.add(new FieldError(field, (rolling ? "a rolling window" : "a calendar window") + " must be one of "
                    + String.join(", ", known.keySet()) + ", got '" + duration + "'"));
        }
        return window;
    }

    private String checkedName(String name, String field) {
        if (name == null || !name.matches("[a-z0-9][a-z0-9._-]{0,99}")) {
            errors.add(new FieldError(field, "must be 1 to 100 lower case letters, digits, '.', '_' or '-', got '"
                    + name + "'"));
        }
        return name;
    }

    private static Map<?, ?> child(Map<?, ?> map, String key) {
        return map.get(key) instanceof Map<?, ?> m ? m : Map.of();
    }

    private static List<?> list(Map<?, ?> map, String key) {
        return map.get(key) instanceof List<?> l ? l : List.of();
    }

    private static String string(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value == null ? null : String.valueOf(value);
    }

    /** @return a YAML number as the decimal it was written as; empty for .inf and .nan */
    private static BigDecimal number(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        return value instanceof Integer || value instanceof Long ? BigDecimal.valueOf(((Number) value).longValue())
                : null;
    }

    /**
     * Reads YAML floats from their text as {@link BigDecimal}, so {@code target: 0.999} is 0.999 and not the double
     * nearest to it. What is no decimal (.inf, .nan, 1:30.5 of YAML 1.1) is read as SnakeYAML reads it.
     */
    private static final class ExactFloats extends SafeConstructor {

        ExactFloats(LoaderOptions options) {
            super(options);
            AbstractConstruct asDouble = new ConstructYamlFloat();
            yamlConstructors.put(Tag.FLOAT, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String text = ((ScalarNode) node).getValue().replace("_", "");
                    try {
                        return new BigDecimal(text);
                    } catch (NumberFormatException e) {
                        return asDouble.construct(node);
                    }
                }
            });
        }
    }

    private static String firstLine(String message) {
        return message == null ? "cannot be read" : message.lines().findFirst().orElse(message);
    }
}
