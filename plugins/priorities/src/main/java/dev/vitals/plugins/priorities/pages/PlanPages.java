package dev.vitals.plugins.priorities.pages;

import dev.vitals.api.EntityRef;
import dev.vitals.api.Page;
import dev.vitals.api.PluginUrls;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.Role;
import dev.vitals.api.ui.Pager;
import dev.vitals.plugins.priorities.backlog.DecisionList;
import dev.vitals.plugins.priorities.backlog.Decisions;
import dev.vitals.plugins.priorities.backlog.Item;
import dev.vitals.plugins.priorities.backlog.ItemList;
import dev.vitals.plugins.priorities.backlog.ItemStore;
import dev.vitals.plugins.priorities.backlog.Level;
import dev.vitals.plugins.priorities.backlog.Paging;
import dev.vitals.plugins.priorities.backlog.RanksApi;
import dev.vitals.plugins.priorities.backlog.TopPriorities;
import dev.vitals.plugins.priorities.evidence.Proposal;
import dev.vitals.plugins.priorities.evidence.Proposals;
import dev.vitals.plugins.priorities.plan.BudgetPolicy;
import dev.vitals.plugins.priorities.plan.Capacity;
import dev.vitals.plugins.priorities.plan.Plan;
import dev.vitals.plugins.priorities.plan.PlanApi;
import dev.vitals.plugins.priorities.plan.Quarters;
import dev.vitals.plugins.priorities.plan.TeamPlan;
import gg.jte.Content;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The plan against targets, the top priorities, the decision log, and the panels and tab on other pages. */
public final class PlanPages {

    private final PlanApi planApi;
    private final Plan plan;
    private final BudgetPolicy policy;
    private final TopPriorities top;
    private final Decisions decisions;
    private final ItemStore store;
    private final Proposals proposals;
    private final PluginUrls urls;
    private final Clock clock;
    private final ZoneId zone;
    private final int topThemes;

    public PlanPages(PlanApi planApi, Plan plan, BudgetPolicy policy, TopPriorities top, Decisions decisions,
            ItemStore store, Proposals proposals, PluginUrls urls, Clock clock, ZoneId zone, int topThemes) {
        this.planApi = planApi;
        this.plan = plan;
        this.policy = policy;
        this.top = top;
        this.decisions = decisions;
        this.store = store;
        this.proposals = proposals;
        this.urls = urls;
        this.clock = clock;
        this.zone = zone;
        this.topThemes = topThemes;
    }

    /** {@code GET /p/priorities/plan?quarter=}: every team against its targets, off-target first. */
    public Page plan(Context ctx) {
        String quarter = Quarters.of(ctx, clock, zone);
        TeamPlan.View view = planApi.view(quarter);
        return new Page("Plan for " + quarter, Templates.render("plan.jte", Map.of("view", view, "urls", urls)));
    }

    /** {@code GET /p/priorities/top}: the top themes, how work links up to them, and what links to none. */
    public Page top(Context ctx) {
        Paging paging = Paging.of(ctx);
        TopPriorities.View view = top.view(topThemes, paging.page(), paging.size());
        RequestCaller caller = RequestCaller.of(ctx);
        Map<String, Object> params = new HashMap<>();
        params.put("view", view);
        params.put("mayRank", caller.has(Role.ADMIN));
        params.put("caller", caller);
        params.put("urls", urls);
        params.put("pager", Pager.of(ctx, paging.page(), paging.size(), view.unlinkedTotal()));
        return new Page("Top priorities", Templates.render("top.jte", params));
    }

    /** {@code GET /p/priorities/decisions}: the decision log, with its exports. */
    public Page decisions(Context ctx) {
        Paging paging = Paging.of(ctx);
        DecisionList list = decisions.list(RanksApi.filter(ctx), zone, paging.page(), paging.size());
        String query = ctx.queryString() == null ? "" : "?" + ctx.queryString();
        Map<String, Object> params = new HashMap<>();
        params.put("list", list);
        params.put("urls", urls);
        params.put("zone", zone);
        params.put("markdown", urls.api("/decisions.md") + query);
        params.put("csv", urls.api("/decisions.csv") + query);
        params.put("pager", Pager.of(ctx, list.page(), list.size(), list.total()));
        return new Page("Decision log", Templates.render("decisions.jte", params));
    }

    /** The Priorities panel of a team or program page. */
    public Content panel(Context ctx, EntityRef owner) {
        boolean team = owner.kind().equals("group");
        String quarter = Quarters.current(clock, zone);
        Optional<Capacity> capacity = team ? Optional.of(plan.capacity(owner, quarter)) : Optional.empty();
        List<EntityRef> spent = team ? policy.exhausted(owner) : List.of();
        Level level = team ? Level.EPIC : Level.THEME;
        ItemList ranked = store.list(new ItemStore.Filter(Optional.of(level), Optional.of(owner),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), ItemStore.Sort.RANK, 1, 5,
                "");
        long open = team ? proposals.list(new Proposals.Filter(Optional.of("open"), Optional.of(owner.toString()),
                Optional.empty(), Optional.empty()), 1, 1).total() : 0;
        Map<String, Object> params = new HashMap<>();
        params.put("owner", owner.toString());
        params.put("capacity", capacity);
        params.put("spent", spent.stream().map(EntityRef::key).toList());
        params.put("level", level.plural().toLowerCase(java.util.Locale.ROOT));
        params.put("items", ranked.items());
        params.put("total", ranked.total());
        params.put("open", open);
        params.put("urls", urls);
        return Templates.render("panel.jte", params);
    }

    /** The Backlog tab of a service page: items that name the service and its open proposals. */
    public Content serviceTab(Context ctx, EntityRef service) {
        List<Item> named = store.list(new ItemStore.Filter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(service.key()), Optional.empty(), Optional.empty()), ItemStore.Sort.RANK, 1, 100, "")
                .items();
        List<Proposal> open = proposals.list(new Proposals.Filter(Optional.of("open"), Optional.empty(),
                Optional.of(service.toString()), Optional.empty()), 1, 50).proposals();
        boolean spent = policy.isSpent(service);
        return Templates.render("service-tab.jte", Map.of("service", service.key(), "items", named,
                "proposals", open, "spent", spent, "urls", urls, "zone", zone));
    }
}
