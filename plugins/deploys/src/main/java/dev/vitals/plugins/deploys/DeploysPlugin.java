package dev.vitals.plugins.deploys;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.BackgroundRefresh;
import dev.vitals.api.CatalogEntity;
import dev.vitals.api.EntityRef;
import dev.vitals.api.FieldError;
import dev.vitals.api.Job;
import dev.vitals.api.PluginContext;
import dev.vitals.api.ProblemException;
import dev.vitals.plugins.deploys.ingest.DeploymentEvent;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.NavEntry;
import dev.vitals.api.PageRoute;
import dev.vitals.api.Panel;
import dev.vitals.api.ServiceTab;
import dev.vitals.api.Signal;
import dev.vitals.plugins.deploys.demo.DemoDeploys;
import dev.vitals.plugins.deploys.gate.GateLog;
import dev.vitals.plugins.deploys.migration.MigrationTracker;
import dev.vitals.plugins.deploys.pages.DeploysPages;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.plugins.deploys.gate.BreakGlass;
import dev.vitals.plugins.deploys.gate.BreakGlassRequest;
import dev.vitals.plugins.deploys.gate.DeployGate;
import dev.vitals.plugins.deploys.gate.ErrorBudgets;
import dev.vitals.plugins.deploys.gate.FreezeWindows;
import dev.vitals.plugins.deploys.gate.GateDecision;
import dev.vitals.api.WebhookRoute;
import dev.vitals.plugins.deploys.github.GithubDeployment;
import dev.vitals.plugins.deploys.github.GithubDeploymentStore;
import dev.vitals.plugins.deploys.github.GithubDeployments;
import dev.vitals.plugins.deploys.github.WebhookSignature;
import dev.vitals.plugins.deploys.pagerduty.PagerDutyIncidents;
import dev.vitals.plugins.deploys.pagerduty.PagerDutySignature;
import dev.vitals.plugins.deploys.dora.DeployDays;
import dev.vitals.plugins.deploys.dora.DoraJson;
import dev.vitals.plugins.deploys.dora.DoraQuery;
import dev.vitals.plugins.deploys.dora.DoraReport;
import dev.vitals.plugins.deploys.dora.DoraSignals;
import dev.vitals.plugins.deploys.dora.DoraThresholds;
import dev.vitals.plugins.deploys.dora.Period;
import dev.vitals.plugins.deploys.ingest.DeploymentStore;
import dev.vitals.plugins.deploys.ingest.EnvironmentNames;
import dev.vitals.plugins.deploys.ingest.EventParser;
import dev.vitals.plugins.deploys.ingest.IncidentEvent;
import dev.vitals.plugins.deploys.ingest.IncidentStore;
import dev.vitals.plugins.deploys.ingest.IngestResult;
import dev.vitals.plugins.deploys.ingest.ServiceRefs;
import dev.vitals.api.Role;
import dev.vitals.plugins.deploys.integrations.Integration;
import dev.vitals.plugins.deploys.integrations.Integrations;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Deployments and incidents in, the four DORA keys out: per service, team or the whole organisation, as JSON and as
 * signals on every service.
 */
@Extension
public final class DeploysPlugin implements VitalsPlugin {

    private PluginContext context;
    private EventParser parser;
    private DeploymentStore deployments;
    private IncidentStore incidents;
    private DoraQuery dora;
    private DoraSignals doraSignals;
    private BackgroundRefresh signalRefresh;
    private WebhookSignature githubSignature;
    private Integrations integrations;
    private FreezeWindows freezes;
    private BreakGlass breakGlass;
    private ErrorBudgets budgets;
    private DeployGate gate;
    private MigrationTracker migration;
    private DeploysPages pages;
    private GithubDeployments github;
    private GithubDeploymentStore githubCreated;
    private PagerDutySignature pagerDutySignature;
    private PagerDutyIncidents pagerDuty;

    @Override
    public void start(PluginContext started) {
        this.context = started;
        DoraThresholds thresholds = DoraThresholds.from(started.config());
        this.parser = new EventParser(started.catalog());
        this.deployments = new DeploymentStore(started.jdbi(), EnvironmentNames.from(started.config()));
        this.incidents = new IncidentStore(started.jdbi());
        DeployDays.follow(started.jdbi(), started.orgTimeZone());
        this.dora = new DoraQuery(started.jdbi(), thresholds);
        this.doraSignals = new DoraSignals(dora, thresholds, started.signals(), started.catalog(), started.clock(),
                started.orgTimeZone());
        // Ingest answers without waiting for the signals; the hourly job publishes every service again anyway.
        this.signalRefresh = new BackgroundRefresh("deploys-signal-refresh", doraSignals::publish);
        this.githubSignature = new WebhookSignature(started.config().get("GITHUB_SECRET"));
        this.integrations = new Integrations(started.jdbi());
        this.github = new GithubDeployments(started.catalog());
        this.githubCreated = new GithubDeploymentStore(started.jdbi());
        this.pagerDutySignature = new PagerDutySignature(started.config().get("PAGERDUTY_SECRET"));
        this.pagerDuty = new PagerDutyIncidents(started.jdbi(), started.catalog());
        EnvironmentNames environments = EnvironmentNames.from(started.config());
        this.freezes = new FreezeWindows(started.jdbi(), started.catalog(), started.orgTimeZone());
        this.breakGlass = new BreakGlass(started.jdbi(), started.catalog(),
                Duration.ofHours(positive(started, "BREAK_GLASS_REQUEST_HOURS", 4)),
                Duration.ofMinutes(positive(started, "BREAK_GLASS_OPEN_MINUTES", 60)));
        this.budgets = new ErrorBudgets(started.jdbi(), started.config().get("SLO_PLUGIN").orElse("slo"),
                started.config().get("SLO_SIGNAL_KIND").orElse("error-budget"));
        String policy = started.config().get("GATE_ERROR_BUDGET").orElse("block");
        if (!policy.equals("block") && !policy.equals("ignore")) {
            throw new IllegalArgumentException("VITALS_DEPLOYS_GATE_ERROR_BUDGET must be block or ignore, got "
                    + policy);
        }
        this.gate = new DeployGate(started.catalog(), environments, freezes, budgets, breakGlass,
                policy.equals("block"), started.orgTimeZone());
        this.migration = new MigrationTracker(started.jdbi());
        Optional<LocalDate> target = started.config().get("MIGRATION_TARGET").map(DeploysPlugin::targetDate);
        this.pages = new DeploysPages(started, dora, deployments, migration, freezes, breakGlass,
                new GateLog(started.jdbi()), gate, target, integrations);
    }

    private static LocalDate targetDate(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("VITALS_DEPLOYS_MIGRATION_TARGET must be a date like 2026-06-30, got "
                    + text);
        }
    }

    @Override
    public List<PageRoute> pages() {
        return DeploysPages.routes(() -> pages);
    }

    @Override
    public List<NavEntry> navigation() {
        return List.of(new NavEntry("Deploys", "/"));
    }

    @Override
    public List<ServiceTab> serviceTabs() {
        return List.of(DeploysPages.serviceTab(() -> pages));
    }

    @Override
    public List<Panel> teamPanels() {
        return List.of(DeploysPages.teamPanel(() -> pages));
    }

    @Override
    public List<Panel> programPanels() {
        return List.of(DeploysPages.programPanel(() -> pages));
    }

    private static long positive(PluginContext context, String key, long fallback) {
        String text = context.config().get(key).orElse(String.valueOf(fallback));
        try {
            long value = Long.parseLong(text.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("VITALS_DEPLOYS_" + key + " must be a whole number above 0, got " + text);
    }

    @Override
    public void stop() {
        if (signalRefresh != null) {
            signalRefresh.close();
        }
    }

    @Override
    public void onSignal(Signal signal) {
        if (budgets != null) {
            budgets.observe(signal);
        }
    }

    @Override
    public List<ApiRoute> apiRoutes() {
        return List.of(
                ApiRoute.post("/events", this::ingestDeployments),
                ApiRoute.post("/incidents", this::ingestIncidents),
                ApiRoute.get("/dora", this::doraReport),
                ApiRoute.get("/gate", this::gateDecision),
                ApiRoute.get("/freezes", ctx -> ctx.json(Map.of("freezes",
                        freezes.all().stream().map(FreezeWindows::toJson).toList()))),
                ApiRoute.post("/freezes", ctx -> ctx.status(201).json(FreezeWindows.toJson(
                        freezes.create(ctx.bodyAsClass(Object.class), RequestCaller.of(ctx),
                                context.clock().instant())))),
                ApiRoute.delete("/freezes/{id}", ctx -> {
                    freezes.delete(id(ctx), RequestCaller.of(ctx), context.clock().instant());
                    ctx.status(204);
                }),
                ApiRoute.get("/break-glass", ctx -> ctx.json(Map.of("requests", breakGlass.latest(0, 100).stream()
                        .map(r -> breakGlassJson(r)).toList()))),
                ApiRoute.post("/break-glass", ctx -> ctx.status(201).json(breakGlassJson(breakGlass.request(
                        ctx.bodyAsClass(Object.class), RequestCaller.of(ctx), context.clock().instant())))),
                ApiRoute.get("/release-modes", ctx -> ctx.json(Map.of("services", migration.modes(
                        context.catalog().services().stream().map(CatalogEntity::name).toList(), today()).stream()
                        .map(m -> {
                            Map<String, Object> json = new LinkedHashMap<>();
                            json.put("service", m.service());
                            json.put("mode", m.label());
                            json.put("since", m.since().map(LocalDate::toString).orElse(null));
                            return json;
                        }).toList()))),
                ApiRoute.put("/release-modes/{service}", this::setReleaseMode),
                ApiRoute.post("/break-glass/{id}/approve", ctx -> ctx.json(breakGlassJson(
                        breakGlass.approve(id(ctx), RequestCaller.of(ctx), context.clock().instant())))),
                ApiRoute.get("/integrations", ctx -> ctx.json(Map.of("integrations", integrations.all().stream()
                        .map(DeploysPlugin::integrationJson).toList()))).requiring(Role.ADMIN),
                ApiRoute.post("/integrations", this::addIntegration).requiring(Role.ADMIN),
                ApiRoute.post("/integrations/{name}/rotate", ctx -> newSecret(ctx, integrations.rotate(
                        ctx.pathParam("name"), caller(ctx), context.clock().instant()), 200)).requiring(Role.ADMIN),
                ApiRoute.delete("/integrations/{name}", this::deleteIntegration).requiring(Role.ADMIN));
    }

    private void addIntegration(Context ctx) {
        if (!(ctx.bodyAsClass(Object.class) instanceof Map<?, ?> body)) {
            throw ProblemException.unprocessable("send {\"name\": \"payments-github\", \"kind\": \"github\"}",
                    List.of());
        }
        // A number or true is no name: only text is taken, as from the admin page's form.
        String name = body.get("name") instanceof String text ? text : body.get("name") == null ? null : "";
        String kind = body.get("kind") instanceof String text ? text : body.get("kind") == null ? null : "";
        newSecret(ctx, integrations.add(name, kind, caller(ctx), context.clock().instant()), 201);
    }

    /** A script gets the new secret once, in the answer; the admin page's forms are in {@link DeploysPages}. */
    private void newSecret(Context ctx, Integrations.NewSecret made, int status) {
        Map<String, Object> json = integrationJson(made.integration());
        json.put("secret", made.secret());
        ctx.status(status).json(json);
    }

    private void deleteIntegration(Context ctx) {
        integrations.delete(ctx.pathParam("name"), caller(ctx), context.clock().instant());
        ctx.status(204);
    }

    private static Map<String, Object> integrationJson(Integration integration) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", integration.name());
        json.put("kind", integration.kind());
        json.put("webhook", integration.webhookPath());
        json.put("createdBy", integration.createdBy());
        json.put("createdAt", integration.createdAt().toString());
        json.put("rotatedAt", integration.rotatedAt().map(Object::toString).orElse(null));
        return json;
    }

    private void setReleaseMode(Context ctx) {
        String service = context.catalog().entity(ctx.pathParam("service"))
                .filter(e -> e.kind().equalsIgnoreCase("Component")).map(CatalogEntity::name)
                .orElseThrow(() -> ProblemException.notFound("no service " + ctx.pathParam("service")
                        + " in the catalog"));
        RequestCaller.requireEditorOf(ctx, EntityRef.of("component", service).toString());
        if (!(ctx.bodyAsClass(Object.class) instanceof Map<?, ?> body)) {
            throw ProblemException.unprocessable("send {\"mode\": \"independent\", \"since\": \"2026-03-02\"}",
                    List.of());
        }
        migration.set(service, String.valueOf(body.get("mode")), String.valueOf(body.get("since")), caller(ctx),
                context.clock().instant());
        ctx.status(204);
    }

    private LocalDate today() {
        return LocalDate.now(context.clock().withZone(context.orgTimeZone()));
    }

    private static String caller(Context ctx) {
        return RequestCaller.of(ctx).name();
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("no such id: " + ctx.pathParam("id"));
        }
    }

    private Map<String, Object> breakGlassJson(BreakGlassRequest r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", r.id());
        json.put("service", r.service());
        json.put("reason", r.reason());
        json.put("requestedBy", r.requestedBy());
        json.put("requestedAt", r.requestedAt().toString());
        json.put("requestExpiresAt", r.requestExpiresAt().toString());
        json.put("approvedBy", r.approvedBy().orElse(null));
        json.put("approvedAt", r.approvedAt().map(Object::toString).orElse(null));
        json.put("openUntil", r.openUntil().map(Object::toString).orElse(null));
        json.put("state", r.state(context.clock().instant()));
        return json;
    }

    private void gateDecision(Context ctx) {
        String service = ctx.queryParam("service");
        if (service == null || service.isBlank()) {
            throw ProblemException.unprocessable("say which service is about to deploy",
                    List.of(new FieldError("service", "is required, e.g. ?service=recorder-api")));
        }
        CatalogEntity entity = context.catalog().entity(service.trim())
                .filter(e -> e.kind().equalsIgnoreCase("Component"))
                .orElseThrow(() -> ProblemException.notFound("no service " + service + " in the catalog"));
        String environment = Optional.ofNullable(ctx.queryParam("environment")).filter(e -> !e.isBlank())
                .orElse(EnvironmentNames.PRODUCTION);
        GateDecision decision = gate.decide(entity, environment, context.clock().instant());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("allowed", decision.allowed());
        json.put("reasons", decision.reasons());
        json.put("service", entity.name());
        json.put("environment", environment);
        ctx.json(json);
    }

    @Override
    public List<WebhookRoute> webhooks() {
        return List.of(new WebhookRoute("/webhooks/github", this::githubEvent),
                new WebhookRoute("/webhooks/pagerduty", this::pagerDutyEvent));
    }

    /**
     * The secret of the integration the webhook URL names with {@code ?integration=}; empty when it names none, so
     * the environment's secret applies. Naming one that does not exist is a 401, never a fall-back.
     */
    private Optional<String> integrationSecret(Context ctx, String kind) {
        String name = ctx.queryParam("integration");
        if (name == null) {
            return Optional.empty();
        }
        return Optional.of(integrations.secret(kind, name).orElseThrow(() -> new ProblemException(401,
                "no " + kind + " integration " + name + " on this portal; an administrator adds it on"
                        + " /p/deploys/admin/integrations", List.of())));
    }

    /** Verifies PagerDuty's signature before anything else is read; see {@link PagerDutySignature}. */
    private void pagerDutyEvent(Context ctx) {
        integrationSecret(ctx, "pagerduty").map(secret -> new PagerDutySignature(Optional.of(secret)))
                .orElse(pagerDutySignature).verify(ctx.bodyAsBytes(), ctx.header("X-PagerDuty-Signature"));
        if (!(ctx.bodyAsClass(Object.class) instanceof Map<?, ?> payload)) {
            throw ProblemException.unprocessable("a PagerDuty V3 webhook is a JSON object", List.of());
        }
        PagerDutyIncidents.Outcome outcome = pagerDuty.apply(payload);
        signalRefresh.request(outcome.services());
        ctx.status(202).json(Map.of("outcome", outcome.outcome()));
    }

    /** Verifies GitHub's signature before anything else is read; see {@link WebhookSignature}. */
    private void githubEvent(Context ctx) {
        integrationSecret(ctx, "github").map(secret -> new WebhookSignature(Optional.of(secret)))
                .orElse(githubSignature).verify(ctx.bodyAsBytes(), ctx.header("X-Hub-Signature-256"));
        String event = Optional.ofNullable(ctx.header("X-GitHub-Event")).orElse("");
        if (event.equals("ping")) {
            ctx.json(Map.of("pong", true));
            return;
        }
        if (!event.equals("deployment_status") && !event.equals("deployment")) {
            ctx.status(202).json(Map.of("ignored", event, "reason",
                    "only deployment and deployment_status events are recorded"));
            return;
        }
        if (!(ctx.bodyAsClass(Object.class) instanceof Map<?, ?> payload)) {
            throw ProblemException.unprocessable("a GitHub event is a JSON object", List.of());
        }
        if (event.equals("deployment")) {
            Optional<GithubDeployment> created = github.fromDeployment(payload);
            boolean stored = created.map(d -> githubCreated.record(d, context.clock().instant())).orElse(false);
            ctx.status(202).json(Map.of("recorded", stored ? 1 : 0, "unchanged", created.isPresent() && !stored ? 1 : 0,
                    "reason", "a deployment counts once a deployment_status reports its outcome"));
            return;
        }
        IngestResult result = deployments.ingest(github.fromStatus(payload, githubCreated::find), "github");
        signalRefresh.request(result.services());
        ctx.status(202).json(Map.of("recorded", result.stored(), "unchanged", result.unchanged()));
    }

    private void ingestDeployments(Context ctx) {
        List<DeploymentEvent> events = parser.deployments(ctx.bodyAsClass(Object.class));
        // A team's pipeline reports its own services only; admins and all-team tokens report any.
        RequestCaller.requireEditorOfAll(ctx, ServiceRefs.of(events.stream().map(DeploymentEvent::service)));
        IngestResult result = deployments.ingest(events, "api");
        signalRefresh.request(result.services());
        ctx.json(answer(result));
    }

    private void ingestIncidents(Context ctx) {
        List<IncidentEvent> events = parser.incidents(ctx.bodyAsClass(Object.class));
        // An incident counts against its service's failure rate, so only the owning team reports it.
        RequestCaller.requireEditorOfAll(ctx, ServiceRefs.of(events.stream().map(IncidentEvent::service)));
        IngestResult result = incidents.ingest(events, "api");
        signalRefresh.request(result.services());
        ctx.json(answer(result));
    }

    private static Map<String, Object> answer(IngestResult result) {
        return Map.of("received", result.received(), "stored", result.stored(), "unchanged", result.unchanged());
    }

    private void doraReport(Context ctx) {
        String service = ctx.queryParam("service");
        String team = ctx.queryParam("team");
        if (service != null && team != null) {
            throw ProblemException.unprocessable("ask for a service or a team, not both",
                    List.of(new FieldError("team", "leave out when service is given")));
        }
        Period period = period(ctx);
        Map<String, Object> json = new LinkedHashMap<>();
        Optional<List<String>> scope;
        if (service != null) {
            CatalogEntity entity = context.catalog().entity(service)
                    .filter(e -> e.kind().equalsIgnoreCase("Component"))
                    .orElseThrow(() -> ProblemException.notFound("no service " + service + " in the catalog"));
            json.put("service", entity.name());
            scope = Optional.of(List.of(entity.name()));
        } else if (team != null) {
            CatalogEntity entity = teamRef(team).flatMap(r -> context.catalog().entity(r.toString()))
                    .orElseThrow(() -> ProblemException.notFound("no team " + team + " in the catalog"));
            json.put("team", entity.name());
            scope = Optional.of(context.catalog().servicesOf(entity.ref()).stream().map(CatalogEntity::name).toList());
        } else {
            json.put("organisation", true);
            scope = Optional.empty();
        }
        DoraReport report = dora.report(scope, period);
        json.putAll(DoraJson.of(report));
        ctx.json(json);
    }

    /** A team named as a reference or by key; text that cannot be either names no team. */
    private static Optional<EntityRef> teamRef(String team) {
        try {
            return Optional.of(EntityRef.parse(team, "group"));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Period period(Context ctx) {
        LocalDate today = LocalDate.now(context.clock().withZone(context.orgTimeZone()));
        LocalDate to = date(ctx, "to").orElse(today.plusDays(1));
        LocalDate from = date(ctx, "from").orElse(to.minusDays(30));
        if (!to.isAfter(from)) {
            throw ProblemException.unprocessable("the period is empty",
                    List.of(new FieldError("to", "must be after from (" + from + "), got " + to)));
        }
        if (from.plusYears(5).isBefore(to)) {
            throw ProblemException.unprocessable("the period is too long",
                    List.of(new FieldError("from", "must be at most 5 years before to")));
        }
        return new Period(from, to, context.orgTimeZone());
    }

    private static Optional<LocalDate> date(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.trim()));
        } catch (DateTimeParseException e) {
            throw ProblemException.unprocessable("the period cannot be read",
                    List.of(new FieldError(name, "must be a date like 2026-03-02, got " + text)));
        }
    }

    /** The context {@link #start} received; for tests in this package. */
    PluginContext context() {
        return context;
    }

    @Override
    public void seedDemoData(PluginContext ctx) {
        if (new DemoDeploys(ctx, deployments, incidents, migration).seed()) {
            doraSignals.publishAll();
        }
    }

    @Override
    public List<Job> jobs() {
        return List.of(new Job("publish-dora-signals", Duration.ofHours(1), () -> doraSignals.publishAll()));
    }
}
