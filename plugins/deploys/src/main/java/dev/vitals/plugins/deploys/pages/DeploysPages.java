package dev.vitals.plugins.deploys.pages;

import dev.vitals.api.CatalogEntity;
import dev.vitals.api.EntityRef;
import dev.vitals.api.Page;
import dev.vitals.api.PageRoute;
import dev.vitals.api.Panel;
import dev.vitals.api.PluginContext;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.Role;
import dev.vitals.api.ServiceTab;
import dev.vitals.plugins.deploys.dora.DoraQuery;
import dev.vitals.plugins.deploys.dora.Period;
import dev.vitals.plugins.deploys.gate.BreakGlass;
import dev.vitals.plugins.deploys.gate.DeployGate;
import dev.vitals.plugins.deploys.gate.FreezeWindow;
import dev.vitals.plugins.deploys.gate.FreezeWindows;
import dev.vitals.plugins.deploys.gate.GateLog;
import dev.vitals.plugins.deploys.ingest.DeploymentStore;
import dev.vitals.plugins.deploys.integrations.Integrations;
import dev.vitals.plugins.deploys.migration.MigrationTracker;
import gg.jte.Content;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.javalin.http.Context;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The plugin's pages, service tab and panels. Each page states the definitions it uses. */
public final class DeploysPages {

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html,
            DeploysPages.class.getClassLoader(), "dev.vitals.plugins.deploys.jte");
    private static final int PAGE_SIZE = 50;
    private static final int WEEKS = 26;

    private final PluginContext context;
    private final DoraQuery dora;
    private final DeploymentStore deployments;
    private final MigrationTracker migration;
    private final FreezeWindows freezes;
    private final BreakGlass breakGlass;
    private final GateLog gateLog;
    private final DeployGate gate;
    private final Optional<LocalDate> migrationTarget;
    private final Integrations integrations;

    public DeploysPages(PluginContext context, DoraQuery dora, DeploymentStore deployments, MigrationTracker migration,
            FreezeWindows freezes, BreakGlass breakGlass, GateLog gateLog, DeployGate gate,
            Optional<LocalDate> migrationTarget, Integrations integrations) {
        this.context = context;
        this.integrations = integrations;
        this.dora = dora;
        this.deployments = deployments;
        this.migration = migration;
        this.freezes = freezes;
        this.breakGlass = breakGlass;
        this.gateLog = gateLog;
        this.gate = gate;
        this.migrationTarget = migrationTarget;
    }

    /**
     * The routes are declared before the plugin starts, so they reach the pages through the supplier.
     *
     * @param pages gives the started plugin's pages
     * @return the page routes
     */
    public static List<PageRoute> routes(Supplier<DeploysPages> pages) {
        return List.of(
                PageRoute.of("/", ctx -> new Page("Deploys", pages.get().overview())),
                PageRoute.of("/services/{service}", ctx -> pages.get().service(ctx, ctx.pathParam("service"))),
                PageRoute.of("/deployments", ctx -> pages.get().deploymentList(ctx)),
                PageRoute.of("/migration", ctx -> new Page("Independent-deploy migration",
                        pages.get().migrationPage())),
                PageRoute.of("/freezes", ctx -> new Page("Freeze calendar", pages.get().freezeCalendar())),
                PageRoute.of("/break-glass", ctx -> new Page("Break-glass", pages.get().breakGlassPage())),
                new PageRoute("/admin/integrations", Role.ADMIN, ctx -> new Page("Webhook integrations",
                        pages.get().integrationsPage(ctx))),
                PageRoute.form("/admin/integrations", ctx -> pages.get().addIntegration(ctx)).requiring(Role.ADMIN),
                PageRoute.form("/admin/integrations/{name}/rotate", ctx -> pages.get().rotateIntegration(ctx))
                        .requiring(Role.ADMIN),
                PageRoute.form("/admin/integrations/{name}/delete", ctx -> pages.get().deleteIntegration(ctx))
                        .requiring(Role.ADMIN));
    }

    private Page addIntegration(Context ctx) {
        return showOnce(ctx, integrations.add(ctx.formParam("name"), ctx.formParam("kind"),
                RequestCaller.of(ctx).name(), now()));
    }

    private Page rotateIntegration(Context ctx) {
        return showOnce(ctx, integrations.rotate(ctx.pathParam("name"), RequestCaller.of(ctx).name(), now()));
    }

    /** The admin page shows a new secret once, so it never sits in a URL or the browser's history of a page. */
    private Page showOnce(Context ctx, Integrations.NewSecret made) {
        return Page.seeOther(ctx, "/p/deploys/admin/integrations?reveal="
                + integrations.revealOnce(made.integration().name(), now()));
    }

    private Page deleteIntegration(Context ctx) {
        integrations.delete(ctx.pathParam("name"), RequestCaller.of(ctx).name(), now());
        return Page.seeOther(ctx, "/p/deploys/admin/integrations");
    }

    private Content integrationsPage(Context ctx) {
        Optional<Integrations.NewSecret> revealed = Optional.ofNullable(ctx.queryParam("reveal"))
                .flatMap(token -> integrations.reveal(token, now()));
        Map<String, Object> params = new HashMap<>();
        params.put("integrations", integrations.all());
        params.put("log", integrations.log(50));
        params.put("revealed", revealed);
        params.put("csrf", RequestCaller.of(ctx).formToken().orElse(""));
        params.put("envGithub", context.config().get("GITHUB_SECRET").filter(s -> !s.isBlank()).isPresent());
        params.put("envPagerDuty", context.config().get("PAGERDUTY_SECRET").filter(s -> !s.isBlank()).isPresent());
        return render("integrations.jte", params);
    }

    public static ServiceTab serviceTab(Supplier<DeploysPages> pages) {
        return new ServiceTab("deploys", "Deploys", (ctx, service) -> pages.get().serviceTabContent(service));
    }

    public static Panel teamPanel(Supplier<DeploysPages> pages) {
        return new Panel("deploys", "Deploys (last 90 days)", (ctx, team) -> pages.get().teamPanelContent(team));
    }

    public static Panel programPanel(Supplier<DeploysPages> pages) {
        return new Panel("migration", "Independent deploys", (ctx, program) -> pages.get()
                .programPanelContent(program));
    }

    private Content serviceTabContent(String service) {
        {
            Optional<CatalogEntity> entity = context.catalog().entity(service);
            Map<String, Object> params = new HashMap<>();
            params.put("card", new DoraCard(service, "/p/deploys/services/" + service,
                    dora.report(Optional.of(List.of(service)), last(90))));
            params.put("mode", migration.modes(List.of(service), today()).get(0));
            params.put("gate", entity.map(e -> gate.decide(e, "production", now())).orElse(null));
            params.put("service", service);
            return render("service-tab.jte", params);
        }
    }

    private Content teamPanelContent(String team) {
        {
            List<String> services = names(context.catalog().servicesOf(team));
            String name = EntityRef.parse(team, "group").name();
            return render("team-panel.jte", Map.of("card", new DoraCard(name, "/p/deploys/deployments?team=" + name,
                    dora.report(Optional.of(services), last(90))), "services", services.size()));
        }
    }

    private Content programPanelContent(String program) {
        {
            List<String> services = names(context.catalog().servicesOf(program));
            List<LocalDate> weeks = weekEnds();
            Map<LocalDate, Double> share = migration.shareOver(services, weeks);
            Map<String, Object> params = new HashMap<>();
            params.put("services", services.size());
            params.put("independent", migration.modes(services, today()).stream().filter(m -> m.independent()).count());
            params.put("chart", share.isEmpty() ? "" : SvgChart.line(List.copyOf(share.values()),
                    "share of the program's services deploying independently, weekly"));
            params.put("target", migrationTarget.map(LocalDate::toString).orElse(""));
            return render("program-panel.jte", params);
        }
    }

    private Content overview() {
        Period period = last(90);
        List<CatalogEntity> services = context.catalog().services();
        Map<String, List<String>> byTeam = new java.util.TreeMap<>();
        for (CatalogEntity s : services) {
            s.owner().ifPresent(o -> byTeam.computeIfAbsent(EntityRef.parse(o, "group").name(),
                    t -> new ArrayList<>()).add(s.name()));
        }
        List<DoraCard> teams = new ArrayList<>();
        byTeam.forEach((team, owned) -> teams.add(new DoraCard(team, "/p/deploys/deployments?team=" + team,
                dora.report(Optional.of(owned), period))));
        List<DoraCard> serviceCards = new ArrayList<>();
        for (CatalogEntity s : services) {
            serviceCards.add(new DoraCard(s.name(), "/p/deploys/services/" + s.name(),
                    dora.report(Optional.of(List.of(s.name())), period)));
        }
        Period weeks = weeks();
        List<Long> weekly = dora.weeklyDeployments(Optional.empty(), weeks);
        Map<String, Object> params = new HashMap<>();
        params.put("org", new DoraCard("Organisation", "/p/deploys/deployments", dora.report(Optional.empty(), period)));
        params.put("teams", teams);
        params.put("services", serviceCards);
        params.put("chart", SvgChart.bars(weekly, "production deploys per week"));
        params.put("chartCaption", "Production deploys per ISO week, " + weeks.from() + " to "
                + weeks.to().minusDays(1) + "; most recent week "
                + (weekly.isEmpty() ? 0 : weekly.get(weekly.size() - 1)) + ", peak "
                + weekly.stream().mapToLong(Long::longValue).max().orElse(0) + ".");
        params.put("period", period.from() + " to " + period.to().minusDays(1) + " (" + period.zone() + ")");
        params.put("empty", weekly.stream().allMatch(w -> w == 0));
        return render("overview.jte", params);
    }

    private Page service(Context ctx, String name) {
        Optional<CatalogEntity> found = context.catalog().entity(name)
                .filter(e -> e.kind().equalsIgnoreCase("Component"));
        if (found.isEmpty()) {
            ctx.status(404);
            return new Page("No such service", render("not-found.jte", Map.of("service", name)));
        }
        CatalogEntity entity = found.get();
        List<String> scope = List.of(entity.name());
        List<DoraCard> months = new ArrayList<>();
        YearMonth current = YearMonth.from(today());
        for (int i = 5; i >= 0; i--) {
            YearMonth month = current.minusMonths(i);
            months.add(new DoraCard(month.toString(), "", dora.report(Optional.of(scope),
                    new Period(month.atDay(1), month.plusMonths(1).atDay(1), context.orgTimeZone()))));
        }
        Period weeks = weeks();
        Map<String, Object> params = new HashMap<>();
        params.put("card", new DoraCard(entity.name(), "/services/" + entity.name(),
                dora.report(Optional.of(scope), last(90))));
        params.put("months", months);
        params.put("chart", SvgChart.bars(dora.weeklyDeployments(Optional.of(scope), weeks),
                "production deploys per week of " + entity.name()));
        params.put("mode", migration.modes(scope, today()).get(0));
        params.put("gate", gate.decide(entity, "production", now()));
        params.put("service", entity.name());
        return new Page("Deploys of " + entity.name(), render("service.jte", params));
    }

    private Page deploymentList(Context ctx) {
        String service = ctx.queryParam("service");
        String team = ctx.queryParam("team");
        Optional<List<String>> scope = Optional.empty();
        String what = "all services";
        if (service != null && !service.isBlank()) {
            scope = Optional.of(List.of(service.trim()));
            what = "service " + service.trim();
        } else if (team != null && !team.isBlank()) {
            scope = Optional.of(EntityRef.fromKey("group", team.trim())
                    .map(r -> names(context.catalog().servicesOf(r.toString()))).orElse(List.of()));
            what = "team " + team.trim();
        }
        int page = 1;
        if (ctx.queryParam("page") != null) {
            page = ctx.queryParamAsClass("page", Integer.class).check(p -> p >= 1 && p <= 100_000, "1 or more").get();
        }
        var rows = deployments.page(scope, (page - 1) * PAGE_SIZE, PAGE_SIZE + 1);
        boolean more = rows.size() > PAGE_SIZE;
        String query = service != null && !service.isBlank() ? "service=" + enc(service.trim())
                : team != null && !team.isBlank() ? "team=" + enc(team.trim()) : "";
        Map<String, Object> params = new HashMap<>();
        params.put("rows", more ? rows.subList(0, PAGE_SIZE) : rows);
        params.put("what", what);
        params.put("page", page);
        params.put("more", more);
        params.put("query", query.isEmpty() ? "" : query + "&");
        params.put("total", deployments.count(scope));
        return new Page("Deployments of " + what, render("deployments.jte", params));
    }

    private Content migrationPage() {
        List<String> services = names(context.catalog().services());
        List<LocalDate> weeks = weekEnds();
        Map<LocalDate, Double> share = migration.shareOver(services, weeks);
        var modes = migration.modes(services, today());
        Map<String, Object> params = new HashMap<>();
        params.put("modes", modes);
        params.put("independent", modes.stream().filter(m -> m.independent()).count());
        params.put("chart", share.isEmpty() ? "" : SvgChart.line(List.copyOf(share.values()),
                "share of services deploying independently, weekly"));
        params.put("first", weeks.get(0).toString());
        params.put("last", weeks.get(weeks.size() - 1).toString());
        params.put("target", migrationTarget.map(LocalDate::toString).orElse(""));
        return render("migration.jte", params);
    }

    /**
     * One day of the freeze calendar.
     *
     * @param date the day
     * @param weekday its name
     * @param windows the org-wide, team and service windows on that day
     */
    public record CalendarDay(LocalDate date, String weekday, List<String> windows) {
    }

    private Content freezeCalendar() {
        List<FreezeWindow> all = freezes.all();
        List<CalendarDay> days = new ArrayList<>();
        LocalDate start = today();
        for (int i = 0; i < 28; i++) {
            LocalDate date = start.plusDays(i);
            ZonedDateTime noon = date.atTime(12, 0).atZone(context.orgTimeZone());
            List<String> on = all.stream().filter(w -> coversDay(w, date)).map(FreezeWindow::describe).toList();
            days.add(new CalendarDay(date, noon.getDayOfWeek().name().substring(0, 1)
                    + noon.getDayOfWeek().name().substring(1, 3).toLowerCase(Locale.ROOT), on));
        }
        return render("freezes.jte", Map.of("windows", all, "days", days, "zone", context.orgTimeZone().getId()));
    }

    private boolean coversDay(FreezeWindow window, LocalDate date) {
        if (window.kind() == FreezeWindow.Kind.ONCE) {
            Instant dayStart = date.atStartOfDay(context.orgTimeZone()).toInstant();
            Instant dayEnd = date.plusDays(1).atStartOfDay(context.orgTimeZone()).toInstant();
            return window.startsAt().orElseThrow().isBefore(dayEnd) && window.endsAt().orElseThrow().isAfter(dayStart);
        }
        return window.coversTime(date.atTime(12, 0).atZone(context.orgTimeZone()));
    }

    private Content breakGlassPage() {
        Instant now = now();
        return render("break-glass.jte", Map.of("requests", breakGlass.latest(0, 100), "now", now,
                "log", gateLog.latest(100)));
    }

    private Period last(int days) {
        return Period.lastDays(today(), days, context.orgTimeZone());
    }

    private Period weeks() {
        LocalDate monday = today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new Period(monday.minusWeeks(WEEKS - 1), monday.plusWeeks(1), context.orgTimeZone());
    }

    private List<LocalDate> weekEnds() {
        LocalDate sunday = today().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        List<LocalDate> dates = new ArrayList<>();
        for (int i = WEEKS - 1; i >= 0; i--) {
            dates.add(sunday.minusWeeks(i));
        }
        return dates;
    }

    private LocalDate today() {
        return LocalDate.now(context.clock().withZone(context.orgTimeZone()));
    }

    private Instant now() {
        return context.clock().instant();
    }

    private static List<String> names(List<CatalogEntity> entities) {
        return entities.stream().map(CatalogEntity::name).toList();
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Content render(String template, Map<String, Object> params) {
        return output -> TEMPLATES.render(template, params, output);
    }

    static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("VITALS_DEPLOYS_MIGRATION_TARGET must be a date like 2026-06-30, got "
                    + text);
        }
    }
}
