package dev.vitals.plugins.priorities.plan;

import dev.vitals.api.CatalogEntity;
import dev.vitals.api.EntityRef;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.RouteDoc;
import dev.vitals.api.RouteParam;
import dev.vitals.plugins.priorities.backlog.Owners;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Capacity per team and quarter, targets, and the plan view over all teams. */
public final class PlanApi {

    public static final RouteDoc CAPACITY = RouteDoc.of("Read how a team's work in a quarter splits, against its targets")
            .description("Shares are of the estimated person-weeks of the team's items in the quarter that are not "
                    + "dropped; an item whose children carry estimates counts through them. Targets default to "
                    + "0.7 immediate and at least 0.3 foundation.")
            .query(RouteParam.required("team", "the team, e.g. payments"),
                    RouteParam.optional("quarter", "e.g. 2027-Q1; the current quarter when absent"))
            .returns(Capacity.class);

    public static final RouteDoc TARGETS = RouteDoc.of("Set a team's capacity targets")
            .description("Shares from 0 to 1: immediate (the rest is future work) and the least share of "
                    + "foundation work. Editors of the team (admins: any).")
            .accepts(Targets.class, """
                    {"immediate": 0.6, "foundation": 0.4}""")
            .returns(Targets.class);

    public static final RouteDoc PLAN = RouteDoc.of("Read every team's capacity against its targets, off-target first")
            .query(RouteParam.optional("quarter", "e.g. 2027-Q1; the current quarter when absent"))
            .returns(TeamPlan.View.class);

    private final Plan plan;
    private final BudgetPolicy policy;
    private final dev.vitals.api.CatalogView catalog;
    private final Clock clock;
    private final ZoneId zone;

    public PlanApi(Plan plan, BudgetPolicy policy, dev.vitals.api.CatalogView catalog, Clock clock, ZoneId zone) {
        this.plan = plan;
        this.policy = policy;
        this.catalog = catalog;
        this.clock = clock;
        this.zone = zone;
    }

    /** {@code GET /capacity?team=&quarter=}. */
    public void capacity(Context ctx) {
        EntityRef team = team(ctx.queryParam("team"), 400);
        ctx.json(plan.capacity(team, Quarters.of(ctx, clock, zone)));
    }

    private EntityRef team(String text, int status) {
        Optional<EntityRef> team = Optional.ofNullable(text).flatMap(Owners::parse).filter(t -> t.kind().equals("group"));
        if (team.isEmpty() || catalog.entity(team.get()).isEmpty()) {
            throw new ProblemException(status == 404 ? 404 : 400, "team must be a team of the catalog, e.g. payments",
                    List.of(new FieldError("team", "must be a team of the catalog, e.g. payments, got "
                            + (text == null ? "nothing" : "'" + text + "'"))));
        }
        return team.get();
    }

    /** {@code PUT /targets/{team}}. */
    public void setTargets(Context ctx) {
        EntityRef team = team(ctx.pathParam("team"), 404);
        RequestCaller.requireEditorOfTeam(ctx, team);
        Targets targets = ctx.bodyAsClass(Targets.class);
        List<FieldError> errors = new ArrayList<>();
        share("immediate", targets.immediate(), errors);
        share("foundation", targets.foundation(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the targets did not change", errors);
        }
        plan.setTargets(team, targets, RequestCaller.of(ctx).name(), clock.instant());
        ctx.json(plan.targets(team));
    }

    private static void share(String field, BigDecimal value, List<FieldError> errors) {
        if (value == null || value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0
                || value.stripTrailingZeros().scale() > 3) {
            errors.add(new FieldError(field, "must be a share from 0 to 1 with at most 3 decimals, e.g. 0.7, got "
                    + (value == null ? "nothing" : value.toPlainString())));
        }
    }

    /** {@code GET /plan?quarter=}. */
    public void plan(Context ctx) {
        ctx.json(view(Quarters.of(ctx, clock, zone)));
    }

    public TeamPlan.View view(String quarter) {
        List<EntityRef> teams = catalog.entities("Group").stream().map(CatalogEntity::ref).toList();
        Map<String, List<String>> spent = new HashMap<>();
        policy.exhaustedByTeam().forEach((team, services) -> spent.put(team,
                services.stream().map(EntityRef::key).sorted().toList()));
        List<TeamPlan> rows = new ArrayList<>(plan.capacities(teams, quarter).stream()
                .map(c -> new TeamPlan(c, spent.getOrDefault(c.team(), List.of()))).toList());
        rows.sort(Comparator.comparing((TeamPlan t) -> t.capacity().onTarget() || isEmpty(t))
                .thenComparing(t -> t.capacity().team()));
        return new TeamPlan.View(quarter, rows, (int) rows.stream()
                .filter(t -> !t.capacity().onTarget() && !isEmpty(t)).count());
    }

    /** A team with nothing estimated is neither on nor off target: it has no plan yet. */
    public static boolean isEmpty(TeamPlan team) {
        return team.capacity().estimateWeeks().signum() == 0;
    }
}
