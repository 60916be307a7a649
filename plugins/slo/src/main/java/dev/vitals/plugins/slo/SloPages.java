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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final PluginContext context;

    SloPages(SloRepository slos, SampleRepository samples, SloEvaluator evaluator, PluginContext context) {
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
        List<SloRow> rows = chosen.stream().map(s -> row(s, now)).sorted("name".equals(sort)
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
        String range = RANGES.contains(ctx.queryParam("range")) ? ctx.queryParam("range") : "30d";
        SloStatus status = evaluator.status(slo, at);
        Map<String, Object> params = new HashMap<>();
        params.put("row", new SloRow(status, BudgetPolicy.of(status)));
        params.put("chart", BurnDownChart.of(slo, at, Duration.ofDays(Long.parseLong(range.replace("d", ""))),
                samples, context.orgTimeZone()));
        params.put("range", range);
        params.put("ranges", RANGES);
        params.put("at", ctx.queryParam("at") == null ? "" : ctx.queryParam("at"));
        params.put("scalingRule", BurnRateAlert.SCALING_RULE);
        return new Page("SLO " + slo.name(), render("detail.jte", params));
    }

    Content serviceTab(String service) {
        Instant now = context.clock().instant();
        return render("service-tab.jte", Map.of("service", service,
                "rows", slos.ofService(service).stream().map(s -> row(s, now)).toList()));
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
