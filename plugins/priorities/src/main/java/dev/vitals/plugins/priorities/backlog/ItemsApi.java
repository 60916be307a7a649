package dev.vitals.plugins.priorities.backlog;

import dev.vitals.api.EntityRef;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.RouteDoc;
import dev.vitals.api.RouteParam;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** {@code /api/priorities/items}: create, list, read and change backlog items. */
public final class ItemsApi {

    static final String EXAMPLE = """
            {"key": "PAY-12", "title": "Retry card payments once on a timeout", "level": "story", "parent": 7,
             "owner": "payments", "horizon": "immediate", "investment": "foundation", "estimateWeeks": 3,
             "quarter": "2027-Q1", "services": ["checkout-api"],
             "rice": {"reach": 1000, "impact": 2, "confidence": 0.8, "effort": 2},
             "wsjf": {"businessValue": 8, "timeCriticality": 5, "riskReduction": 3, "jobSize": 2}}""";

    public static final RouteDoc CREATE = RouteDoc.of("Create backlog items, one or an array, all or nothing")
            .description("The body is one item or an array of them. Each has a parent one level up (themes none), "
                    + "given by id (parent) or by the key of an item stored before or earlier in the array "
                    + "(parentKey); a parent of the wrong level is a 422. The owner is a team (payments) or a "
                    + "program (program:availability). RICE inputs: impact 3, 2, 1, 0.5 or 0.25, confidence 1.0, "
                    + "0.8 or 0.5, effort in person-months above 0. WSJF inputs on the scale 1, 2, 3, 5, 8, 13, "
                    + "20. Team items are created by the team's editors, program items by admins and editors of "
                    + "the program's stakeholder teams with role lead. Answers the item (an array for an array), "
                    + "with riceScore and wsjfScore null when their inputs are absent.")
            .accepts(NewItem.class, EXAMPLE)
            .returns(201, RouteDoc.Body.json(Item.class));

    public static final RouteDoc LIST = RouteDoc.of("List backlog items, paged")
            .query(RouteParam.optional("level", "theme, epic, feature, story or task"),
                    RouteParam.optional("owner", "a team (payments) or a program (program:availability)"),
                    RouteParam.optional("status", "proposed, ready, in-progress, done or dropped"),
                    RouteParam.optional("service", "items naming this service, e.g. checkout-api"),
                    RouteParam.optional("parent", "children of this item").ofType(Long.class),
                    RouteParam.optional("quarter", "e.g. 2027-Q1"),
                    RouteParam.optional("sort", "rank (the default: level, owner, stack rank), rice or wsjf "
                            + "(highest first); scores suggest, only a person moves the rank"),
                    RouteParam.optional("page", "from 1").ofType(Integer.class),
                    RouteParam.optional("size", "1 to 500, 50 when absent").ofType(Integer.class))
            .returns(ItemList.class);

    public static final RouteDoc GET = RouteDoc.of("Read one backlog item").returns(Item.class);

    public static final RouteDoc PATCH = RouteDoc.of("Change a backlog item")
            .description("Only the fields given change. A status change is logged in the decision log and needs a "
                    + "reason. A new owner puts the item at the bottom of that owner's stack rank; the caller must "
                    + "be allowed to change items of both owners.")
            .accepts(ItemPatch.class, """
                    {"status": "in-progress", "estimateWeeks": 4, "reason": "Card timeouts doubled this week"}""")
            .returns(Item.class);

    public static final RouteDoc TREE = RouteDoc.of("Read an owner's backlog as a tree")
            .description("Themes, epics, features, stories and tasks of one owner, each nested under its parent and "
                    + "each level in stack-rank order; items whose parent belongs to another owner are roots.")
            .query(RouteParam.required("owner", "a team (payments) or a program (program:availability)"))
            .returns(TreeNode.Tree.class);

    public static final RouteDoc SCORES = RouteDoc.of("Read every score an item was given, RICE and WSJF alike")
            .returns(ScoreHistory.Entries.class);

    private final ItemStore items;
    private final Owners owners;
    private final Clock clock;
    private final String score;

    public ItemsApi(ItemStore items, Owners owners, Clock clock, String score) {
        this.items = items;
        this.owners = owners;
        this.clock = clock;
        this.score = score;
    }

    public String score() {
        return score;
    }

    /** {@code POST /items}: one item or an array, all or nothing. */
    public void create(Context ctx) {
        boolean array = ctx.body().stripLeading().startsWith("[");
        List<NewItem> inputs = array ? List.of(ctx.bodyAsClass(NewItem[].class)) : List.of(ctx.bodyAsClass(NewItem.class));
        if (inputs.isEmpty() || inputs.size() > 1000) {
            throw ProblemException.unprocessable("nothing was stored", List.of(new FieldError("[]",
                    "an array holds 1 to 1000 items, got " + inputs.size())));
        }
        List<Item> created = create(ctx, inputs, array);
        ctx.status(201);
        if (array) {
            ctx.json(created);
        } else {
            ctx.json(created.get(0));
        }
    }

    /** Creates items for a request, checking every field and the caller's right to each owner first. */
    public List<Item> create(Context ctx, List<NewItem> inputs, boolean array) {
        return create(inputs, array, Optional.of(ctx), RequestCaller.of(ctx).name());
    }

    /** Creates items on the portal's own behalf, e.g. demo data: every field checked, no caller to check. */
    public List<Item> createAs(String by, List<NewItem> inputs) {
        return create(inputs, true, Optional.empty(), by);
    }

    private List<Item> create(List<NewItem> inputs, boolean array, Optional<Context> request, String by) {
        List<FieldError> errors = new ArrayList<>();
        List<NewItem.Checked> checked = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            String prefix = array ? "[" + i + "]." : "";
            NewItem input = inputs.get(i);
            if (input == null) {
                errors.add(new FieldError("[" + i + "]", "is required: an item, not null"));
                continue;
            }
            input.check(prefix, errors).ifPresent(c -> {
                if (!owners.exists(c.owner())) {
                    errors.add(new FieldError(prefix + "owner", "the catalog has no team or program "
                            + c.owner()));
                }
                checked.add(c);
                prefixes.add(prefix);
            });
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("nothing was stored: " + errors.size()
                    + (errors.size() == 1 ? " field is" : " fields are") + " wrong", errors);
        }
        Set<EntityRef> owned = new LinkedHashSet<>();
        checked.forEach(c -> owned.add(c.owner()));
        request.ifPresent(ctx -> owned.forEach(owner -> owners.requireChange(ctx, owner)));
        return items.create(checked, prefixes, by, clock.instant());
    }

    /** {@code GET /items}. */
    public void list(Context ctx) {
        Paging paging = Paging.of(ctx);
        ctx.json(items.list(filter(ctx), sort(ctx), paging.page(), paging.size(), score));
    }

    public static ItemStore.Sort sort(Context ctx) {
        String sort = Optional.ofNullable(ctx.queryParam("sort")).orElse("rank");
        try {
            return ItemStore.Sort.valueOf(sort.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "sort must be rank, rice or wsjf, got '" + sort + "'",
                    List.of(new FieldError("sort", "must be rank, rice or wsjf")));
        }
    }

    public static ItemStore.Filter filter(Context ctx) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Level> level = Optional.ofNullable(ctx.queryParam("level")).filter(s -> !s.isBlank()).map(l ->
                Level.parse(l).orElseGet(() -> {
                    errors.add(new FieldError("level", "must be one of " + Level.choices()));
                    return null;
                }));
        Optional<EntityRef> owner = ownerParam(ctx, "owner", errors);
        Optional<String> status = Optional.ofNullable(ctx.queryParam("status")).filter(s -> !s.isBlank());
        status.filter(s -> !Labels.STATUSES.contains(s)).ifPresent(s -> errors.add(new FieldError("status",
                "must be one of " + String.join(", ", Labels.STATUSES))));
        Optional<String> service = Optional.ofNullable(ctx.queryParam("service")).filter(s -> !s.isBlank())
                .map(s -> EntityRef.fromKey("component", s.trim()).filter(r -> Owners.isText(s))
                        .map(EntityRef::key).orElseGet(() -> {
                    errors.add(new FieldError("service", "must be a service's key, e.g. checkout-api"));
                    return null;
                }));
        Optional<Long> parent = ctx.queryParam("parent") == null ? Optional.empty()
                : Optional.of(ctx.queryParamAsClass("parent", Long.class).get());
        Optional<String> quarter = Optional.ofNullable(ctx.queryParam("quarter")).filter(s -> !s.isBlank());
        quarter.filter(q -> !Labels.QUARTER.matcher(q).matches()).ifPresent(q -> errors.add(new FieldError(
                "quarter", "must be a year and quarter such as 2027-Q1")));
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "the list cannot be read: " + errors.get(0).field() + " "
                    + errors.get(0).reason(), errors);
        }
        return new ItemStore.Filter(level, owner, status, service, parent, quarter);
    }

    public static Optional<EntityRef> ownerParam(Context ctx, String name, List<FieldError> errors) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Optional<EntityRef> owner = Owners.parse(text);
        if (owner.isEmpty()) {
            errors.add(new FieldError(name, "must be a team (payments) or a program (program:availability)"));
        }
        return owner;
    }

    /** {@code GET /items/{id}}. */
    public void get(Context ctx) {
        ctx.json(found(ctx));
    }

    /** {@code GET /items/{id}/scores}. */
    public void scores(Context ctx) {
        Item item = found(ctx);
        ctx.json(ScoreHistory.of(items.jdbi(), item.id()));
    }

    /** {@code GET /tree?owner=}. */
    public void tree(Context ctx) {
        List<FieldError> errors = new ArrayList<>();
        Optional<EntityRef> owner = ownerParam(ctx, "owner", errors);
        if (owner.isEmpty()) {
            throw new ProblemException(400, "owner is required: a team (payments) or a program", List.of(
                    new FieldError("owner", "is required: a team (payments) or a program (program:availability)")));
        }
        ctx.json(new TreeNode.Tree(owner.get().toString(), TreeNode.of(items.ofOwner(owner.get()))));
    }

    public Item found(Context ctx) {
        long id = id(ctx);
        return items.find(id).orElseThrow(() -> ProblemException.notFound("no item has id " + id));
    }

    public static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("no item has id " + ctx.pathParam("id"));
        }
    }

    /** {@code PATCH /items/{id}}. */
    public void patch(Context ctx) {
        Item item = found(ctx);
        EntityRef owner = EntityRef.parse(item.owner());
        owners.requireChange(ctx, owner);
        ItemPatch patch = ctx.bodyAsClass(ItemPatch.class);
        ctx.json(patch(ctx, item, patch));
    }

    /** Applies a change to an item, once the caller may change items of its owner. */
    public Item patch(Context ctx, Item item, ItemPatch patch) {
        owners.requireChange(ctx, EntityRef.parse(item.owner()));
        if (patch.equals(new ItemPatch(null, null, null, null, null, null, null, null, null, null, null, null))) {
            throw ProblemException.unprocessable("the item did not change", List.of(new FieldError("(body)",
                    "give at least one field to change, e.g. {\"status\": \"ready\", \"reason\": \"…\"}")));
        }
        List<FieldError> errors = new ArrayList<>();
        if (patch.title() != null && (patch.title().isBlank() || patch.title().length() > 300)) {
            errors.add(new FieldError("title", "must be 1 to 300 characters"));
        }
        NewItem.oneOf("horizon", patch.horizon(), Labels.HORIZONS, false, errors);
        NewItem.oneOf("investment", patch.investment(), Labels.INVESTMENTS, false, errors);
        NewItem.oneOf("status", patch.status(), Labels.STATUSES, false, errors);
        NewItem.checkEstimate("", patch.estimateWeeks(), errors);
        NewItem.checkQuarter("", patch.quarter(), errors);
        List<String> services = patch.services() == null ? null : NewItem.checkServices("", patch.services(), errors);
        if (patch.rice() != null) {
            patch.rice().check("rice", errors);
        }
        if (patch.wsjf() != null) {
            patch.wsjf().check("wsjf", errors);
        }
        boolean statusChanges = patch.status() != null && !patch.status().equals(item.status());
        if (statusChanges && (patch.reason() == null || patch.reason().isBlank())) {
            errors.add(new FieldError("reason", "is required with a status change: why, for the decision log"));
        }
        if (patch.reason() != null && patch.reason().length() > 2000) {
            errors.add(new FieldError("reason", "must be at most 2000 characters, got " + patch.reason().length()));
        }
        Optional<EntityRef> newOwner = Optional.empty();
        if (patch.owner() != null) {
            newOwner = Owners.parse(patch.owner());
            if (newOwner.isEmpty()) {
                errors.add(new FieldError("owner", "must be a team (payments) or a program (program:availability)"));
            } else if (!owners.exists(newOwner.get())) {
                errors.add(new FieldError("owner", "the catalog has no team or program " + newOwner.get()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the item did not change", errors);
        }
        Optional<EntityRef> moving = newOwner.filter(o -> !o.toString().equals(item.owner()));
        moving.ifPresent(o -> owners.requireChange(ctx, o));
        String by = RequestCaller.of(ctx).name();
        Instant at = clock.instant();
        return items.jdbi().inTransaction(h -> {
            if (patch.parent() != null) {
                List<FieldError> parentErrors = new ArrayList<>();
                if (patch.parent() == item.id() || !ItemStore.parentFits(h, item.levelValue(), patch.parent(),
                        parentErrors)) {
                    throw ProblemException.unprocessable("the item did not change", parentErrors.isEmpty()
                            ? List.of(new FieldError("parent", "an item is not its own parent")) : parentErrors);
                }
            }
            ItemStore.updateFields(h, item.id(), patch.title(), patch.parent(), patch.horizon(), patch.investment(),
                    patch.estimateWeeks(), patch.quarter(), services, patch.rice(), patch.wsjf(), at);
            ScoreHistory.record(h, item.id(), patch.rice(), patch.wsjf(), by, at);
            if (statusChanges) {
                h.createUpdate("UPDATE items SET status = :status WHERE id = :id").bind("status", patch.status())
                        .bind("id", item.id()).execute();
                Decisions.log(h, item.id(), "status", item.status(), patch.status(), patch.reason().trim(), by, at);
            }
            if (moving.isPresent()) {
                String key = RankKeys.after(ItemStore.lastKey(h, item.level(),
                        moving.get().toString()));
                h.createUpdate("UPDATE items SET owner = :owner, rank_key = :key WHERE id = :id")
                        .bind("owner", moving.get().toString()).bind("key", key).bind("id", item.id()).execute();
            }
            return ItemStore.find(h, item.id()).orElseThrow();
        });
    }
}
