package dev.vitals.plugins.slo;

import dev.vitals.api.CatalogView;
import dev.vitals.api.PluginContext;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.Setting;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.plugins.slo.alerts.AlertLog;
import dev.vitals.plugins.slo.alerts.AlertNotifier;
import dev.vitals.plugins.slo.api.ImportApi;
import dev.vitals.plugins.slo.api.ReviewCsv;
import dev.vitals.plugins.slo.api.SampleApi;
import dev.vitals.plugins.slo.api.SloApi;
import dev.vitals.plugins.slo.demo.DemoSlos;
import dev.vitals.plugins.slo.ingest.PrometheusClient;
import dev.vitals.plugins.slo.ingest.PrometheusPull;
import dev.vitals.plugins.slo.ingest.PullLog;
import dev.vitals.plugins.slo.links.SloLinks;
import dev.vitals.plugins.slo.measures.RequestMeasures;
import dev.vitals.plugins.slo.objectives.SloDefinitions;
import dev.vitals.plugins.slo.objectives.SloRepository;
import dev.vitals.plugins.slo.pages.ComponentPage;
import dev.vitals.plugins.slo.pages.DetailPage;
import dev.vitals.plugins.slo.pages.OverviewPage;
import dev.vitals.plugins.slo.pages.ProgramSloPanel;
import dev.vitals.plugins.slo.pages.ReviewPage;
import dev.vitals.plugins.slo.pages.ServiceTabView;
import dev.vitals.plugins.slo.pages.SloFormPages;
import dev.vitals.plugins.slo.pages.TeamSloPanel;
import dev.vitals.plugins.slo.refresh.AfterNewMinutes;
import dev.vitals.plugins.slo.review.SloScope;
import dev.vitals.plugins.slo.samples.CarriedSums;
import dev.vitals.plugins.slo.samples.MinuteRetention;
import dev.vitals.plugins.slo.samples.SampleRepository;
import dev.vitals.plugins.slo.samples.SampleWrites;
import dev.vitals.plugins.slo.signals.BudgetSignals;
import dev.vitals.plugins.slo.status.LatestStatuses;
import dev.vitals.plugins.slo.status.SloEvaluator;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jdbi.v3.core.Jdbi;
import org.pf4j.Extension;

/**
 * Service level objectives: definitions, minute data, error budgets, burn-rate alerts, the error-budget policy as
 * signals on services and availability components, and each service's daily requests as measures. This class only
 * declares the settings and builds the plugin's objects from its context; {@link RunningSlo} says what they serve.
 */
@Extension
public final class SloPlugin implements VitalsPlugin {

    /** {@code VITALS_SLO_PROMETHEUS_URL}: where minute data of SLOs with PromQL queries is pulled from. */
    public static final Setting<URI> PROMETHEUS_URL = Setting.url("prometheus_url", "Prometheus-compatible HTTP "
            + "API (Prometheus, Thanos, Mimir, VictoriaMetrics) without /api/v1, e.g. http://prometheus:9090, that "
            + "SLOs with PromQL queries pull their minute data from; unset, nothing is pulled");
    /** {@code VITALS_SLO_WEBHOOKS}: where alert starts and ends are sent. */
    public static final Setting<String> WEBHOOKS = Setting.string("webhooks", "Comma-separated URLs that receive "
            + "every burn-rate alert start and end; Slack incoming webhooks get a text message, others a JSON "
            + "document").withDefault("");

    @Override
    public Optional<String> displayName() {
        return Optional.of("SLOs");
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(PROMETHEUS_URL, WEBHOOKS);
    }

    @Override
    public RunningPlugin create(PluginContext context) {
        Jdbi jdbi = context.jdbi();
        Clock clock = context.clock();
        ZoneId zone = context.orgTimeZone();
        CatalogView catalog = context.catalog();
        SloLinks links = new SloLinks(context.urls());
        Optional<URI> prometheus = context.settings().find(PROMETHEUS_URL);
        List<String> webhooks = AlertNotifier.targets(context.settings().get(WEBHOOKS));

        SloRepository slos = new SloRepository(jdbi);
        SampleRepository samples = new SampleRepository(jdbi);
        SampleWrites writes = new SampleWrites(jdbi);
        LatestStatuses latest = new LatestStatuses(jdbi);
        AlertLog alerts = new AlertLog(jdbi, webhooks, links);
        PullLog pulls = new PullLog(jdbi);
        SloScope scope = new SloScope(slos, catalog);
        // The minute job's statements, its signals and the measures' sums run side by side on these.
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
                r -> {
                    Thread t = new Thread(r, "slo-worker");
                    t.setDaemon(true);
                    return t;
                });
        SloEvaluator evaluator = new SloEvaluator(samples, zone, workers);
        BudgetSignals signals = new BudgetSignals(slos, evaluator, alerts, latest, catalog, context.signals(), clock,
                new CarriedSums(samples, writes, workers), workers, links);
        RequestMeasures measures = new RequestMeasures(slos, samples, context.measures(), zone, workers);
        AfterNewMinutes refresh = new AfterNewMinutes(signals, measures);
        // A saved definition counts in its owner's verdict and on the overview from the moment it is saved.
        SloDefinitions definitions = new SloDefinitions(slos, catalog, clock, links, signals::publishFor,
                signals::publishWithout);

        return new RunningSlo(
                new SloApi(slos, definitions, evaluator, links, clock),
                new SampleApi(slos, samples, refresh, clock),
                new ImportApi(slos, catalog, refresh, clock),
                new ReviewCsv(scope, samples, alerts, clock, zone),
                new OverviewPage(slos, latest, scope, catalog, links, zone),
                new DetailPage(slos, samples, evaluator, alerts, pulls, prometheus.isPresent(), links, clock, zone),
                new SloFormPages(definitions, slos, catalog, prometheus.isPresent(), links, clock),
                new ComponentPage(scope, evaluator, catalog, links, clock),
                new ReviewPage(scope, slos, samples, alerts, catalog, links, clock, zone),
                new ServiceTabView(slos, evaluator, links, clock),
                new ProgramSloPanel(scope, samples, alerts, links, clock, zone),
                new TeamSloPanel(slos, evaluator, samples, alerts, catalog, links, clock, zone),
                signals,
                measures,
                new PrometheusPull(prometheus.map(PrometheusClient::new), slos, samples, pulls, clock),
                new MinuteRetention(jdbi, writes),
                new AlertNotifier(jdbi, clock),
                new DemoSlos(slos, jdbi, catalog, clock),
                refresh,
                workers,
                clock,
                zone);
    }
}
