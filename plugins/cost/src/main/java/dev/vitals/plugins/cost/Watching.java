package dev.vitals.plugins.cost;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.Job;
import dev.vitals.api.PageRoute;
import dev.vitals.api.PluginContext;
import dev.vitals.api.RouteDoc;
import dev.vitals.api.RouteParam;
import dev.vitals.plugins.cost.alerts.AlertList;
import dev.vitals.plugins.cost.alerts.AlertRules;
import dev.vitals.plugins.cost.alerts.AlertSettings;
import dev.vitals.plugins.cost.alerts.AlertStore;
import dev.vitals.plugins.cost.alerts.AlertsApi;
import dev.vitals.plugins.cost.alerts.NewTeamSettings;
import dev.vitals.plugins.cost.alerts.TeamSettings;
import dev.vitals.plugins.cost.allocation.Organisation;
import dev.vitals.plugins.cost.anomalies.Anomalies;
import dev.vitals.plugins.cost.anomalies.AnomaliesApi;
import dev.vitals.plugins.cost.anomalies.AnomalyList;
import dev.vitals.plugins.cost.anomalies.AnomalyStore;
import dev.vitals.plugins.cost.anomalies.AnomalyView;
import dev.vitals.plugins.cost.anomalies.CostWatch;
import dev.vitals.plugins.cost.anomalies.DismissRequest;
import dev.vitals.plugins.cost.costs.CostLedger;
import dev.vitals.plugins.cost.notify.Outbox;
import dev.vitals.plugins.cost.notify.WebhookPost;
import dev.vitals.plugins.cost.pages.AnomaliesPage;
import dev.vitals.plugins.cost.pages.AnomaliesSection;
import dev.vitals.plugins.cost.signals.CostSignals;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

/**
 * Anomalies, period-over-period alerts, their notifications and signals, built from the context: the routes, pages
 * and jobs they add to {@link RunningCost}, and the section of open anomalies other cost pages include.
 *
 * @param watch detection, also run after the demo is seeded
 * @param section the open anomalies, for the overview page
 */
record Watching(CostWatch watch, AnomaliesApi anomaliesApi, AlertsApi alertsApi, AnomaliesPage page,
        AnomaliesSection section, Outbox outbox, AlertSettings settings, Duration detectEvery,
        Duration notifyEvery) {

    /** The job that assesses new imports' days and, daily, the recent weeks. */
    static final String DETECT_JOB = "detect-cost-anomalies";
    /** The job that posts queued messages to teams' webhooks. */
    static final String NOTIFY_JOB = "notify-cost-findings";

    static Watching of(PluginContext context, CostLedger ledger, Organisation organisation, String currency) {
        AlertSettings settings = new AlertSettings(context.jdbi(), new AlertRules(
                context.settings().get(CostSettings.ALERT_RELATIVE_PERCENT),
                context.settings().get(CostSettings.ALERT_FLOOR_PER_DAY),
                EnumSet.of(dev.vitals.plugins.cost.alerts.Period.WEEK, dev.vitals.plugins.cost.alerts.Period.MONTH)));
        AnomalyStore anomalies = new AnomalyStore(context.jdbi());
        AlertStore alerts = new AlertStore(context.jdbi());
        Outbox outbox = new Outbox(context.jdbi(), new WebhookPost(), context.clock());
        CostWatch watch = new CostWatch(context.jdbi(), ledger, organisation, anomalies, alerts, settings, outbox,
                new CostSignals(context.jdbi(), context.signals(), context.clock()), context.urls(), context.clock(),
                context.orgTimeZone());
        Anomalies reading = new Anomalies(anomalies, watch, outbox, organisation, context.urls(), context.clock(),
                currency);
        AlertsApi alertsApi = new AlertsApi(alerts, settings, organisation, context.clock(), currency);
        return new Watching(watch, new AnomaliesApi(reading, organisation), alertsApi,
                new AnomaliesPage(reading, alertsApi, ledger, organisation, context.catalog(), context.urls(),
                        context.clock(), context.orgTimeZone()),
                new AnomaliesSection(reading, context.urls(), context.clock(), context.orgTimeZone()), outbox,
                settings, context.settings().get(CostSettings.DETECT_EVERY),
                context.settings().get(CostSettings.NOTIFY_EVERY));
    }

    List<ApiRoute> apiRoutes() {
        RouteParam[] period = {
            RouteParam.required("from", "the first day, e.g. 2024-09-01").ofType(LocalDate.class),
            RouteParam.required("to", "the day after the last, e.g. 2024-10-01").ofType(LocalDate.class),
            RouteParam.optional("service", "only this service's, e.g. checkout"),
            RouteParam.optional("team", "only those of this team's services (and, for alerts, of the team)")};
        return List.of(
                ApiRoute.get("/anomalies", anomaliesApi::list)
                        .doc(RouteDoc.of("List the days whose cost was above the service's expected band")
                                .description("Over the days [from, to) of the organisation's time zone. The band "
                                        + "is the seasonal median of the same weekday over 4 weeks, trend-adjusted, "
                                        + "with a MAD band (see method); a service with fewer than 14 days of "
                                        + "history is assessed period-over-period and marked warmingUp. Amounts are "
                                        + "exact decimal strings in the reporting currency.")
                                .query(period)
                                .query(RouteParam.optional("state", "open, dismissed or all; all when absent"))
                                .returns(AnomalyList.class)),
                ApiRoute.post("/anomalies/{id}/dismiss", anomaliesApi::dismiss)
                        .doc(RouteDoc.of("Dismiss an anomaly as planned or known")
                                .description("By an editor of the team owning the service, or an admin. Records "
                                        + "who, when and why; the anomaly stops counting for the service's signal "
                                        + "and its message is not sent if it was still queued. 409 when it was "
                                        + "dismissed already.")
                                .accepts(DismissRequest.class, "{\"reason\": \"planned\", \"note\": \"load test\"}")
                                .returns(AnomalyView.class)),
                ApiRoute.get("/alerts", alertsApi::list)
                        .doc(RouteDoc.of("List the period-over-period alerts of services and teams")
                                .description("A rise over a day, a week or a month against the period before, above "
                                        + "both the team's relative threshold and its floor per day.")
                                .query(period)
                                .returns(AlertList.class)),
                ApiRoute.get("/teams/{team}/alert-settings", alertsApi::get)
                        .doc(RouteDoc.of("Read a team's alert thresholds and webhook (masked)")
                                .returns(TeamSettings.class)),
                ApiRoute.put("/teams/{team}/alert-settings", alertsApi::put)
                        .doc(RouteDoc.of("Change a team's alert thresholds, periods and webhook")
                                .description("By an editor of the team, or an admin. Absent fields keep their value; "
                                        + "webhook \"\" removes it. The webhook is a Slack-compatible incoming webhook "
                                        + "URL; it is never answered in full.")
                                .accepts(NewTeamSettings.class, "{\"relativePercent\": 25, \"floorPerDay\": 100, "
                                        + "\"periods\": [\"week\", \"month\"], "
                                        + "\"webhook\": \"https://hooks.slack.com/services/T000/B000/XXXX\"}")
                                .returns(TeamSettings.class)));
    }

    List<PageRoute> pages() {
        return page.routes();
    }

    List<Job> jobs() {
        return List.of(new Job(DETECT_JOB, detectEvery, watch::catchUp),
                new Job(NOTIFY_JOB, notifyEvery, () -> outbox.sendDue(team -> settings.webhook(
                        dev.vitals.api.EntityRef.parse(team)))));
    }
}
