package dev.vitals.plugins.priorities.backlog;

import dev.vitals.api.EntityRef;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.Role;
import dev.vitals.api.RouteDoc;
import dev.vitals.api.RouteParam;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Rank moves and the decision log they leave. */
public final class RanksApi {

    public static final RouteDoc MOVE = RouteDoc.of("Move an item in its stack rank, with a reason")
            .description("One of before (the id of the item it goes above), after (below) or position (from 1, the "
                    + "top). Each level of each owner has its own stack rank; list org moves a theme among the "
                    + "organisation's top priorities instead (admins only). The reason is required and the move "
                    + "is logged: who, when, from, to and why. Scores suggest; only this route changes a rank.")
            .accepts(RankMove.class, """
                    {"before": 42, "reason": "Checkout errors cost more than the search revamp brings"}""")
            .returns(RankChange.class);

    static final RouteParam[] FILTERS = {
        RouteParam.optional("item", "one item's decisions, by id").ofType(Long.class),
        RouteParam.optional("owner", "decisions on one team's or program's items, e.g. payments"),
        RouteParam.optional("kind", "rank, org-rank or status"),
        RouteParam.optional("from", "decided on or after this day, e.g. 2027-01-01").ofType(LocalDate.class),
        RouteParam.optional("to", "decided on or before this day").ofType(LocalDate.class)};

    public static final RouteDoc DECISIONS = RouteDoc.of("Read the decision log, newest first, paged")
            .query(FILTERS)
            .query(RouteParam.optional("page", "from 1").ofType(Integer.class),
                    RouteParam.optional("size", "1 to 500, 50 when absent").ofType(Integer.class))
            .returns(DecisionList.class);

    public static final RouteDoc MARKDOWN = RouteDoc.of("Export the decision log as Markdown, one MADR record each")
            .query(FILTERS)
            .returns(200, RouteDoc.Body.text("text/markdown", """
                    # Decision log

                    ## 1. Rank of "Retry card payments" among story items of group:default/payments: 3 → 1
                    """));

    public static final RouteDoc CSV = RouteDoc.of("Export the decision log as CSV")
            .query(FILTERS)
            .returns(200, RouteDoc.Body.text("text/csv", """
                    id,item,title,level,owner,kind,from,to,reason,decided_by,decided_at
                    """));

    static final int EXPORT_LIMIT = 10_000;

    private final ItemsApi items;
    private final Ranks ranks;
    private final Decisions decisions;
    private final Owners owners;
    private final Clock clock;
    private final ZoneId zone;

    public RanksApi(ItemsApi items, Ranks ranks, Decisions decisions, Owners owners, Clock clock, ZoneId zone) {
        this.items = items;
        this.ranks = ranks;
        this.decisions = decisions;
        this.owners = owners;
        this.clock = clock;
        this.zone = zone;
    }

    /** {@code POST /items/{id}/rank}. */
    public void move(Context ctx) {
        Item item = items.found(ctx);
        RankMove move = ctx.bodyAsClass(RankMove.class);
        ctx.json(move(ctx, item, move));
    }

    /** Moves an item for a request, once the caller may. */
    public RankChange move(Context ctx, Item item, RankMove move) {
        if ("org".equals(move.list())) {
            RequestCaller caller = RequestCaller.of(ctx);
            if (!caller.has(Role.ADMIN)) {
                throw new ProblemException(403, caller.name() + " may not rank the organisation's top priorities: "
                        + "only admins may", List.of());
            }
        } else {
            owners.requireChange(ctx, EntityRef.parse(item.owner()));
        }
        Ranks.check(move);
        Ranks.Moved moved = ranks.move(item.id(), move, RequestCaller.of(ctx).name(), clock.instant());
        return new RankChange(items.found(ctx), moved.from(), moved.to());
    }

    /** {@code GET /decisions}. */
    public void decisions(Context ctx) {
        Paging paging = Paging.of(ctx);
        ctx.json(decisions.list(filter(ctx), zone, paging.page(), paging.size()));
    }

    /** {@code GET /decisions.md}. */
    public void markdown(Context ctx) {
        List<Decision> all = decisions.list(filter(ctx), zone, 1, EXPORT_LIMIT).decisions();
        ctx.contentType("text/markdown; charset=utf-8").result(DecisionExport.markdown(all, zone));
    }

    /** {@code GET /decisions.csv}. */
    public void csv(Context ctx) {
        List<Decision> all = decisions.list(filter(ctx), zone, 1, EXPORT_LIMIT).decisions();
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"decisions.csv\"")
                .result(DecisionExport.csv(all));
    }

    public static Decisions.Filter filter(Context ctx) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Long> item = ctx.queryParam("item") == null ? Optional.empty()
                : Optional.of(ctx.queryParamAsClass("item", Long.class).get());
        Optional<String> owner = ItemsApi.ownerParam(ctx, "owner", errors).map(EntityRef::toString);
        Optional<String> kind = Optional.ofNullable(ctx.queryParam("kind")).filter(k -> !k.isBlank());
        kind.filter(k -> !List.of("rank", "org-rank", "status").contains(k)).ifPresent(k -> errors.add(
                new FieldError("kind", "must be rank, org-rank or status")));
        Optional<LocalDate> from = day(ctx, "from", errors);
        Optional<LocalDate> to = day(ctx, "to", errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "the decision log cannot be read: " + errors.get(0).field() + " "
                    + errors.get(0).reason(), errors);
        }
        return new Decisions.Filter(item, owner, kind, from, to);
    }

    /** @return the query parameter as a day, empty when absent; a field error when it is not one */
    public static Optional<LocalDate> day(Context ctx, String name, List<FieldError> errors) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be a day such as 2027-01-31"));
            return Optional.empty();
        }
    }
}
