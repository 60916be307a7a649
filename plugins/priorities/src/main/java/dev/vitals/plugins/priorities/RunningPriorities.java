package dev.vitals.plugins.priorities;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.HttpMethod;
import dev.vitals.api.PluginContext;
import dev.vitals.api.Role;
import dev.vitals.api.RunningPlugin;
import dev.vitals.plugins.priorities.backlog.Decisions;
import dev.vitals.plugins.priorities.backlog.ItemStore;
import dev.vitals.plugins.priorities.backlog.ItemsApi;
import dev.vitals.plugins.priorities.backlog.ItemsCsv;
import dev.vitals.plugins.priorities.backlog.Owners;
import dev.vitals.plugins.priorities.backlog.PainApi;
import dev.vitals.plugins.priorities.backlog.Ranks;
import dev.vitals.plugins.priorities.backlog.RanksApi;
import dev.vitals.api.NavEntry;
import dev.vitals.api.PageRoute;
import dev.vitals.api.Panel;
import dev.vitals.api.ServiceTab;
import dev.vitals.api.Job;
import dev.vitals.api.Signal;
import dev.vitals.api.Signals;
import dev.vitals.plugins.priorities.demo.DemoPriorities;
import java.time.Duration;
import dev.vitals.plugins.priorities.backlog.TopPriorities;
import dev.vitals.plugins.priorities.pages.BacklogAssets;
import dev.vitals.plugins.priorities.pages.BacklogPages;
import dev.vitals.plugins.priorities.pages.EvidencePages;
import dev.vitals.plugins.priorities.pages.InitiativeForms;
import dev.vitals.plugins.priorities.pages.InitiativeTab;
import dev.vitals.plugins.priorities.pages.PlanPages;
import dev.vitals.plugins.priorities.evidence.Proposals;
import dev.vitals.plugins.priorities.initiative.AutoTick;
import dev.vitals.plugins.priorities.initiative.Checklist;
import dev.vitals.plugins.priorities.initiative.InitiativesApi;
import dev.vitals.plugins.priorities.evidence.ProposalsApi;
import dev.vitals.plugins.priorities.plan.BudgetPolicy;
import dev.vitals.plugins.priorities.plan.Plan;
import dev.vitals.plugins.priorities.plan.PlanApi;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;

/** The priorities plugin while it runs: it only wires; each feature is in its own package. */
final class RunningPriorities implements RunningPlugin {

    private final ItemsApi items;
    private final RanksApi ranks;
    private final PainApi pain;
    private final ItemsCsv csv;
    private final PlanApi plan;
    private final Proposals proposals;
    private final ProposalsApi proposalsApi;
    private final BacklogPages backlogPages;
    private final EvidencePages evidencePages;
    private final PlanPages planPages;
    private final DemoPriorities demo;
    private final Signals signals;
    private final InitiativesApi initiatives;
    private final AutoTick autoTick;
    private final InitiativeTab initiativeTab;
    private final InitiativeForms initiativeForms;
    private final BudgetPolicy policy;

    RunningPriorities(PluginContext context) {
        String score = context.settings().get(PrioritiesSettings.SCORE).trim().toLowerCase(Locale.ROOT);
        if (!score.equals("rice") && !score.equals("wsjf")) {
            throw new IllegalArgumentException("VITALS_PRIORITIES_SCORE must be rice or wsjf, got '" + score + "'");
        }
        Jdbi jdbi = context.jdbi();
        // Filters bind what a query may leave out; an unused binding is not a mistake here.
        jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
        Owners owners = new Owners(context.catalog());
        ItemStore store = new ItemStore(jdbi);
        this.items = new ItemsApi(store, owners, context.clock(), score);
        this.ranks = new RanksApi(items, new Ranks(jdbi), new Decisions(jdbi), owners, context.clock(),
                context.orgTimeZone());
        this.pain = new PainApi(items, owners, jdbi, context.clock());
        this.csv = new ItemsCsv(items, store);
        Plan capacities = new Plan(jdbi, context.settings().get(PrioritiesSettings.IMMEDIATE_TOLERANCE));
        this.policy = new BudgetPolicy(context);
        this.plan = new PlanApi(capacities, policy, context.catalog(), context.clock(), context.orgTimeZone());
        this.proposals = new Proposals(jdbi, context.catalog());
        this.proposalsApi = new ProposalsApi(proposals, items, store, owners, context.clock());
        Decisions decisions = new Decisions(jdbi);
        Checklist checklist = new Checklist(jdbi);
        this.autoTick = new AutoTick(checklist, context.measures(), context.signals(), context.clock(),
                context.orgTimeZone());
        this.initiatives = new InitiativesApi(items, owners, context.catalog(), checklist, autoTick, context.clock(),
                context.orgTimeZone());
        this.backlogPages = new BacklogPages(store, items, ranks, pain, decisions, owners, context.catalog(),
                context.urls(), context.orgTimeZone(), checklist, initiatives);
        this.initiativeTab = new InitiativeTab(checklist, context.urls());
        this.initiativeForms = new InitiativeForms(items, initiatives, backlogPages, context.urls());
        this.evidencePages = new EvidencePages(proposals, proposalsApi, store, owners, backlogPages, context.urls(),
                context.orgTimeZone());
        this.planPages = new PlanPages(plan, capacities, policy, new TopPriorities(jdbi), decisions, store,
                proposals, context.urls(), context.clock(), context.orgTimeZone(),
                context.settings().get(PrioritiesSettings.TOP_THEMES).intValue());
        this.demo = new DemoPriorities(items, store, context.catalog(), context.clock(), context.orgTimeZone(),
                checklist);
        this.signals = context.signals();
    }

    @Override
    public List<ApiRoute> apiRoutes() {
        return List.of(
                ApiRoute.post("/items", items::create).doc(ItemsApi.CREATE),
                ApiRoute.get("/items", items::list).doc(ItemsApi.LIST),
                ApiRoute.get("/items.csv", csv::export).doc(ItemsCsv.EXPORT),
                ApiRoute.post("/items.csv", csv::importCsv).doc(ItemsCsv.IMPORT),
                ApiRoute.get("/items/{id}", items::get).doc(ItemsApi.GET),
                new ApiRoute(HttpMethod.PATCH, "/items/{id}", Role.EDITOR, items::patch).doc(ItemsApi.PATCH),
                ApiRoute.get("/items/{id}/scores", items::scores).doc(ItemsApi.SCORES),
                ApiRoute.get("/tree", items::tree).doc(ItemsApi.TREE),
                ApiRoute.post("/items/{id}/rank", ranks::move).doc(RanksApi.MOVE),
                ApiRoute.get("/decisions", ranks::decisions).doc(RanksApi.DECISIONS),
                ApiRoute.get("/decisions.md", ranks::markdown).doc(RanksApi.MARKDOWN),
                ApiRoute.get("/decisions.csv", ranks::csv).doc(RanksApi.CSV),
                ApiRoute.post("/items/{id}/pain", pain::report).doc(PainApi.REPORT),
                ApiRoute.get("/items/{id}/pain", pain::list).doc(PainApi.LIST),
                ApiRoute.get("/items/{id}/initiative", initiatives::get).doc(InitiativesApi.GET),
                ApiRoute.put("/items/{id}/initiative/services", initiatives::set).doc(InitiativesApi.SET),
                ApiRoute.post("/items/{id}/initiative/services", initiatives::add).doc(InitiativesApi.ADD),
                ApiRoute.put("/items/{id}/initiative/services/{service}", initiatives::tick)
                        .doc(InitiativesApi.TICK),
                ApiRoute.delete("/items/{id}/initiative/services/{service}", initiatives::remove)
                        .doc(InitiativesApi.REMOVE),
                ApiRoute.put("/items/{id}/initiative/rule", initiatives::setRule).doc(InitiativesApi.RULE),
                ApiRoute.delete("/items/{id}/initiative/rule", initiatives::dropRule).doc(InitiativesApi.DROP_RULE),
                ApiRoute.get("/items/{id}/initiative/burnup", initiatives::burnUp).doc(InitiativesApi.BURN_UP),
                ApiRoute.get("/capacity", plan::capacity).doc(PlanApi.CAPACITY),
                ApiRoute.put("/targets/{team}", plan::setTargets).doc(PlanApi.TARGETS),
                ApiRoute.get("/plan", plan::plan).doc(PlanApi.PLAN),
                ApiRoute.get("/proposals", proposalsApi::list).doc(ProposalsApi.LIST),
                ApiRoute.post("/proposals/{id}/accept", proposalsApi::accept).doc(ProposalsApi.ACCEPT),
                ApiRoute.post("/proposals/{id}/dismiss", proposalsApi::dismiss).doc(ProposalsApi.DISMISS),
                BacklogAssets.route());
    }

    @Override
    public List<PageRoute> pages() {
        return List.of(
                PageRoute.of("/", backlogPages::backlog),
                PageRoute.of("/items/{id}", backlogPages::item),
                PageRoute.form("/items/{id}/rank", backlogPages::rank),
                PageRoute.form("/items/{id}/status", backlogPages::status),
                PageRoute.form("/items/{id}/initiative/add", initiativeForms::add),
                PageRoute.form("/items/{id}/initiative/remove", initiativeForms::remove),
                PageRoute.form("/items/{id}/initiative/tick", initiativeForms::tick),
                PageRoute.form("/items/{id}/initiative/rule", initiativeForms::rule),
                PageRoute.form("/items/{id}/initiative/rule/stop", initiativeForms::stopRule),
                PageRoute.of("/ranked", backlogPages::ranked),
                PageRoute.of("/inbox", evidencePages::inbox),
                PageRoute.form("/proposals/{id}/accept", evidencePages::accept),
                PageRoute.form("/proposals/{id}/dismiss", evidencePages::dismiss),
                PageRoute.of("/decisions", planPages::decisions),
                PageRoute.of("/plan", planPages::plan),
                PageRoute.of("/top", planPages::top));
    }

    @Override
    public List<NavEntry> navigation() {
        return List.of(new NavEntry("Priorities", "/"));
    }

    @Override
    public List<Panel> teamPanels() {
        return List.of(new Panel("priorities", "Priorities", planPages::panel));
    }

    @Override
    public List<Panel> programPanels() {
        return List.of(new Panel("priorities", "Priorities", planPages::panel));
    }

    @Override
    public List<ServiceTab> serviceTabs() {
        return List.of(new ServiceTab("backlog", "Backlog", (ctx, service) -> InitiativeTab.both(
                planPages.serviceTab(ctx, service), initiativeTab.of(service))));
    }

    /**
     * Signals published while this plugin was not running are heard on the next run; initiatives ticked by a measure
     * follow it hourly.
     */
    @Override
    public List<Job> jobs() {
        return List.of(new Job("hear-missed-signals", Duration.ofHours(1), () -> {
                    proposals.catchUp(signals);
                    policy.catchUp(signals);
                }),
                new Job("tick-initiatives", Duration.ofHours(1), autoTick::applyAll));
    }

    @Override
    public void seedDemoData() {
        demo.seed();
        proposals.catchUp(signals);
        policy.catchUp(signals);
        autoTick.applyAll();
    }

    /**
     * Every other plugin's new signal: evidence for a proposal or its clearing, a spent or recovered error budget for
     * the plan, and a tick of an initiative.
     */
    @Override
    public void onSignal(Signal signal) {
        proposals.hear(signal);
        policy.hearAll(List.of(signal));
        autoTick.hear(signal);
    }
}
