package dev.vitals.plugins.slo;

import dev.vitals.api.CatalogEntity;
import dev.vitals.api.EntityRef;
import dev.vitals.api.Page;
import dev.vitals.api.PluginContext;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.Role;
import gg.jte.Content;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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

    /** How the overview says when its figures were computed, in the organisation's time zone. */
    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);

    private final SloRepository slos;
    private final LatestStatuses latest;
    private final SampleRepository samples;
    private final SloEvaluator evaluator;
    private final AlertLog alerts;
    private final PullLog pulls;
    private final PluginContext context;

    SloPages(SloRepository slos, LatestStatuses latest, SampleRepository samples, SloEvaluator evaluator,
            AlertLog alerts, PullLog pulls, PluginContext context) {
        this.alerts = alerts;
        this.pulls = pulls;
        this.slos = slos;
        this.latest = latest;
        this.samples = samples;
        this.evaluator = evaluator;
        this.context = context;
    }

    Page overview(Context ctx) {
        Optional<String> team = Optional.ofNullable(blankToNull(ctx.queryParam("team")));
        Optional<String> component = Optional.ofNullable(blankToNull(ctx.queryParam("component")));
        String sort = "name".equals(ctx.queryParam("sort")) ? "name" : "budget";
        int page = SloPlugin.intParam(ctx, "page", 1, 1, 1_000_000);
        Set<String> services = component.map(c -> servicesOf("availabilitycomponent", c).stream()
                .map(CatalogEntity::name).collect(Collectors.toSet())).orElse(Set.of());
        LatestStatuses.Order order = "name".equals(sort) ? LatestStatuses.Order.NAME : LatestStatuses.Order.BUDGET;
        LatestStatuses.Page found = latest.page(team, component, services, order, page, PAGE_SIZE);
        int pages = Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        if (page > pages) {
            found = latest.page(team, component, services, order, pages, PAGE_SIZE);
        }
        int shown = Math.min(page, pages);
        // The oldest evaluation on the page is what the page can vouch for.
        Optional<Instant> asOf = found.rows().stream().flatMap(r -> r.evaluatedAt().stream())
                .min(Comparator.naturalOrder());
        Map<String, Object> params = new HashMap<>();
        params.put("rows", found.rows());
        params.put("total", found.total());
        params.put("anySlo", found.total() > 0 || slos.count() > 0);
        params.put("asOf", asOf.map(a -> AS_OF.format(a.atZone(context.orgTimeZone()))).orElse(""));
        params.put("teams", slos.teams());
        params.put("components", slos.components());
        params.put("team", team.orElse(""));
        params.put("component", component.orElse(""));
        params.put("sort", sort);
        params.put("page", shown);
        params.put("pages", pages);
        params.put("mayCreate", RequestCaller.of(ctx).has(Role.EDITOR));
        params.put("query", "team=" + team.orElse("") + "&component=" + component.orElse("") + "&sort=" + sort);
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
        params.put("mayEdit", RequestCaller.of(ctx).mayEdit(slo.subject().toString()));
        params.put("pull", slo.prometheus().isPresent() ? pulls.last(slo.name()) : Optional.empty());
        params.put("pullConfigured", context.config().get(PrometheusPull.URL_KEY).filter(u -> !u.isBlank())
                .isPresent());
        return new Page("SLO " + slo.name(), render("detail.jte", params));
    }

    Content serviceTab(Context ctx, String service) {
        Instant now = context.clock().instant();
        return render("service-tab.jte", Map.of("service", service,
                "rows", slos.ofService(service).stream().map(s -> row(s, now)).toList(),
                "mayCreate", RequestCaller.of(ctx).mayEdit(EntityRef.ofKey("component", service).toString())));
    }

    /** The dashboard of one availability component: its verdict rolled up from its own and its services' SLOs. */
    Page component(Context ctx, String component) {
        Instant now = context.clock().instant();
        if (EntityRef.fromKey("availabilitycomponent", component).flatMap(r -> context.catalog().entity(r.toString()))
                .isEmpty()) {
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
        Set<String> components = context.catalog().entities("AvailabilityComponent").stream()
                .map(CatalogEntity::name).collect(Collectors.toCollection(TreeSet::new));
        slos.all().forEach(s -> s.component().ifPresent(components::add));
        params.put("components", components);
        params.put("programs", context.catalog().entities("Program").stream().map(CatalogEntity::name).toList());
        params.put("programComponents", program.map(p -> programComponents(p, review)).orElse(List.of()));
        params.put("mayCreate", RequestCaller.of(ctx).has(Role.EDITOR));
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

    /** Each availability component of the program with how its SLOs in the review did in the month reviewed. */
    private List<ReviewComponent> programComponents(String program, MonthlyReview review) {
        List<ReviewComponent> result = new java.util.ArrayList<>();
        for (CatalogEntity c : componentsOf(program)) {
            Set<String> members = scope(Optional.of(c.name()), Optional.empty()).stream().map(Slo::name)
                    .collect(Collectors.toSet());
            List<MonthlyReview.Line> lines = review.lines().stream().filter(l -> members.contains(l.slo().name()))
                    .toList();
            int met = (int) lines.stream().filter(l -> l.compliant(0).orElse(false)).count();
            int missed = (int) lines.stream().filter(l -> !l.compliant(0).orElse(true)).count();
            result.add(new ReviewComponent(c.name(), c.title(), lines.size(), met, missed));
        }
        return result;
    }

    /**
     * The SLOs a component or program stands for: a component's own SLOs and those of its services; a program's
     * services' SLOs and those of the availability components in its scope; every SLO when neither is given.
     */
    List<Slo> scope(Optional<String> component, Optional<String> program) {
        List<Slo> all = slos.all();
        if (component.isEmpty() && program.isEmpty()) {
            return all;
        }
        Set<String> components = new java.util.HashSet<>();
        component.ifPresent(components::add);
        program.ifPresent(p -> componentsOf(p).forEach(c -> components.add(c.name())));
        Set<String> services = new java.util.HashSet<>();
        components.forEach(c -> servicesOf("availabilitycomponent", c).forEach(e -> services.add(e.name())));
        program.ifPresent(p -> servicesOf("program", p).forEach(e -> services.add(e.name())));
        return all.stream().filter(s -> s.service().map(services::contains).orElse(false)
                || s.component().map(components::contains).orElse(false)).toList();
    }

    /** The services of the entity with this key; a key from a request that cannot be one names nothing. */
    private List<CatalogEntity> servicesOf(String kind, String key) {
        return EntityRef.fromKey(kind, key).map(r -> context.catalog().servicesOf(r.toString())).orElse(List.of());
    }

    private List<CatalogEntity> componentsOf(String program) {
        return EntityRef.fromKey("program", program).map(r -> context.catalog().availabilityComponentsOf(r.toString()))
                .orElse(List.of());
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

    static Content render(String template, Map<String, Object> params) {
        return output -> TEMPLATES.render(template, params, output);
    }
}
