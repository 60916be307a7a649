package dev.vitals.plugins.slo;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.Job;
import dev.vitals.api.NavEntry;
import dev.vitals.api.PageRoute;
import dev.vitals.api.Panel;
import dev.vitals.api.Role;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.ServiceTab;
import dev.vitals.plugins.slo.alerts.AlertNotifier;
import dev.vitals.plugins.slo.api.ImportApi;
import dev.vitals.plugins.slo.api.ReviewCsv;
import dev.vitals.plugins.slo.api.SampleApi;
import dev.vitals.plugins.slo.api.SloApi;
import dev.vitals.plugins.slo.demo.DemoSlos;
import dev.vitals.plugins.slo.ingest.PrometheusPull;
import dev.vitals.plugins.slo.measures.RequestMeasures;
import dev.vitals.plugins.slo.pages.ComponentPage;
import dev.vitals.plugins.slo.pages.DetailPage;
import dev.vitals.plugins.slo.pages.OverviewPage;
import dev.vitals.plugins.slo.pages.ProgramSloPanel;
import dev.vitals.plugins.slo.pages.ReviewPage;
import dev.vitals.plugins.slo.pages.ServiceTabView;
import dev.vitals.plugins.slo.pages.SloFormPages;
import dev.vitals.plugins.slo.pages.TeamSloPanel;
import dev.vitals.plugins.slo.refresh.AfterNewMinutes;
import dev.vitals.plugins.slo.samples.MinuteRetention;
import dev.vitals.plugins.slo.signals.BudgetSignals;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * The SLO plugin as it runs: its routes, pages, tab and jobs, each bound to an object {@link SloPlugin} built. Each
 * route's description for the API docs stands next to its handler.
 */
record RunningSlo(
        SloApi definitions,
        SampleApi samples,
        ImportApi imports,
        ReviewCsv reviewCsv,
        OverviewPage overview,
        DetailPage detail,
        SloFormPages forms,
        ComponentPage component,
        ReviewPage review,
        ServiceTabView serviceTab,
        ProgramSloPanel programPanel,
        TeamSloPanel teamPanel,
        BudgetSignals signals,
        RequestMeasures measures,
        PrometheusPull pull,
        MinuteRetention retention,
        AlertNotifier notifier,
        DemoSlos demo,
        AfterNewMinutes refresh,
        ExecutorService workers,
        Clock clock,
        ZoneId zone) implements RunningPlugin {

    @Override
    public List<ApiRoute> apiRoutes() {
        return List.of(
                ApiRoute.get("/slos", definitions::list).doc(SloApi.LIST),
                ApiRoute.post("/slos", definitions::create).doc(SloApi.CREATE),
                ApiRoute.get("/slos/{name}", definitions::get).doc(SloApi.GET),
                ApiRoute.put("/slos/{name}", definitions::replace).doc(SloApi.REPLACE),
                ApiRoute.delete("/slos/{name}", definitions::delete).doc(SloApi.DELETE),
                ApiRoute.get("/slos/{name}/status", definitions::status).doc(SloApi.STATUS),
                ApiRoute.get("/slos/{name}/openslo", definitions::openSlo).doc(SloApi.OPENSLO),
                ApiRoute.post("/samples", samples::ingest).doc(SampleApi.INGEST),
                ApiRoute.post("/import", imports::importFile).doc(ImportApi.IMPORT),
                ApiRoute.get("/review.csv", reviewCsv::download).doc(ReviewCsv.DOWNLOAD));
    }

    @Override
    public List<PageRoute> pages() {
        return List.of(
                PageRoute.of("/", overview::render),
                new PageRoute("/new", Role.EDITOR, forms::newForm),
                PageRoute.form("/new", forms::create),
                new PageRoute("/slos/{name}/edit", Role.EDITOR, forms::editForm),
                PageRoute.form("/slos/{name}/edit", forms::edit),
                new PageRoute("/slos/{name}/delete", Role.EDITOR, forms::deleteForm),
                PageRoute.form("/slos/{name}/delete", forms::delete),
                PageRoute.of("/slos/{name}", detail::render),
                PageRoute.of("/components/{name}", component::render),
                PageRoute.of("/review", review::render));
    }

    @Override
    public List<NavEntry> navigation() {
        return List.of(new NavEntry("SLOs", "/"), new NavEntry("SLO review", "/review"));
    }

    @Override
    public List<ServiceTab> serviceTabs() {
        return List.of(new ServiceTab("slos", "SLOs", serviceTab::render));
    }

    @Override
    public List<Panel> programPanels() {
        return List.of(programPanel.panel());
    }

    @Override
    public List<Panel> teamPanels() {
        return List.of(teamPanel.panel());
    }

    @Override
    public List<Job> jobs() {
        return List.of(
                // One evaluation a minute records alert starts and ends and publishes the budget policy.
                new Job("evaluate-slos", Duration.ofMinutes(1), signals::publishAll),
                new Job("prune-minute-data", Duration.ofHours(6), () -> retention.prune(clock.instant())),
                new Job("send-alert-notifications", Duration.ofSeconds(30), notifier::sendDue),
                new Job("pull-prometheus", Duration.ofMinutes(1), () -> refresh.minutesArrived(pull.pullAll())),
                new Job("publish-request-measures", Duration.ofHours(1), () -> measures.catchUp(clock.instant())));
    }

    @Override
    public void seedDemoData() {
        demo.seed();
        signals.publishAll();
        // The demo's minutes are generated in SQL, past the refresh that follows minutes sent to the API.
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        measures.publishDays(today.minusDays(DemoSlos.HISTORY.toDays()), today);
    }

    @Override
    public void stop() {
        refresh.close();
        workers.shutdownNow();
    }
}
