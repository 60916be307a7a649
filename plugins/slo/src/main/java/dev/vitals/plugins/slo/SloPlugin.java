package dev.vitals.plugins.slo;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.BackgroundRefresh;
import dev.vitals.api.FieldError;
import dev.vitals.api.Job;
import dev.vitals.api.NavEntry;
import dev.vitals.api.Page;
import dev.vitals.api.PageRoute;
import dev.vitals.api.PluginContext;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.Role;
import dev.vitals.api.ServiceTab;
import dev.vitals.api.VitalsPlugin;
import io.javalin.http.Context;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.pf4j.Extension;

/**
 * Service level objectives: definitions, minute data, error budgets, burn-rate alerts and the error-budget policy as
 * signals on services and availability components.
 */
@Extension
public final class SloPlugin implements VitalsPlugin {

    private PluginContext context;
    private SloRepository slos;
    private SampleRepository samples;
    private SloEvaluator evaluator;
    private BudgetSignals signals;
    private SloPages pages;
    private SloDefinitions definitions;
    private SloFormPages forms;
    private PullLog pullLog;
    private PrometheusPull pull;
    private AlertLog alerts;
    private MinuteRetention retention;
    private AlertNotifier notifier;
    private LatestStatuses latest;
    private BackgroundRefresh refresh;
    /** The minute job's statements and signal publishing run side by side on these. */
    private ExecutorService workers;

    @Override
    public void start(PluginContext started) {
        this.context = started;
        this.slos = new SloRepository(started.jdbi());
        this.samples = new SampleRepository(started.jdbi());
        this.workers = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "slo-worker");
            t.setDaemon(true);
            return t;
        });
        this.evaluator = new SloEvaluator(samples, started.orgTimeZone(), workers);
        this.alerts = new AlertLog(started.jdbi(),
                AlertNotifier.targets(started.config().get("WEBHOOKS").orElse("")));
        this.notifier = new AlertNotifier(started.jdbi(), started.clock());
        SampleWrites writes = new SampleWrites(started.jdbi());
        this.retention = new MinuteRetention(started.jdbi(), writes);
        this.latest = new LatestStatuses(started.jdbi());
        this.signals = new BudgetSignals(slos, evaluator, alerts, latest, started,
                new CarriedSums(samples, writes, workers), workers);
        // Ingest answers before the budgets it changed are recomputed; the minute job recomputes every SLO anyway.
        this.refresh = new BackgroundRefresh("slo-budget-refresh", names -> signals.publishFor(Set.copyOf(names)));
        this.pullLog = new PullLog(started.jdbi());
        this.pull = new PrometheusPull(prometheus(started), slos, samples, pullLog, started.clock());
        this.pages = new SloPages(slos, latest, samples, evaluator, alerts, pullLog, started);
        this.definitions = new SloDefinitions(slos, signals, started);
        this.forms = new SloFormPages(definitions, started);
    }

    @Override
    public void stop() {
        if (refresh != null) {
            refresh.close();
            workers.shutdownNow();
        }
    }

    /** A mistyped address stops the plugin at start with the reason, rather than failing every minute. */
    private static Optional<PrometheusClient> prometheus(PluginContext context) {
        Optional<String> url = context.config().get(PrometheusPull.URL_KEY).map(String::trim).filter(s -> !s.isEmpty());
        url.ifPresent(u -> {
            URI uri;
            try {
                uri = URI.create(u);
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            if (uri == null || uri.getHost() == null || !List.of("http", "https").contains(uri.getScheme())) {
                throw new IllegalArgumentException("VITALS_SLO_PROMETHEUS_URL must be an http(s) address such as "
                        + "http://prometheus:9090, got '" + u + "'");
            }
        });
        return url.map(PrometheusClient::new);
    }

    @Override
    public List<ApiRoute> apiRoutes() {
        return List.of(
                ApiRoute.get("/slos", this::list),
                ApiRoute.post("/slos", this::create),
                ApiRoute.get("/slos/{name}", ctx -> ctx.json(SloJson.of(existing(ctx.pathParam("name"))))),
                ApiRoute.put("/slos/{name}", this::replace),
                ApiRoute.get("/slos/{name}/status", this::status),
                ApiRoute.post("/samples", this::ingest),
                ApiRoute.post("/import", this::importFile),
                ApiRoute.get("/slos/{name}/openslo", ctx -> ctx.contentType("application/yaml; charset=utf-8")
                        .result(OpenSloExport.yaml(existing(ctx.pathParam("name"))))),
                ApiRoute.get("/review.csv", ctx -> ctx.contentType("text/csv; charset=utf-8")
                        .header("Content-Disposition", "attachment; filename=\"slo-review.csv\"")
                        .result(pages.reviewCsv(ctx))));
    }

    private void list(Context ctx) {
        int page = intParam(ctx, "page", 1, 1, 1_000_000);
        int size = intParam(ctx, "size", 25, 1, 100);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", slos.page(page, size).stream().map(SloJson::of).toList());
        json.put("total", slos.count());
        json.put("page", page);
        json.put("size", size);
        ctx.json(json);
    }

    private void create(Context ctx) {
        Slo slo = definitions.create(ctx, ctx.bodyAsClass(SloInput.class));
        ctx.status(201).header("Location", "/api/slo/slos/" + slo.name()).json(SloJson.of(slo));
    }

    private void replace(Context ctx) {
        SloDefinitions.Saved saved = definitions.replace(ctx, ctx.pathParam("name"), ctx.bodyAsClass(SloInput.class));
        ctx.status(saved.created() ? 201 : 200).json(SloJson.of(saved.slo()));
    }

    /** Takes an OpenSLO v1 or Sloth file whole, or refuses it whole with every reason. */
    private void importFile(Context ctx) {
        OpenSloImport.Result result = new OpenSloImport(context.catalog(), context.clock().instant(),
                Optional.ofNullable(ctx.queryParam("service")).filter(s -> !s.isBlank()),
                Optional.ofNullable(ctx.queryParam("component")).filter(s -> !s.isBlank()))
                .read(ctx.body());
        // The same ownership rule as one SLO at a time: every owner named, and every owner replaced.
        Map<String, Slo> replaced = slos.findAll(result.slos().stream().map(Slo::name).toList());
        for (Slo slo : result.slos()) {
            RequestCaller.requireEditorOf(ctx, slo.subject().toString());
            Optional.ofNullable(replaced.get(slo.name())).ifPresent(old -> RequestCaller.requireEditorOf(ctx,
                    old.subject().toString()));
        }
        slos.upsertAll(result.slos());
        refresh.request(result.slos().stream().map(Slo::name).toList());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("imported", result.slos().stream().map(SloJson::of).toList());
        json.put("notes", result.notes());
        ctx.json(json);
    }

    private void status(Context ctx) {
        Slo slo = existing(ctx.pathParam("name"));
        ctx.json(evaluator.status(slo, AtParameter.of(ctx, context.clock())).toJson());
    }

    private void ingest(Context ctx) {
        List<SampleRow> rows = Arrays.asList(ctx.bodyAsClass(SampleRow[].class));
        Set<String> names = new LinkedHashSet<>();
        rows.stream().filter(r -> r != null && r.slo() != null).forEach(r -> names.add(r.slo()));
        Map<String, Slo> known = slos.findAll(names);
        SampleOwnership.require(RequestCaller.of(ctx), rows, known);
        List<Sample> valid = SampleBatch.validate(rows, known, context.clock().instant());
        int added = samples.store(valid);
        if (added > 0) {
            refresh.request(names);
        }
        ctx.json(Map.of("received", rows.size(), "added", added));
    }

    static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ProblemException(400, "the query parameter '" + name + "' is out of range",
                List.of(new FieldError(name, "must be a whole number from " + min + " to " + max + ", got '" + text
                        + "'")));
    }

    private Slo existing(String name) {
        return slos.find(name).orElseThrow(() -> ProblemException.notFound("no SLO named '" + name + "'"));
    }

    @Override
    public List<PageRoute> pages() {
        return List.of(
                PageRoute.of("/", ctx -> pages.overview(ctx)),
                new PageRoute("/new", Role.EDITOR, ctx -> forms.newForm(ctx)),
                PageRoute.form("/new", ctx -> forms.create(ctx)),
                new PageRoute("/slos/{name}/edit", Role.EDITOR, ctx -> slos.find(ctx.pathParam("name"))
                        .map(slo -> forms.editForm(ctx, slo)).orElseGet(() -> missing(ctx))),
                PageRoute.form("/slos/{name}/edit", ctx -> slos.find(ctx.pathParam("name"))
                        .map(slo -> forms.edit(ctx, slo)).orElseGet(() -> missing(ctx))),
                PageRoute.of("/slos/{name}", ctx -> slos.find(ctx.pathParam("name")).map(slo -> pages.detail(ctx, slo))
                        .orElseGet(() -> missing(ctx))),
                PageRoute.of("/components/{name}", ctx -> pages.component(ctx, ctx.pathParam("name"))),
                PageRoute.of("/review", ctx -> pages.review(ctx)));
    }

    private static Page missing(Context ctx) {
        return SloPages.notFound(ctx, "No SLO named '" + ctx.pathParam("name") + "'.");
    }

    @Override
    public List<NavEntry> navigation() {
        return List.of(new NavEntry("SLOs", "/"), new NavEntry("SLO review", "/review"));
    }

    @Override
    public List<ServiceTab> serviceTabs() {
        return List.of(new ServiceTab("slos", "SLOs", (ctx, service) -> pages.serviceTab(ctx, service)));
    }

    @Override
    public List<Job> jobs() {
        // One evaluation a minute records alert starts and ends and publishes the budget policy.
        return List.of(new Job("evaluate-slos", Duration.ofMinutes(1), () -> signals.publishAll()),
                new Job("prune-minute-data", Duration.ofHours(6), () -> retention.prune(context.clock().instant())),
                new Job("send-alert-notifications", Duration.ofSeconds(30), () -> notifier.sendDue()),
                new Job("pull-prometheus", Duration.ofMinutes(1), this::pullPrometheus));
    }

    /** Pulls the SLOs that carry PromQL queries and publishes the verdicts that new minutes may have changed. */
    void pullPrometheus() {
        Set<String> changed = pull.pullAll();
        if (!changed.isEmpty()) {
            signals.publishFor(changed);
        }
    }

    @Override
    public void seedDemoData(PluginContext ctx) {
        new DemoSlos(slos, context).seed();
        signals.publishAll();
    }

    PullLog pullLog() {
        return pullLog;
    }

    SloRepository slos() {
        return slos;
    }

    SampleRepository samples() {
        return samples;
    }

    MinuteRetention retention() {
        return retention;
    }

    PluginContext context() {
        return context;
    }

    AlertNotifier notifier() {
        return notifier;
    }

    AlertLog alerts() {
        return alerts;
    }

    LatestStatuses latestStatuses() {
        return latest;
    }

    SloEvaluator evaluator() {
        return evaluator;
    }
}
