package dev.vitals.web.catalog;

import dev.vitals.core.catalog.WrittenRef;
import dev.vitals.web.security.GuardedRoutes;
import dev.vitals.core.identity.Scopes;
import dev.vitals.api.ui.EntityFilter;
import dev.vitals.api.ui.Flash;
import dev.vitals.core.catalog.CatalogFilter;
import dev.vitals.core.signals.ServicesHealth;
import dev.vitals.api.ui.Pager;
import dev.vitals.api.Panel;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.Role;
import dev.vitals.api.ServiceTab;
import dev.vitals.api.Signal;
import dev.vitals.api.SignalStatus;
import dev.vitals.core.Vitals;
import dev.vitals.core.catalog.CatalogEditor;
import dev.vitals.core.catalog.CatalogOutline;
import dev.vitals.core.catalog.CatalogPage;
import dev.vitals.core.catalog.EntityDetail;
import dev.vitals.api.EntityRef;
import dev.vitals.core.catalog.EntitySummary;
import dev.vitals.core.catalog.RelatedEntity;
import dev.vitals.core.pluginhost.HostedPlugin;
import dev.vitals.core.signals.HealthHistory;
import dev.vitals.core.signals.HealthScore;
import dev.vitals.web.pages.Layout;
import dev.vitals.web.pages.Templates;
import dev.vitals.web.pluginroutes.GuardedContent;
import dev.vitals.web.security.Authentication;
import dev.vitals.web.security.Caller;
import gg.jte.Content;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog's pages: a list per collection, and one page per service, team, program, system, availability component
 * or other entity, each linking to the others.
 */
public final class CatalogPages {

    private static final int HISTORY_DAYS = 90;
    private final Vitals vitals;
    private final Layout layout;

    public CatalogPages(Vitals vitals, Layout layout) {
        this.vitals = vitals;
        this.layout = layout;
    }

    /**
     * A related entity as a page lists it.
     *
     * @param title what to show
     * @param href where it goes
     * @param kind its kind
     * @param known whether the catalog has it
     */
    public record Link(String title, String href, String kind, boolean known) {
        static Link of(RelatedEntity r) {
            return new Link(r.title(), Collection.href(r.ref()), r.kind(), r.known());
        }

        static Link ofRef(String ref) {
            return ref == null ? null : new Link(EntitySummary.nameOf(ref), Collection.href(ref), "", true);
        }
    }

    /**
     * A group of relations of one type.
     *
     * @param label how the page names the relation
     * @param links the related entities
     */
    public record RelationGroup(String label, List<Link> links) {
    }

    /**
     * An entity in a list, with its worst signal.
     *
     * @param entity the entity
     * @param href its page
     * @param owner its owner's link, or null
     * @param status its worst signal across plugins
     * @param talkTo whom to talk to about it when it is failing (Warning or Critical): its owner's contacts, or null
     */
    public record Row(EntitySummary entity, String href, Link owner, StatusCell status, Contacts talkTo) {
    }

    /**
     * A team that owns something a program has in scope but is not among its stakeholders.
     *
     * @param team the team's link
     * @param teamRef its reference
     * @param owns what it owns in scope
     */
    public record MissingStakeholder(Link team, String teamRef, List<Link> owns) {
    }

    /**
     * A service whose worst verdict changed since a month ago.
     *
     * @param service its link
     * @param before its worst status then, null when nothing had judged it
     * @param now its worst status now, null when nothing judges it now
     * @param worse whether it got worse
     */
    public record Change(Link service, SignalStatus before, SignalStatus now, boolean worse) {
    }

    /**
     * The team's health score now against a month ago.
     *
     * @param now the score now, or null
     * @param before the score a month ago, or null
     * @param since the day a month ago
     * @param changes services whose verdict changed, the worse first
     */
    public record Trend(Long now, Long before, LocalDate since, List<Change> changes) {

        /** The arrow and difference, e.g. {@code ↓ 20}, or {@code →} for no change; empty without both scores. */
        public String arrow() {
            if (now == null || before == null) {
                return "";
            }
            long d = now - before;
            return d > 0 ? "↑ " + d : d < 0 ? "↓ " + (-d) : "→ no change";
        }

        /** The stylesheet class for the arrow. */
        public String css() {
            return now == null || before == null || now.equals(before) ? "trend-same"
                    : now > before ? "trend-better" : "trend-worse";
        }
    }

    /**
     * A tab or panel on a page.
     *
     * @param id its id in URLs
     * @param title its label
     * @param href the URL that opens it
     * @param selected whether it is the one shown
     */
    public record Tab(String id, String title, String href, boolean selected) {
    }

    /**
     * A plugin panel with its content.
     *
     * @param title the heading
     * @param plugin the plugin's display name (never its id)
     * @param body the rendered content
     */
    public record PanelView(String title, String plugin, Content body) {
    }

    /**
     * A program's stakeholder.
     *
     * @param team the team's link
     * @param teamRef the team's reference as written
     * @param role its role
     */
    public record StakeholderView(Link team, String teamRef, String role) {
    }

    public void register(GuardedRoutes routes) {
        for (Collection collection : Collection.values()) {
            routes.get("/" + collection.path(), Role.VIEWER, Scopes.CATALOG_READ, ctx -> list(ctx, collection));
        }
        routes.get("/services/<key>", Role.VIEWER, Scopes.CATALOG_READ, ctx -> service(ctx, ref(Collection.SERVICES.kind(), ctx.pathParam("key"))));
        routes.get("/teams/<key>", Role.VIEWER, Scopes.CATALOG_READ, ctx -> team(ctx, ref(Collection.TEAMS.kind(), ctx.pathParam("key"))));
        routes.get("/programs/<key>", Role.VIEWER, Scopes.CATALOG_READ, ctx -> program(ctx, ref(Collection.PROGRAMS.kind(), ctx.pathParam("key"))));
        routes.get("/systems/<key>", Role.VIEWER, Scopes.CATALOG_READ, ctx -> entity(ctx, ref(Collection.SYSTEMS.kind(), ctx.pathParam("key"))));
        routes.get("/components/<key>", Role.VIEWER, Scopes.CATALOG_READ, ctx -> entity(ctx, ref(Collection.COMPONENTS.kind(), ctx.pathParam("key"))));
        routes.get("/catalog/{kind}/<key>", Role.VIEWER, Scopes.CATALOG_READ, ctx -> entity(ctx, ref(ctx.pathParam("kind"), ctx.pathParam("key"))));
        routes.get("/catalog/edit", Role.EDITOR, Scopes.CATALOG_WRITE, this::editForm);
        routes.post("/catalog/edit", Role.EDITOR, Scopes.CATALOG_WRITE, this::saveEdit);
        routes.post("/catalog/stakeholders", Role.EDITOR, Scopes.CATALOG_WRITE, this::saveStakeholders);
    }

    private void list(Context ctx, Collection collection) {
        var paging = Paging.of(ctx);
        CatalogOutline outline = vitals.catalog().outline();
        EntityFilter owner = EntityFilter.read(ctx, "owner", Collection.TEAMS.kind());
        String ownerRef = owner.ref().map(EntityRef::toString).orElse("");
        List<EntitySummary> teams = outline.all(Collection.TEAMS.kinds());
        if (!ownerRef.isEmpty() && teams.stream().noneMatch(t -> t.ref().equals(ownerRef))) {
            owner = owner.unknown("There is no team '" + owner.value() + "' in the catalog: pick one from the list.");
        }
        CatalogFilter filter = CatalogApi.filter(ctx);
        filter = new CatalogFilter(owner.ref().map(EntityRef::toString), filter.system(), filter.tag(),
                filter.lifecycle(), filter.text());
        CatalogPage page = vitals.catalog().list(outline, collection.kinds(), filter, paging.page(), paging.size());
        List<String> refs = page.items().stream().map(EntitySummary::ref).toList();
        List<Row> rows = switch (collection) {
            // A team's or a program's health is that of its services, not of signals about itself.
            case TEAMS -> held(page.items(), new ServicesHealth(vitals.database().jdbi()).ofTeams(refs, startedPlugins()));
            case PROGRAMS -> held(page.items(),
                    new ServicesHealth(vitals.database().jdbi()).ofPrograms(refs, startedPlugins()));
            default -> {
                Map<String, List<Signal>> signals = vitals.signals().latestFor(refs);
                yield page.items().stream().map(e -> row(e, signals)).toList();
            }
        };
        Map<String, Object> params = new HashMap<>();
        params.put("collection", collection);
        params.put("rows", rows);
        params.put("pager", Pager.of(ctx, paging.page(), paging.size(), page.total()));
        params.put("text", Optional.ofNullable(ctx.queryParam("text")).orElse(""));
        params.put("owner", owner);
        params.put("lifecycle", Optional.ofNullable(ctx.queryParam("lifecycle")).orElse(""));
        params.put("tag", Optional.ofNullable(ctx.queryParam("tag")).orElse(""));
        params.put("teams", teams);
        params.put("filtered", ctx.queryParamMap().keySet().stream().anyMatch(k -> !k.equals("page") && !k.equals("size")));
        layout.render(ctx, collection.title(), Templates.content("catalog/list.jte", params));
    }

    /** The plugins whose signals count now: the started ones. */
    private List<String> startedPlugins() {
        return vitals.plugins().plugins().stream().filter(HostedPlugin::isStarted).map(HostedPlugin::id).toList();
    }

    private static List<Row> held(List<EntitySummary> holders, Map<String, ServicesHealth.Verdict> verdicts) {
        return holders.stream().map(e -> {
            String href = Collection.href(e.ref());
            return new Row(e, href, Link.ofRef(e.owner()), cell(verdicts.get(e.ref()), href), null);
        }).toList();
    }

    /** A team's or program's health as a cell: its worst service's signal, naming the service and how many more. */
    static StatusCell cell(ServicesHealth.Verdict verdict, String fallbackHref) {
        if (verdict == null) {
            return new StatusCell("none", "no signal about its services yet", fallbackHref);
        }
        String others = verdict.servicesNotOk() > 1 ? " (" + verdict.servicesNotOk() + " of " + verdict.servicesJudged()
                + " services need attention)" : "";
        return new StatusCell(verdict.status().name().toLowerCase(Locale.ROOT), EntitySummary.nameOf(verdict.service())
                + ": " + verdict.summary() + others, verdict.link().orElse(Collection.href(verdict.service())));
    }

    private Row row(EntitySummary e, Map<String, List<Signal>> signals) {
        String href = Collection.href(e.ref());
        return new Row(e, href, Link.ofRef(e.owner()), StatusCell.of(signals.getOrDefault(e.ref(), List.of()), href),
                null);
    }

    /** The rows, each failing one with its owner's contacts: a page that names a failing service names whom to ask. */
    private List<Row> withContacts(List<Row> rows) {
        Map<String, Optional<Contacts>> byOwner = new HashMap<>();
        return rows.stream().map(r -> {
            boolean failing = r.status().status().equals("warn") || r.status().status().equals("critical");
            if (!failing || r.entity().owner() == null) {
                return r;
            }
            Optional<Contacts> contacts = byOwner.computeIfAbsent(r.entity().owner(),
                    owner -> Contacts.of(vitals.catalog(), owner));
            return new Row(r.entity(), r.href(), r.owner(), r.status(), contacts.orElse(null));
        }).toList();
    }

    /** The entity a page's URL names; a key that cannot name one is an entity the catalog does not have. */
    private static EntityRef ref(String kind, String key) {
        return EntityRef.fromKey(kind, key).orElseThrow(() -> new NotFoundResponse("There is no "
                + kind.toLowerCase(Locale.ROOT) + " '" + key.toLowerCase(Locale.ROOT) + "' in the catalog."));
    }

    private EntityDetail detail(EntityRef ref) {
        return vitals.catalog().get(ref).orElseThrow(() -> new NotFoundResponse(
                "There is no " + ref.kind() + " '" + ref.key() + "' in the catalog."));
    }

    private void service(Context ctx, EntityRef ref) {
        EntityDetail detail = detail(ref);
        String selected = Optional.ofNullable(ctx.queryParam("tab")).orElse("overview");
        String base = Collection.href(ref.toString());
        List<Tab> tabs = new ArrayList<>();
        tabs.add(new Tab("overview", "Overview", base, selected.equals("overview")));
        Content tabContent = null;
        for (HostedPlugin plugin : vitals.plugins().plugins()) {
            if (!plugin.isStarted()) {
                continue;
            }
            for (ServiceTab tab : plugin.serviceTabs()) {
                String id = plugin.id() + "." + tab.id();
                boolean isSelected = id.equals(selected);
                tabs.add(new Tab(id, tab.title(), base + "?tab=" + id, isSelected));
                if (isSelected) {
                    tabContent = GuardedContent.of(plugin, "service tab " + id,
                            () -> tab.renderer().render(ctx, ref));
                }
            }
        }
        if (!selected.equals("overview") && tabContent == null) {
            throw new NotFoundResponse("This service has no tab '" + selected + "'; the plugin may be disabled.");
        }
        Map<String, Object> params = common(ctx, detail);
        params.put("tabs", tabs);
        params.put("tabContent", tabContent);
        params.put("signals", vitals.signals().latestFor(ref.toString()));
        layout.render(ctx, detail.entity().title(), Templates.content("catalog/service.jte", params));
    }

    private void team(Context ctx, EntityRef ref) {
        EntityDetail detail = detail(ref);
        List<EntitySummary> owned = vitals.catalog().withRelationTo("ownedBy", ref, Collection.SERVICES.kinds());
        List<String> ownedRefs = owned.stream().map(EntitySummary::ref).toList();
        Map<String, List<Signal>> signals = vitals.signals().latestFor(ownedRefs);
        List<SignalStatus> statuses = signals.values().stream().flatMap(List::stream).map(Signal::status).toList();
        LocalDate today = LocalDate.now(vitals.clock().withZone(vitals.config().orgTimeZone()));
        List<HealthHistory.DailyScore> history = new HealthHistory(vitals.database().jdbi()).lastDays(ownedRefs,
                HISTORY_DAYS, today, vitals.config().orgTimeZone());
        var chart = HealthChart.of(history);
        Map<String, Object> params = common(ctx, detail);
        params.put("services", withContacts(owned.stream().map(e -> row(e, signals)).toList()));
        params.put("score", HealthScore.of(statuses).isPresent() ? (Object) Math.round(HealthScore.of(statuses).getAsDouble()) : null);
        params.put("contacts", Contacts.of(vitals.catalog(), detail));
        params.put("trend", trend(owned, signals, history, today));
        params.put("chart", chart);
        params.put("panels", panels(ctx, ref, true));
        layout.render(ctx, detail.entity().title(), Templates.content("catalog/team.jte", params));
    }

    /**
     * What changed since the same day last month: the health score then and now, from the same daily history the
     * chart draws, and each owned service whose worst verdict (started plugins only) differs, the worse first.
     */
    private Trend trend(List<EntitySummary> owned, Map<String, List<Signal>> signals,
            List<HealthHistory.DailyScore> history, LocalDate today) {
        LocalDate since = today.minusMonths(1);
        Long now = history.isEmpty() || history.get(history.size() - 1).score().isEmpty() ? null
                : Math.round(history.get(history.size() - 1).score().getAsDouble());
        Long before = history.stream().filter(d -> d.day().equals(since)).findFirst()
                .filter(d -> d.score().isPresent()).map(d -> Math.round(d.score().getAsDouble())).orElse(null);
        List<String> plugins = startedPlugins();
        Map<String, SignalStatus> then = new HealthHistory(vitals.database().jdbi()).worstAt(
                owned.stream().map(EntitySummary::ref).toList(), plugins,
                since.plusDays(1).atStartOfDay(vitals.config().orgTimeZone()).toInstant());
        List<Change> changes = new ArrayList<>();
        for (EntitySummary service : owned) {
            SignalStatus current = signals.getOrDefault(service.ref(), List.of()).stream()
                    .filter(s -> plugins.contains(s.plugin())).map(Signal::status).max(SignalStatus::compareTo)
                    .orElse(null);
            SignalStatus earlier = then.get(service.ref());
            if (current != earlier) {
                int a = earlier == null ? -1 : earlier.ordinal();
                int b = current == null ? -1 : current.ordinal();
                changes.add(new Change(new Link(service.title(), Collection.href(service.ref()), service.kind(), true),
                        earlier, current, b > a));
            }
        }
        changes.sort(java.util.Comparator.comparing((Change c) -> !c.worse())
                .thenComparing(c -> c.service().title().toLowerCase(Locale.ROOT)));
        return new Trend(now, before, since, changes);
    }

    @SuppressWarnings("unchecked")
    private void program(Context ctx, EntityRef ref) {
        EntityDetail detail = detail(ref);
        Map<String, Object> spec = (Map<String, Object>) detail.document().getOrDefault("spec", Map.of());
        List<StakeholderView> stakeholders = new ArrayList<>();
        if (spec.get("stakeholders") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> m) {
                    String team = String.valueOf(m.get("team"));
                    String teamRef = WrittenRef.parse(team, "group", ref.namespace()).map(EntityRef::toString).orElse(team);
                    stakeholders.add(new StakeholderView(Link.ofRef(teamRef), team, String.valueOf(m.get("role"))));
                }
            }
        }
        List<String> serviceRefs = vitals.catalog().targets(ref, "inScope");
        Map<String, List<Signal>> signals = vitals.signals().latestFor(serviceRefs);
        List<Row> services = new ArrayList<>();
        for (String serviceRef : serviceRefs) {
            WrittenRef.parse(serviceRef, "component", "default").flatMap(r -> vitals.catalog().get(r))
                    .ifPresent(d -> services.add(row(d.entity(), signals)));
        }
        Map<String, Object> params = common(ctx, detail);
        params.put("missing", missingStakeholders(ref));
        params.put("outcome", String.valueOf(spec.getOrDefault("outcome", "")));
        params.put("stakeholders", stakeholders);
        params.put("services", withContacts(services));
        params.put("panels", panels(ctx, ref, false));
        params.put("teams", vitals.catalog().all(Collection.TEAMS.kinds()));
        layout.render(ctx, detail.entity().title(), Templates.content("catalog/program.jte", params));
    }

    /**
     * Teams that own a service or availability component the program has in scope, or a service of such a component,
     * but are not its stakeholders: the people who can fix what the program's outcome depends on.
     */
    private List<MissingStakeholder> missingStakeholders(EntityRef program) {
        Map<String, List<Link>> byTeam = new java.util.TreeMap<>();
        vitals.database().jdbi().useHandle(h -> h.createQuery("""
                        WITH scope AS (
                            SELECT target_ref AS ref FROM core.catalog_relations
                             WHERE source_ref = :program AND type = 'inScope'
                            UNION
                            SELECT i.target_ref FROM core.catalog_relations s
                              JOIN core.catalog_relations i ON i.source_ref = s.target_ref AND i.type = 'includes'
                             WHERE s.source_ref = :program AND s.type = 'inScope')
                        SELECT e.owner_ref, e.ref, e.kind, coalesce(e.title, e.name) AS title
                          FROM core.catalog_entities e JOIN scope ON scope.ref = e.ref
                         WHERE e.owner_ref IS NOT NULL AND e.owner_ref NOT IN (SELECT target_ref
                               FROM core.catalog_relations WHERE source_ref = :program AND type = 'hasStakeholder')
                         ORDER BY e.owner_ref, lower(coalesce(e.title, e.name))""")
                .bind("program", program.toString())
                .map((rs, c) -> Map.entry(rs.getString("owner_ref"), new Link(rs.getString("title"),
                        Collection.href(rs.getString("ref")), rs.getString("kind"), true)))
                .forEach(e -> byTeam.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue())));
        List<MissingStakeholder> missing = new ArrayList<>();
        byTeam.forEach((team, owns) -> missing.add(new MissingStakeholder(Link.ofRef(team), team, owns)));
        return missing;
    }

    private void entity(Context ctx, EntityRef ref) {
        EntityDetail detail = detail(ref);
        layout.render(ctx, detail.entity().title(), Templates.content("catalog/entity.jte", common(ctx, detail)));
    }

    private List<PanelView> panels(Context ctx, EntityRef ref, boolean team) {
        List<PanelView> views = new ArrayList<>();
        for (HostedPlugin plugin : vitals.plugins().plugins()) {
            if (!plugin.isStarted()) {
                continue;
            }
            for (Panel panel : team ? plugin.teamPanels() : plugin.programPanels()) {
                views.add(new PanelView(panel.title(), plugin.displayName(), GuardedContent.of(plugin, "panel " + panel.id(),
                        () -> panel.renderer().render(ctx, ref))));
            }
        }
        return views;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> common(Context ctx, EntityDetail detail) {
        Map<String, Object> params = new HashMap<>();
        EntitySummary e = detail.entity();
        params.put("entity", e);
        params.put("ownerLink", Link.ofRef(e.owner()));
        params.put("systemLink", Link.ofRef(e.system()));
        params.put("source", detail.source() == null ? "" : detail.source());
        params.put("caller", RequestCaller.of(ctx));
        params.put("zone", vitals.config().orgTimeZone());
        params.put("exportHref", "/api/catalog/export?ref=" + java.net.URLEncoder.encode(e.ref(), java.nio.charset.StandardCharsets.UTF_8));
        params.put("editHref", "/catalog/edit?ref=" + java.net.URLEncoder.encode(e.ref(), java.nio.charset.StandardCharsets.UTF_8));
        Map<String, Object> metadata = (Map<String, Object>) detail.document().getOrDefault("metadata", Map.of());
        List<Link> links = new ArrayList<>();
        if (metadata.get("links") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> m && m.get("url") instanceof String url
                        && (url.startsWith("https://") || url.startsWith("http://"))) {
                    links.add(new Link(m.get("title") instanceof String t ? t : url, url, "link", true));
                }
            }
        }
        params.put("links", links);
        Map<String, List<Link>> grouped = new LinkedHashMap<>();
        for (RelatedEntity r : detail.relations()) {
            if (r.type().equals("ownedBy") || (r.type().equals("partOf") && r.ref().equals(e.system()))) {
                continue; // shown as facts
            }
            grouped.computeIfAbsent(r.type(), k -> new ArrayList<>()).add(Link.of(r));
        }
        params.put("relations", grouped.entrySet().stream()
                .map(g -> new RelationGroup(RelationLabels.label(g.getKey()), g.getValue())).toList());
        params.put("dependsOn", detail.related("dependsOn").stream().map(Link::of).toList());
        params.put("dependents", detail.related("dependencyOf").stream().map(Link::of).toList());
        return params;
    }

    private void editForm(Context ctx) {
        EntityRef ref = refParam(ctx);
        requireOwnerEditor(ctx, ref);
        EntityDetail detail = detail(ref);
        Map<String, Object> params = common(ctx, detail);
        params.put("errors", List.of());
        layout.render(ctx, "Edit " + detail.entity().title(), Templates.content("catalog/edit.jte", params));
    }

    private void saveEdit(Context ctx) {
        EntityRef ref = refParam(ctx);
        requireOwnerEditor(ctx, ref);
        List<String> tags = Arrays.stream(Optional.ofNullable(ctx.formParam("tags")).orElse("").split("[,\\s]+"))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        try {
            vitals.catalogEditor().editMetadata(ref, new CatalogEditor.MetadataEdit(ctx.formParam("title"),
                    ctx.formParam("description"), tags), Caller.actor(ctx));
        } catch (dev.vitals.api.ProblemException e) {
            Map<String, Object> params = common(ctx, detail(ref));
            params.put("errors", e.errors());
            ctx.status(422);
            layout.render(ctx, "Edit " + ref.name(), Templates.content("catalog/edit.jte", params));
            return;
        }
        Flash.confirm(ctx, "Saved the title, description and tags of " + ref.name() + ".");
        ctx.redirect(Collection.href(ref.toString()), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void saveStakeholders(Context ctx) {
        EntityRef ref = refParam(ctx);
        requireOwnerEditor(ctx, ref);
        List<String> teams = ctx.formParams("team");
        List<String> roles = ctx.formParams("role");
        List<CatalogEditor.Stakeholder> stakeholders = new ArrayList<>();
        for (int i = 0; i < Math.min(teams.size(), roles.size()); i++) {
            if (!teams.get(i).isBlank() || !roles.get(i).isBlank()) {
                stakeholders.add(new CatalogEditor.Stakeholder(teams.get(i), roles.get(i)));
            }
        }
        vitals.catalogEditor().editStakeholders(ref, stakeholders, Caller.actor(ctx));
        Flash.confirm(ctx, "Saved the stakeholders of " + ref.name() + ": " + stakeholders.size()
                + (stakeholders.size() == 1 ? " team." : " teams."));
        ctx.redirect(Collection.href(ref.toString()), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** Editors change only what their team owns; admins and all-team tokens change anything. */
    private void requireOwnerEditor(Context ctx, EntityRef ref) {
        if (!vitals.identity().ownership().mayEdit(Caller.of(ctx).access(), ref.toString())) {
            throw new dev.vitals.api.ProblemException(403, Caller.of(ctx).name() + " is not an editor of the team that "
                    + "owns " + ref + (vitals.catalog().ownerOf(ref.toString()).map(t -> " (" + t + ")").orElse("")),
                    List.of());
        }
    }

    private static EntityRef refParam(Context ctx) {
        String text = Optional.ofNullable(ctx.queryParam("ref")).orElse(ctx.formParam("ref"));
        return WrittenRef.parse(text, "component", EntityRef.DEFAULT_NAMESPACE)
                .orElseThrow(() -> new NotFoundResponse("No entity is named '" + text + "'."));
    }
}
