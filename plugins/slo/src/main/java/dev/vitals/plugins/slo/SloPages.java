package dev.vitals.plugins.slo;

import dev.vitals.api.CatalogEntity;
import dev.vitals.api.Page;
import dev.vitals.api.PluginContext;
import gg.jte.Content;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The SLO overview, the detail of one SLO and the SLO tab of a service. */
final class SloPages {

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html,
            SloPages.class.getClassLoader(), "dev.vitals.plugins.slo.jte");
    static final int PAGE_SIZE = 25;
    /** The spans the detail page offers for its chart. */
    static final List<String> RANGES = List.of("7d", "30d", "90d");

    private final SloRepository slos;
    private final SampleRepository samples;
    private final SloEvaluator evaluator;
    private final AlertLog alerts;
    private final PluginContext context;

    SloPages(SloRepository slos, SampleRepository samples, SloEvaluator evaluator, AlertLog alerts,
            PluginContext context) {
        this.alerts = alerts;
        this.slos = slos;
        this.samples = samples;
        this.evaluator = evaluator;
        this.context = context;
    }

    Page overview(Context ctx) {
        String team = blankToNull(ctx.queryParam("team"));
        String component = blankToNull(ctx.queryParam("component"));
        String sort = "name".equals(ctx.queryParam("sort")) ? "name" : "budget";
        int page = SloPlugin.intParam(ctx, "page", 1, 1, 1_000_000);
        List<Slo> all = slos.all();
        Set<String> teams = all.stream().flatMap(s -> s.team().stream()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> components = all.stream().flatMap(s -> s.component().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        List<Slo> chosen = all.stream().filter(s -> team == null || team.equals(s.team().orElse(null))).toList();
        if (component != null) {
            Set<String> services = context.catalog().servicesOf("availabilitycomponent:default/" + component).stream()
                    .map(CatalogEntity::name).collect(Collectors.toSet());
            chosen = chosen.stream().filter(s -> component.equals(s.component().orElse(null))
                    || s.service().map(services::contains).orElse(false)).toList();
        }
        Instant now = context.clock().instant();
        Map<String, SloStatus> statuses = evaluator.statuses(chosen, now);
        List<SloRow> rows = chosen.stream().map(s -> statuses.get(s.name()))
                .map(status -> new SloRow(status, BudgetPolicy.of(status))).sorted("name".equals(sort)
                ? Comparator.comparing((SloRow r) -> r.slo().name())
                : Comparator.comparingDouble(SloRow::remainingOrMax).thenComparing(r -> r.slo().name())).toList();
        int pages = Math.max(1, (rows.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(page, pages);
        List<SloRow> pageRows = rows.subList((shown - 1) * PAGE_SIZE, Math.min(rows.size(), shown * PAGE_SIZE));
        Map<String, Object> params = new HashMap<>();
        params.put("rows", pageRows);
        params.put("total", rows.size());
        params.put("anySlo", !all.isEmpty());
        params.put("teams", teams);
        params.put("components", components);
        params.put("team", team == null ? "" : team);
        params.put("component", component == null ? "" : component);
        params.put("sort", sort);
        params.put("page", shown);
        params.put("pages", pages);
        params.put("query", "team=" + (team == null ? "" : team) + "&component=" + (component == null ? "" : component)
                + "&sort=" + sort);
        return new Page("SLOs", render("overview.jte", params));
    }

    Page detail(Context ctx, Slo slo) {
        Instant at = AtParameter.of(ctx, context.clock());
        // List.of(...).contains(null) throws, so an absent parameter is checked first.
        String asked = ctx.queryParam("range");
        String range = asked != null && RANGES.contains(asked) ? asked : "30d";
        SloStatus status = evaluator.status(slo, at);
        Map<String, Object> params = new HashMap<>();
        params.put("row", new SloRow(status, BudgetPolicy.of(status)));
        params.put("chart", BurnDownChart.of(slo, at, Duration.ofDays(Long.parseLong(range.replace("d", ""))),
                samples, context.orgTimeZone()));
        params.put("range", range);
        params.put("ranges", RANGES);
        params.put("at", ctx.queryParam("at") == null ? "" : ctx.queryParam("at"));
        params.put("scalingRule", BurnRateAlert.SCALING_RULE);
        params.put("history", alerts.latest(slo.name(), 20));
        return new Page("SLO " + slo.name(), render("detail.jte", params));
    }

    Content serviceTab(String service) {
        Instant now = context.clock().instant();
        return render("service-tab.jte", Map.of("service", service,
                "rows", slos.ofService(service).stream().map(s -> row(s, now)).toList()));
    }

    /** The dashboard of one availability component: its verdict rolled up from its own and its services' SLOs. */
    Page component(Context ctx, String component) {
        Instant now = context.clock().instant();
        if (context.catalog().entity("availabilitycomponent:default/" + component).isEmpty()) {
            return notFound(ctx, "No availability component '" + component + "' in the catalog.");
        }
        List<SloRow> rows = scope(Optional.of(component), Optional.empty()).stream().map(s -> row(s, now))
                .sorted(Comparator.comparingDouble(SloRow::remainingOrMax)).toList();
        BudgetPolicy verdict = BudgetPolicy.worst(rows.stream().map(SloRow::verdict).toList());
        return new Page("Availability component " + component, render("component.jte", Map.of("component", component,
                "rows", rows, "verdict", verdict, "statusClass", "status status-"
                        + verdict.status().name().toLowerCase(java.util.Locale.ROOT))));
    }

    Page review(Context ctx) {
        Optional<String> component = Optional.ofNullable(blankToNull(ctx.queryParam("component")));
        Optional<String> program = Optional.ofNullable(blankToNull(ctx.queryParam("program")));
        YearMonth month = month(ctx);
        MonthlyReview review = MonthlyReview.of(month, scope(component, program), samples, alerts,
                context.orgTimeZone());
        Map<String, Object> params = new HashMap<>();
        params.put("review", review);
        params.put("component", component.orElse(""));
        params.put("program", program.orElse(""));
        params.put("components", slos.all().stream().flatMap(s -> s.component().stream())
                .collect(Collectors.toCollection(TreeSet::new)));
        params.put("csv", "/api/slo/review.csv?component=" + component.orElse("") + "&program=" + program.orElse("")
                + "&month=" + month);
        return new Page("Monthly SLO review " + month, render("review.jte", params));
    }

    String reviewCsv(Context ctx) {
        return MonthlyReview.of(month(ctx), scope(Optional.ofNullable(blankToNull(ctx.queryParam("component"))),
                Optional.ofNullable(blankToNull(ctx.queryParam("program")))), samples, alerts, context.orgTimeZone())
                .csv();
    }

    private YearMonth month(Context ctx) {
        String text = blankToNull(ctx.queryParam("month"));
        if (text == null) {
            return YearMonth.from(context.clock().instant().atZone(context.orgTimeZone())).minusMonths(1);
        }
        try {
            return YearMonth.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new dev.vitals.api.ProblemException(400, "the query parameter 'month' is not a month", List.of(
                    new dev.vitals.api.FieldError("month", "must look like 2026-10, got '" + text + "'")));
        }
    }

    /**
     * The SLOs a component or program stands for: a component's own SLOs and those of its services; a program's
     * services' SLOs; every SLO when neither is given.
     */
    List<Slo> scope(Optional<String> component, Optional<String> program) {
        List<Slo> all = slos.all();
        if (component.isEmpty() && program.isEmpty()) {
            return all;
        }
        Set<String> services = new java.util.HashSet<>();
        component.ifPresent(c -> context.catalog().servicesOf("availabilitycomponent:default/" + c)
                .forEach(e -> services.add(e.name())));
        program.ifPresent(p -> context.catalog().servicesOf("program:default/" + p)
                .forEach(e -> services.add(e.name())));
        return all.stream().filter(s -> s.service().map(services::contains).orElse(false)
                || (component.isPresent() && component.equals(s.component()))).toList();
    }

    /** A page that says what is missing; the host would show a thrown error as a failure of the plugin. */
    static Page notFound(Context ctx, String what) {
        ctx.status(404);
        return new Page("Not found", render("not-found.jte", Map.of("what", what)));
    }

    private SloRow row(Slo slo, Instant at) {
        SloStatus status = evaluator.status(slo, at);
        return new SloRow(status, BudgetPolicy.of(status));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Content render(String template, Map<String, Object> params) {
        return output -> TEMPLATES.render(template, params, output);
    }
}
