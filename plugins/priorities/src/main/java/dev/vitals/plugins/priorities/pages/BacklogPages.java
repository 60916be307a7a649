package dev.vitals.plugins.priorities.pages;

import dev.vitals.api.CatalogEntity;
import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import dev.vitals.api.FieldError;
import dev.vitals.api.Page;
import dev.vitals.api.PluginUrls;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.ui.Chart;
import dev.vitals.api.ui.ChartKind;
import dev.vitals.api.ui.ChartSeries;
import dev.vitals.api.ui.Pager;
import dev.vitals.plugins.priorities.backlog.Decisions;
import dev.vitals.plugins.priorities.backlog.Item;
import dev.vitals.plugins.priorities.backlog.ItemList;
import dev.vitals.plugins.priorities.backlog.ItemPatch;
import dev.vitals.plugins.priorities.backlog.ItemStore;
import dev.vitals.plugins.priorities.backlog.ItemsApi;
import dev.vitals.plugins.priorities.backlog.Level;
import dev.vitals.plugins.priorities.backlog.Owners;
import dev.vitals.plugins.priorities.backlog.PainApi;
import dev.vitals.plugins.priorities.backlog.Paging;
import dev.vitals.plugins.priorities.backlog.RankMove;
import dev.vitals.plugins.priorities.backlog.RanksApi;
import dev.vitals.plugins.priorities.backlog.ScoreHistory;
import dev.vitals.plugins.priorities.backlog.TreeNode;
import dev.vitals.plugins.priorities.initiative.BurnUp;
import dev.vitals.plugins.priorities.initiative.Checklist;
import dev.vitals.plugins.priorities.initiative.Initiative;
import dev.vitals.plugins.priorities.initiative.InitiativesApi;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The backlog tree per owner, an item's page, the ranked list per level, and the forms that rank and decide. */
public final class BacklogPages {

    private final ItemStore store;
    private final ItemsApi items;
    private final RanksApi ranks;
    private final PainApi pain;
    private final Decisions decisions;
    private final Owners owners;
    private final CatalogView catalog;
    private final PluginUrls urls;
    private final ZoneId zone;
    private final Checklist checklist;
    private final InitiativesApi initiatives;

    public BacklogPages(ItemStore store, ItemsApi items, RanksApi ranks, PainApi pain, Decisions decisions,
            Owners owners, CatalogView catalog, PluginUrls urls, ZoneId zone, Checklist checklist,
            InitiativesApi initiatives) {
        this.store = store;
        this.items = items;
        this.ranks = ranks;
        this.pain = pain;
        this.decisions = decisions;
        this.owners = owners;
        this.catalog = catalog;
        this.urls = urls;
        this.zone = zone;
        this.checklist = checklist;
        this.initiatives = initiatives;
    }

    /** Every team and program, teams first, for the owner pickers. */
    List<Owner> allOwners() {
        List<Owner> all = new ArrayList<>();
        for (CatalogEntity team : catalog.entities("Group")) {
            all.add(new Owner(team.ref().toString(), team.title(), false));
        }
        for (CatalogEntity program : catalog.entities("Program")) {
            all.add(new Owner(program.ref().toString(), program.title(), true));
        }
        return all;
    }

    /** {@code GET /p/priorities/?owner=}: the owner's backlog as a tree, with a rank form on every item. */
    public Page backlog(Context ctx) {
        List<FieldError> errors = new ArrayList<>();
        Optional<EntityRef> owner = ItemsApi.ownerParam(ctx, "owner", errors);
        RequestCaller caller = RequestCaller.of(ctx);
        List<TreeNode> roots = owner.map(o -> TreeNode.of(store.ofOwner(o))).orElse(List.of());
        boolean mayRank = owner.map(o -> owners.mayChange(caller, o)).orElse(false);
        String title = owner.map(o -> "Backlog of " + owners.title(o)).orElse("Backlog");
        Map<String, Object> params = new HashMap<>();
        params.put("owners", allOwners());
        params.put("owner", owner.map(EntityRef::toString).orElse(""));
        params.put("roots", roots);
        params.put("mayRank", mayRank);
        params.put("caller", caller);
        params.put("urls", urls);
        params.put("back", ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()));
        return new Page(title, Templates.render("backlog.jte", params));
    }

    /** {@code GET /p/priorities/items/{id}}. */
    public Page item(Context ctx) {
        return item(ctx, FormRefusal.NONE);
    }

    /** The item's page, with a form's refusal shown on it (what was typed kept, the fields at fault marked). */
    Page item(Context ctx, FormRefusal refusal) {
        Item item = items.found(ctx);
        RequestCaller caller = RequestCaller.of(ctx);
        EntityRef owner = EntityRef.parse(item.owner());
        Optional<Item> parent = Optional.ofNullable(item.parent()).flatMap(store::find);
        ItemList children = store.list(new ItemStore.Filter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(item.id()), Optional.empty()), ItemStore.Sort.RANK, 1, 200,
                items.score());
        Map<String, Object> params = new HashMap<>();
        params.put("item", item);
        params.put("ownerTitle", owners.title(owner));
        params.put("ownerUrl", PluginUrls.entity(owner));
        params.put("parent", parent);
        params.put("children", children.items());
        params.put("scores", ScoreHistory.of(store.jdbi(), item.id()).entries());
        params.put("pain", pain.reports(item.id()));
        params.put("decisions", decisions.list(new Decisions.Filter(Optional.of(item.id()), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()), zone, 1, 50).decisions());
        params.put("mayChange", owners.mayChange(caller, owner));
        params.put("caller", caller);
        params.put("urls", urls);
        params.put("zone", zone);
        params.put("score", items.score());
        Initiative initiative = checklist.of(item.id());
        params.put("initiative", initiative);
        params.put("refusal", refusal);
        params.put("burnUp", initiative.total() == 0 && initiative.rule() == null ? null
                : burnUpChart(initiatives.burnUp(item.id())));
        return new Page(item.title(), Templates.render("item.jte", params));
    }

    /** {@code GET /p/priorities/ranked?level=&owner=&sort=}: one level's items with their scores and inputs. */
    public Page ranked(Context ctx) {
        ItemStore.Filter filter = ItemsApi.filter(ctx);
        Level level = filter.level().orElse(Level.EPIC);
        filter = new ItemStore.Filter(Optional.of(level), filter.owner(), filter.status(), filter.service(),
                filter.parent(), filter.quarter());
        ItemStore.Sort sort = ItemsApi.sort(ctx);
        Paging paging = Paging.of(ctx);
        ItemList list = store.list(filter, sort, paging.page(), paging.size(), items.score());
        Map<String, Object> params = new HashMap<>();
        params.put("list", list);
        params.put("level", level.wire());
        params.put("levels", List.of(Level.values()).stream().map(Level::wire).toList());
        params.put("owners", allOwners());
        params.put("owner", filter.owner().map(EntityRef::toString).orElse(""));
        params.put("sort", sort.name().toLowerCase(java.util.Locale.ROOT));
        params.put("pager", Pager.of(ctx, list.page(), list.size(), list.total()));
        params.put("urls", urls);
        return new Page(level.plural() + " ranked", Templates.render("ranked.jte", params));
    }

    /** {@code POST /p/priorities/items/{id}/rank}: the rank form, position and reason. */
    public Page rank(Context ctx) {
        Item item = items.found(ctx);
        String back = Back.to(ctx, urls.page("/"), urls.page("/items/{id}", item.id()));
        return FormProblem.run(ctx, back, "Rank of " + item.title() + " saved, with its reason in the decision log.",
                () -> {
            Integer position = number(ctx.formParam("position"), "position");
            ranks.move(ctx, item, new RankMove(null, null, position, ctx.formParam("list"),
                    ctx.formParam("reason")));
        });
    }

    /** {@code POST /p/priorities/items/{id}/status}: a status change with its reason. */
    public Page status(Context ctx) {
        Item item = items.found(ctx);
        String back = Back.to(ctx, urls.page("/"), urls.page("/items/{id}", item.id()));
        return FormProblem.run(ctx, back, "Status of " + item.title() + " saved, with its reason in the decision log.",
                () -> {
            String status = ctx.formParam("status");
            if (status == null || status.isBlank()) {
                throw ProblemException.unprocessable("the status did not change", List.of(new FieldError("status",
                        "is required: proposed, ready, in-progress, done or dropped")));
            }
            items.patch(ctx, item, new ItemPatch(null, null, null, null, null, status, null, null, null, null, null,
                    ctx.formParam("reason")));
        });
    }

    /** Done against total per day: the total's line shows where services joined or left the checklist. */
    static Chart burnUpChart(BurnUp burnUp) {
        return Chart.builder("Burn-up: services done against services on the checklist", ChartKind.LINES)
                .days("Day", burnUp.days().stream().map(BurnUp.Day::day).toList())
                .yAxis("Services", "services")
                .yMin(0)
                .decimals(0)
                .series(ChartSeries.of("Done", burnUp.days().stream().map(BurnUp.Day::done).toList()),
                        ChartSeries.of("On the checklist", burnUp.days().stream().map(BurnUp.Day::total).toList()))
                .emptyMessage("No service on the checklist yet.")
                .build();
    }

    static Integer number(String text, String field) {
        try {
            return Integer.valueOf(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.unprocessable("the form was not saved", List.of(new FieldError(field,
                    "must be a whole number, got '" + text + "'")));
        }
    }
}
