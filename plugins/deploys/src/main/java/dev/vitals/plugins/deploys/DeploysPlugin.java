package dev.vitals.plugins.deploys;

import dev.vitals.api.BackgroundRefresh;
import dev.vitals.api.CatalogView;
import dev.vitals.api.Job;
import dev.vitals.api.NavEntry;
import dev.vitals.api.PluginContext;
import dev.vitals.api.PluginDependency;
import dev.vitals.api.PluginSettings;
import dev.vitals.api.PluginUrls;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.Setting;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.plugins.deploys.demo.DemoDeploys;
import dev.vitals.plugins.deploys.dora.DeployDays;
import dev.vitals.plugins.deploys.dora.DoraApi;
import dev.vitals.plugins.deploys.dora.DoraQuery;
import dev.vitals.plugins.deploys.dora.DoraSignals;
import dev.vitals.plugins.deploys.dora.DoraThresholds;
import dev.vitals.plugins.deploys.dora.OrgClock;
import dev.vitals.plugins.deploys.dora.OverviewPage;
import dev.vitals.plugins.deploys.dora.TeamPanel;
import dev.vitals.plugins.deploys.gate.BreakGlass;
import dev.vitals.plugins.deploys.gate.BreakGlassForms;
import dev.vitals.plugins.deploys.gate.BreakGlassPage;
import dev.vitals.plugins.deploys.gate.DeployGate;
import dev.vitals.plugins.deploys.gate.ErrorBudgets;
import dev.vitals.plugins.deploys.gate.FreezeCalendarPage;
import dev.vitals.plugins.deploys.gate.FreezeWindows;
import dev.vitals.plugins.deploys.gate.GateApi;
import dev.vitals.plugins.deploys.gate.GateLog;
import dev.vitals.plugins.deploys.github.GithubDeploymentStore;
import dev.vitals.plugins.deploys.github.GithubDeployments;
import dev.vitals.plugins.deploys.github.GithubWebhook;
import dev.vitals.plugins.deploys.ingest.DeploymentInbox;
import dev.vitals.plugins.deploys.ingest.DeploymentListPage;
import dev.vitals.plugins.deploys.ingest.DeploymentStore;
import dev.vitals.plugins.deploys.ingest.EnvironmentNames;
import dev.vitals.plugins.deploys.ingest.EventParser;
import dev.vitals.plugins.deploys.ingest.InboxApplier;
import dev.vitals.plugins.deploys.ingest.IncidentStore;
import dev.vitals.plugins.deploys.ingest.IngestApi;
import dev.vitals.plugins.deploys.integrations.Integrations;
import dev.vitals.plugins.deploys.integrations.IntegrationsApi;
import dev.vitals.plugins.deploys.integrations.IntegrationsPage;
import dev.vitals.plugins.deploys.integrations.WebhookSecrets;
import dev.vitals.plugins.deploys.migration.MigrationTarget;
import dev.vitals.plugins.deploys.migration.MigrationTracker;
import dev.vitals.plugins.deploys.migration.ReleaseModeMeasure;
import dev.vitals.plugins.deploys.migration.MigrationViews;
import dev.vitals.plugins.deploys.migration.ReleaseModesApi;
import dev.vitals.plugins.deploys.pagerduty.PagerDutyIncidents;
import dev.vitals.plugins.deploys.pagerduty.PagerDutyWebhook;
import dev.vitals.plugins.deploys.pages.ServicePages;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.pf4j.Extension;

/**
 * Deployments and incidents in, the four DORA keys out: per service, team or the whole organisation, as JSON, pages
 * and signals on every service; with the deploy gate, the migration tracker and webhook integrations. This class
 * only declares and builds: each feature package offers its own routes, pages and panels.
 */
@Extension
public final class DeploysPlugin implements VitalsPlugin {

    /** How far the DORA signals may trail the deployments and incidents just ingested, plus one refresh. */
    static final Duration SIGNAL_SPACING = Duration.ofSeconds(1);

    @Override
    public Optional<String> displayName() {
        return Optional.of("Deploys");
    }

    @Override
    public List<Setting<?>> settings() {
        List<Setting<?>> settings = new ArrayList<>();
        settings.add(EnvironmentNames.PRODUCTION_ALIASES);
        settings.add(GithubWebhook.SECRET);
        settings.add(PagerDutyWebhook.SECRET);
        settings.addAll(DoraThresholds.settings());
        settings.add(DeployGate.ERROR_BUDGET_POLICY);
        settings.add(ErrorBudgets.SLO_PLUGIN);
        settings.add(ErrorBudgets.SLO_SIGNAL_KIND);
        settings.add(BreakGlass.REQUEST_HOURS);
        settings.add(BreakGlass.OPEN_MINUTES);
        settings.add(MigrationTarget.SETTING);
        return List.copyOf(settings);
    }

    /** The gate reads the SLO plugin's error-budget signals; without it the gate says it did not check. */
    @Override
    public List<PluginDependency> dependencies() {
        return List.of(PluginDependency.optional("slo"));
    }

    @Override
    public RunningPlugin create(PluginContext context) {
        PluginSettings settings = context.settings();
        Jdbi jdbi = context.jdbi();
        CatalogView catalog = context.catalog();
        Clock clock = context.clock();
        OrgClock org = new OrgClock(clock, context.orgTimeZone());
        PluginUrls urls = context.urls();
        // Read every setting first, so a bad one fails the start before anything is built.
        DoraThresholds thresholds = DoraThresholds.from(settings);
        EnvironmentNames environments = EnvironmentNames.from(settings);
        boolean blockOnSpentBudget = DeployGate.blocksOnSpentBudget(settings);
        Optional<LocalDate> target = MigrationTarget.from(settings);
        Duration requestLifetime = Duration.ofHours(settings.get(BreakGlass.REQUEST_HOURS));
        Duration openFor = Duration.ofMinutes(settings.get(BreakGlass.OPEN_MINUTES));

        DeployDays.follow(jdbi, context.orgTimeZone());
        DeploymentStore deployments = new DeploymentStore(jdbi, environments);
        IncidentStore incidents = new IncidentStore(jdbi);
        DoraQuery dora = new DoraQuery(jdbi, thresholds);
        DoraSignals doraSignals = new DoraSignals(dora, thresholds, context.signals(), urls, catalog, clock,
                context.orgTimeZone());
        // Ingest answers without waiting for the signals; the hourly job publishes every service again anyway. At
        // most one refresh a second, of every service that received deployments meanwhile: run as soon as the thread
        // was free, one event per request cost a refresh of a few services per three events, about a tenth of the
        // event's CPU in the portal and the database together.
        BackgroundRefresh signalRefresh = new BackgroundRefresh("deploys-signal-refresh", SIGNAL_SPACING,
                doraSignals::publishChanged);
        MigrationTracker migration = new MigrationTracker(jdbi);
        FreezeWindows freezes = new FreezeWindows(jdbi, catalog, context.orgTimeZone());
        BreakGlass breakGlass = new BreakGlass(jdbi, catalog, requestLifetime, openFor);
        ErrorBudgets budgets = new ErrorBudgets(context.signals(), settings.get(ErrorBudgets.SLO_PLUGIN),
                settings.get(ErrorBudgets.SLO_SIGNAL_KIND));
        DeployGate gate = new DeployGate(environments, freezes, budgets, breakGlass, blockOnSpentBudget,
                context.orgTimeZone());
        Integrations integrations = new Integrations(jdbi);
        WebhookSecrets secrets = new WebhookSecrets(integrations, Map.of(
                "github", settings.find(GithubWebhook.SECRET), "pagerduty", settings.find(PagerDutyWebhook.SECRET)),
                urls);

        DeploymentInbox inbox = new DeploymentInbox(jdbi, deployments);
        InboxApplier applier = new InboxApplier(inbox, signalRefresh, doraSignals);
        IngestApi ingest = new IngestApi(new EventParser(catalog, clock), deployments, inbox, applier, incidents,
                signalRefresh, doraSignals);
        DoraApi doraApi = new DoraApi(dora, catalog, clock, context.orgTimeZone());
        GateApi gateApi = new GateApi(gate, freezes, breakGlass, catalog, clock);
        ReleaseModesApi releaseModes = new ReleaseModesApi(migration, catalog, org);
        IntegrationsApi integrationsApi = new IntegrationsApi(integrations, clock, urls);
        GithubWebhook github = new GithubWebhook(secrets, new GithubDeployments(catalog),
                new GithubDeploymentStore(jdbi), deployments, signalRefresh, doraSignals, clock);
        PagerDutyWebhook pagerDuty = new PagerDutyWebhook(secrets, new PagerDutyIncidents(jdbi, catalog),
                signalRefresh);
        BreakGlassForms breakGlassForms = new BreakGlassForms(breakGlass, catalog, org, urls);
        ServicePages servicePages = new ServicePages(dora, migration, gate, catalog, org, urls, breakGlassForms);
        MigrationViews migrationViews = new MigrationViews(migration, catalog, org, target, urls);

        return new RunningDeploys(
                concat(ingest.routes(), doraApi.routes(), gateApi.routes(), releaseModes.routes(),
                        integrationsApi.routes()),
                List.of(github.route(), pagerDuty.route()),
                concat(List.of(new OverviewPage(dora, catalog, org, urls).route()), servicePages.routes(),
                        List.of(new DeploymentListPage(deployments, inbox, catalog, urls, context.orgTimeZone())
                                        .route(),
                                migrationViews.route(),
                                new FreezeCalendarPage(freezes, org, urls).route(),
                                new BreakGlassPage(breakGlass, new GateLog(jdbi), org, urls).route()),
                        breakGlassForms.routes(),
                        new IntegrationsPage(integrations, secrets, clock, urls, context.orgTimeZone()).routes()),
                List.of(new NavEntry("Deploys", "/")),
                List.of(servicePages.tab()),
                List.of(new TeamPanel(dora, catalog, org, urls).panel()),
                List.of(migrationViews.programPanel()),
                List.of(new Job("publish-dora-signals", Duration.ofHours(1), doraSignals::publishAll),
                        // What a portal that stopped, or lost its database, left acknowledged and not applied.
                        new Job("apply-waiting-deployments", Duration.ofMinutes(1), applier::applyWaiting),
                        new Job("publish-release-modes", Duration.ofHours(1), new ReleaseModeMeasure(migration,
                                catalog, context.measures(), org)::publishToday)),
                new DemoDeploys(jdbi, catalog, org, deployments, incidents, migration),
                doraSignals,
                signalRefresh,
                ingest);
    }

    @SafeVarargs
    private static <T> List<T> concat(List<? extends T>... lists) {
        return Stream.of(lists).<T>flatMap(List::stream).toList();
    }
}
