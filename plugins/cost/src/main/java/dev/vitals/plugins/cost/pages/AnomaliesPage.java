package dev.vitals.plugins.cost.pages;

import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import dev.vitals.api.Page;
import dev.vitals.api.PageRoute;
import dev.vitals.api.PluginUrls;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.ui.Chart;
import dev.vitals.api.ui.ChartBand;
import dev.vitals.api.ui.ChartKind;
import dev.vitals.api.ui.ChartSeries;
import dev.vitals.api.ui.Pager;
import dev.vitals.api.ui.Flash;
import dev.vitals.plugins.cost.alerts.AlertsApi;
import dev.vitals.plugins.cost.alerts.NewTeamSettings;
import dev.vitals.plugins.cost.alerts.Period;
import dev.vitals.plugins.cost.allocation.Organisation;
import dev.vitals.plugins.cost.anomalies.Anomalies;
import dev.vitals.plugins.cost.anomalies.AnomaliesApi;
import dev.vitals.plugins.cost.anomalies.AnomalyList;
import dev.vitals.plugins.cost.anomalies.AnomalyView;
import dev.vitals.plugins.cost.anomalies.DismissRequest;
import dev.vitals.plugins.cost.anomalies.Expectation;
import dev.vitals.plugins.cost.anomalies.SeasonalBaseline;
import dev.vitals.plugins.cost.anomalies.StoredAnomaly;
import dev.vitals.plugins.cost.costs.CostLedger;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * {@code /p/cost/anomalies}: open and dismissed anomalies with filters, each anomaly's page with its chart and the
 * dismiss form, the period-over-period alerts, and a team's alert settings form.
 */
public final class AnomaliesPage {

    /** Anomalies per page of the list. */
    static final int PAGE_SIZE = 50;
    /** The days the list covers unless asked otherwise. */
    static final int DAYS = 90;

    private final Anomalies anomalies;
    private final AlertsApi alerts;
    private final CostLedger ledger;
    private final Organisation organisation;
    private final CatalogView catalog;
    private final SeasonalBaseline baseline;
    private final PluginUrls urls;
    private final Clock clock;
    private final ZoneId zone;

    public AnomaliesPage(Anomalies anomalies, AlertsApi alerts, CostLedger ledger, Organisation organisation,
            CatalogView catalog, PluginUrls urls, Clock clock, ZoneId zone) {
        this.catalog = catalog;
        this.anomalies = anomalies;
        this.alerts = alerts;
        this.ledger = ledger;
        this.organisation = organisation;
        this.baseline = new SeasonalBaseline(zone);
        this.urls = urls;
        this.clock = clock;
        this.zone = zone;
    }

    /** @return the pages, for {@code RunningPlugin.pages()} */
    public List<PageRoute> routes() {
        return List.of(
                PageRoute.of("/anomalies", this::list),
                PageRoute.of("/anomalies/alerts", this::alertList),
                PageRoute.of("/anomalies/{id}", this::detail),
                PageRoute.form("/anomalies/{id}/dismiss", this::dismiss),
                PageRoute.of("/anomalies/teams/{team}", this::teamSettings),
                PageRoute.form("/anomalies/teams/{team}", this::saveTeamSettings));
    }

    Page list(Context ctx) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Optional<Collection<EntityRef>> services = AnomaliesApi.services(ctx, organisation);
        String state = ctx.queryParam("state") == null ? "open" : ctx.queryParam("state");
        Optional<Boolean> open = switch (state) {
            case "dismissed" -> Optional.of(false);
            case "all" -> Optional.empty();
            default -> Optional.of(true);
        };
        AnomalyList all = anomalies.list(today.minusDays(DAYS), today.plusDays(1), services, open);
        int page = page(ctx);
        List<AnomalyView> shown = all.anomalies().stream().skip((long) (page - 1) * PAGE_SIZE).limit(PAGE_SIZE)
                .toList();
        Map<String, Object> params = new HashMap<>();
        params.put("list", all);
        params.put("shown", shown);
        params.put("pager", Pager.of(ctx, page, PAGE_SIZE, all.anomalies().size()));
        params.put("service", Optional.ofNullable(ctx.queryParam("service")).orElse(""));
        params.put("team", Optional.ofNullable(ctx.queryParam("team")).orElse(""));
        params.put("state", state);
        params.put("days", DAYS);
        params.put("urls", urls);
        params.put("zone", zone);
        params.put("teams", catalog.entities("Group").stream().map(g -> g.ref().key()).sorted().toList());
        return new Page("Cost anomalies", Templates.render("anomalies.jte", params));
    }

    Page detail(Context ctx) {
        long id = AnomaliesApi.id(ctx);
        StoredAnomaly stored = anomalies.stored(id).orElseThrow(() -> new ProblemException(404,
                "there is no anomaly " + id, List.of()));
        AnomalyView view = anomalies.find(id).orElseThrow();
        Map<String, Object> params = new HashMap<>();
        params.put("anomaly", view);
        params.put("chart", chart(stored));
        params.put("currency", anomalies.currency());
        params.put("caller", RequestCaller.of(ctx));
        params.put("mayDismiss", RequestCaller.of(ctx).mayEdit(stored.service()));
        params.put("urls", urls);
        params.put("zone", zone);
        params.put("serviceUrl", PluginUrls.entity(stored.service()));
        return new Page("Cost anomaly of " + view.service() + " on " + view.date(),
                Templates.render("anomaly.jte", params));
    }

    Page dismiss(Context ctx) {
        long id = AnomaliesApi.id(ctx);
        anomalies.dismiss(ctx, id, new DismissRequest(ctx.formParam("reason"), ctx.formParam("note")).checked());
        Flash.confirm(ctx, "Anomaly dismissed.");
        return Page.seeOther(ctx, urls.page("/anomalies/{id}", id));
    }

    Page alertList(Context ctx) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Map<String, Object> params = new HashMap<>();
        params.put("alerts", alerts.alerts(today.minusDays(DAYS), today.plusDays(1), Optional.empty()));
        params.put("days", DAYS);
        params.put("urls", urls);
        params.put("teams", catalog.entities("Group").stream().map(g -> g.ref().key()).sorted().toList());
        return new Page("Cost alerts", Templates.render("anomalies-alerts.jte", params));
    }

    Page teamSettings(Context ctx) {
        EntityRef team = AlertsApi.team(ctx, organisation);
        Map<String, Object> params = new HashMap<>();
        params.put("settings", alerts.settings().shown(team));
        params.put("periods", List.of(Period.values()).stream().map(Period::word).toList());
        params.put("caller", RequestCaller.of(ctx));
        params.put("mayEdit", RequestCaller.of(ctx).editsTeam(team));
        params.put("currency", anomalies.currency());
        params.put("urls", urls);
        params.put("zone", zone);
        params.put("teamUrl", PluginUrls.entity(team));
        return new Page("Cost alert settings of team " + team.key(), Templates.render("anomalies-team.jte", params));
    }

    Page saveTeamSettings(Context ctx) {
        EntityRef team = AlertsApi.team(ctx, organisation);
        RequestCaller.requireEditorOfTeam(ctx, team);
        String webhook = "on".equals(ctx.formParam("removeWebhook")) ? ""
                : Optional.ofNullable(ctx.formParam("webhook")).filter(w -> !w.isBlank()).orElse(null);
        alerts.save(ctx, team, new NewTeamSettings(decimal(ctx, "relativePercent"), decimal(ctx, "floorPerDay"),
                ctx.formParams("periods"), webhook));
        Flash.confirm(ctx, "Cost alert settings of team " + team.key() + " saved.");
        return Page.seeOther(ctx, urls.page("/anomalies/teams/{team}", team.key()));
    }

    private Chart chart(StoredAnomaly anomaly) {
        LocalDate day = anomaly.expectation().day();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate from = day.minusDays(42);
        LocalDate to = day.plusDays(15).isAfter(today.plusDays(1)) ? today.plusDays(1) : day.plusDays(15);
        TreeMap<LocalDate, BigDecimal> costs = new TreeMap<>(ledger.perServiceAndDay(
                from.minusDays(SeasonalBaseline.LOOKBACK_DAYS), to).getOrDefault(anomaly.service(), Map.of()));
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            days.add(d);
        }
        List<Optional<Expectation>> band = baseline.band(costs, days);
        List<OptionalDouble> cost = days.stream().map(d -> Optional.ofNullable(costs.get(d))
                .map(c -> OptionalDouble.of(Amounts.charted(c))).orElse(OptionalDouble.of(0))).toList();
        return Chart.builder("Daily cost of " + anomaly.service().key() + " with its expected band", ChartKind.LINES)
                .days("Day", days)
                .yAxis("Cost", anomalies.currency() + "/day")
                .decimals(2)
                .yMin(0)
                .series(new ChartSeries("Cost", cost), new ChartSeries("Expected", value(band, Expectation::expected)))
                .band(new ChartBand("Expected band", new ChartSeries("Band low", value(band, Expectation::low)),
                        new ChartSeries("Band high", value(band, Expectation::high))))
                .build();
    }

    private static List<OptionalDouble> value(List<Optional<Expectation>> band,
            java.util.function.Function<Expectation, BigDecimal> part) {
        return band.stream().map(e -> e.map(x -> OptionalDouble.of(Amounts.charted(part.apply(x))))
                .orElse(OptionalDouble.empty())).toList();
    }

    private static BigDecimal decimal(Context ctx, String field) {
        String text = ctx.formParam(field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.unprocessable("the alert settings cannot be saved", List.of(
                    new dev.vitals.api.FieldError(field, "must be a number, got '" + text + "'")));
        }
    }

    private static int page(Context ctx) {
        try {
            return Math.max(1, Integer.parseInt(Optional.ofNullable(ctx.queryParam(Pager.PARAMETER)).orElse("1")));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
