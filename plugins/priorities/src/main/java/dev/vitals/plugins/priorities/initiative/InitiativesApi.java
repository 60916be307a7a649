package dev.vitals.plugins.priorities.initiative;

import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.RouteDoc;
import dev.vitals.api.RouteParam;
import dev.vitals.plugins.priorities.backlog.Item;
import dev.vitals.plugins.priorities.backlog.ItemsApi;
import dev.vitals.plugins.priorities.backlog.Owners;
import dev.vitals.plugins.priorities.backlog.RanksApi;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Initiatives over HTTP: an item's checklist of services, ticked by people or by a rule, and its burn-up. Every write
 * is for those who may change the item (its team's editors; a program's leads and admins), checked before anything
 * is read from the body.
 */
public final class InitiativesApi {

    static final int MAX_SERVICES = 1000;
    static final int MAX_DAYS = 731;
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000");
    private static final Set<String> STATUSES = Set.of("OK", "WARN", "CRITICAL", "UNKNOWN");

    public static final RouteDoc GET = RouteDoc.of("Read an item's initiative: its checklist of services")
            .description("Each service done or not, who or which rule ticked it, the counts, and the tick rule.")
            .returns(Initiative.class);

    public static final RouteDoc SET = RouteDoc.of("Set an initiative's checklist to exactly these services")
            .description("Services already on it keep their state; those left out are removed; new ones start "
                    + "undone. At most " + MAX_SERVICES + " services, each a service of the catalog.")
            .accepts(ServiceList.class, """
                    {"services": ["green-api", "blue-api"]}""")
            .returns(Initiative.class);

    public static final RouteDoc ADD = RouteDoc.of("Add services to an initiative's checklist")
            .description("Services already on it are left as they are.")
            .accepts(ServiceList.class, """
                    {"services": ["red-api"]}""")
            .returns(Initiative.class);

    public static final RouteDoc REMOVE = RouteDoc.of("Remove a service from an initiative's checklist")
            .description("The burn-up still counts it on the days it was on the checklist.")
            .returns(Initiative.class);

    public static final RouteDoc TICK = RouteDoc.of("Tick or untick one service of an initiative")
            .accepts(Tick.class, """
                    {"done": true}""")
            .returns(Initiative.class);

    public static final RouteDoc RULE = RouteDoc.of("Set how an initiative ticks its services by itself")
            .description("Exactly one of a measure (a service is done while its latest value of the last 31 days is "
                    + "at least atLeast, e.g. the deploys plugin's deploys.independent, 1 for a service that "
                    + "deploys on its own) or a signal (done while its latest status is the one named). The rule "
                    + "applies at once, on every new signal and hourly; a service without a reading keeps the state "
                    + "people gave it.")
            .accepts(TickRule.class, """
                    {"measure": {"name": "deploys.independent", "atLeast": 1}}""")
            .returns(Initiative.class);

    public static final RouteDoc DROP_RULE = RouteDoc.of("Stop an initiative ticking by itself")
            .description("The services keep the state they have; people tick them from now on.")
            .returnsNothing(204);

    public static final RouteDoc BURN_UP = RouteDoc.of("Read an initiative's burn-up: done and total per day")
            .description("Per day in the organisation's time zone, the services on the checklist and those done at "
                    + "the day's end, from the checklist's first change (or from) to today (or to), at most "
                    + MAX_DAYS + " days.")
            .query(RouteParam.optional("from", "the first day, e.g. 2026-11-01"),
                    RouteParam.optional("to", "the last day, inclusive, e.g. 2026-12-06"))
            .returns(BurnUp.class);

    private final ItemsApi items;
    private final Owners owners;
    private final CatalogView catalog;
    private final Checklist checklist;
    private final AutoTick autoTick;
    private final Clock clock;
    private final ZoneId zone;

    public InitiativesApi(ItemsApi items, Owners owners, CatalogView catalog, Checklist checklist, AutoTick autoTick,
            Clock clock, ZoneId zone) {
        this.items = items;
        this.owners = owners;
        this.catalog = catalog;
        this.checklist = checklist;
        this.autoTick = autoTick;
        this.clock = clock;
        this.zone = zone;
    }

    /** {@code GET /items/{id}/initiative}. */
    public void get(Context ctx) {
        ctx.json(checklist.of(items.found(ctx).id()));
    }

    /** {@code PUT /items/{id}/initiative/services}. */
    public void set(Context ctx) {
        Item item = editable(ctx);
        List<String> services = services(ctx.bodyAsClass(ServiceList.class));
        checklist.set(item.id(), services, RequestCaller.of(ctx).name(), clock.instant());
        applyRule(item.id());
        ctx.json(checklist.of(item.id()));
    }

    /** {@code POST /items/{id}/initiative/services}. */
    public void add(Context ctx) {
        Item item = editable(ctx);
        List<String> services = services(ctx.bodyAsClass(ServiceList.class));
        add(ctx, item, services);
        ctx.json(checklist.of(item.id()));
    }

    /** Adds services once the caller may change the item; the page's form comes here too. */
    public void add(Context ctx, Item item, List<String> services) {
        owners.requireChange(ctx, EntityRef.parse(item.owner()));
        if (checklist.services(item.id()).size() + services.size() > MAX_SERVICES) {
            throw ProblemException.unprocessable("the checklist did not change", List.of(new FieldError("services",
                    "a checklist holds at most " + MAX_SERVICES + " services")));
        }
        checklist.add(item.id(), services, RequestCaller.of(ctx).name(), clock.instant());
        applyRule(item.id());
    }

    /** {@code DELETE /items/{id}/initiative/services/{service}}. */
    public void remove(Context ctx) {
        Item item = editable(ctx);
        remove(ctx, item, ctx.pathParam("service"));
        ctx.json(checklist.of(item.id()));
    }

    /** Removes one service once the caller may change the item; the page's form comes here too. */
    public void remove(Context ctx, Item item, String service) {
        owners.requireChange(ctx, EntityRef.parse(item.owner()));
        if (!onIt(service) || !checklist.remove(item.id(), service, RequestCaller.of(ctx).name(), clock.instant())) {
            throw notOnIt(item, service);
        }
    }

    /** {@code PUT /items/{id}/initiative/services/{service}}. */
    public void tick(Context ctx) {
        Item item = editable(ctx);
        Tick tick = ctx.bodyAsClass(Tick.class);
        if (tick == null || tick.done() == null) {
            throw ProblemException.unprocessable("the service was not ticked", List.of(new FieldError("done",
                    "is required: true when the service is done, false to untick it")));
        }
        tick(ctx, item, ctx.pathParam("service"), tick.done());
        ctx.json(checklist.of(item.id()));
    }

    /** Ticks one service once the caller may change the item; the page's form comes here too. */
    public void tick(Context ctx, Item item, String service, boolean done) {
        owners.requireChange(ctx, EntityRef.parse(item.owner()));
        if (!onIt(service) || !checklist.tick(item.id(), service, done, RequestCaller.of(ctx).name(), clock.instant())) {
            throw notOnIt(item, service);
        }
    }

    /** {@code PUT /items/{id}/initiative/rule}. */
    public void setRule(Context ctx) {
        Item item = editable(ctx);
        setRule(ctx, item, ctx.bodyAsClass(TickRule.class));
        ctx.json(checklist.of(item.id()));
    }

    /** Checks and saves a tick rule once the caller may change the item, and applies it; the page's form too. */
    public void setRule(Context ctx, Item item, TickRule given) {
        owners.requireChange(ctx, EntityRef.parse(item.owner()));
        TickRule rule = rule(given);
        checklist.setRule(item.id(), rule, RequestCaller.of(ctx).name(), clock.instant());
        autoTick.apply(item.id(), rule);
    }

    /** {@code DELETE /items/{id}/initiative/rule}. */
    public void dropRule(Context ctx) {
        dropRule(ctx, editable(ctx));
        ctx.status(204);
    }

    /** Stops the item's tick rule once the caller may change the item; the page's form comes here too. */
    public void dropRule(Context ctx, Item item) {
        owners.requireChange(ctx, EntityRef.parse(item.owner()));
        if (!checklist.removeRule(item.id())) {
            throw ProblemException.notFound("item " + item.id() + " has no tick rule");
        }
    }

    /** {@code GET /items/{id}/initiative/burnup?from=&to=}. */
    public void burnUp(Context ctx) {
        Item item = items.found(ctx);
        List<FieldError> errors = new ArrayList<>();
        Optional<LocalDate> from = RanksApi.day(ctx, "from", errors);
        Optional<LocalDate> to = RanksApi.day(ctx, "to", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the burn-up cannot be read", errors);
        }
        LocalDate last = to.orElse(LocalDate.now(clock.withZone(zone)));
        LocalDate first = from.orElseGet(() -> checklist.firstDay(item.id(), zone).orElse(last));
        if (first.isAfter(last)) {
            throw ProblemException.unprocessable("the burn-up cannot be read", List.of(new FieldError("from",
                    "must not be after " + last + ", got " + first)));
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            first = last.minusDays(MAX_DAYS - 1);
            if (from.isPresent()) {
                throw ProblemException.unprocessable("the burn-up cannot be read", List.of(new FieldError("from",
                        "must be at most " + MAX_DAYS + " days before " + last + ", e.g. " + first)));
            }
        }
        ctx.json(checklist.burnUp(item.id(), first, last, zone));
    }

    /** @return the burn-up from the checklist's first change (at most {@link #MAX_DAYS} days) to today */
    public BurnUp burnUp(long item) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate first = checklist.firstDay(item, zone).orElse(today);
        if (ChronoUnit.DAYS.between(first, today) >= MAX_DAYS) {
            first = today.minusDays(MAX_DAYS - 1);
        }
        return checklist.burnUp(item, first, today, zone);
    }

    private void applyRule(long item) {
        Optional.ofNullable(checklist.of(item).rule()).ifPresent(rule -> autoTick.apply(item, rule));
    }

    private Item editable(Context ctx) {
        Item item = items.found(ctx);
        owners.requireChange(ctx, EntityRef.parse(item.owner()));
        return item;
    }

    /** Text PostgreSQL cannot hold (a NUL) or no key could have is on no checklist; the database is not asked. */
    private static boolean onIt(String service) {
        return service != null && Owners.isText(service);
    }

    private static ProblemException notOnIt(Item item, String service) {
        return new ProblemException(404, "service " + service + " is not on the checklist of item " + item.id(),
                List.of(new FieldError("service", "must be one of the checklist's services")));
    }

    /** @return the services' keys, each once, in the order given; 422 naming the first bad one */
    public List<String> services(ServiceList body) {
        if (body == null || body.services() == null || body.services().isEmpty()) {
            throw ProblemException.unprocessable("the checklist did not change", List.of(new FieldError("services",
                    "is required: catalog keys of services, e.g. [\"checkout-api\"]")));
        }
        if (body.services().size() > MAX_SERVICES) {
            throw ProblemException.unprocessable("the checklist did not change", List.of(new FieldError("services",
                    "may name at most " + MAX_SERVICES + " services, got " + body.services().size())));
        }
        Set<String> keys = new LinkedHashSet<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < body.services().size(); i++) {
            String text = body.services().get(i);
            Optional<EntityRef> ref = text == null || !Owners.isText(text) ? Optional.empty()
                    : EntityRef.fromKey("component", text.trim());
            if (ref.isEmpty()) {
                errors.add(new FieldError("services[" + i + "]", "must be a service's key, e.g. checkout-api, got "
                        + (text == null ? "nothing" : "'" + text + "'")));
            } else if (catalog.entity(ref.get()).isEmpty()) {
                errors.add(new FieldError("services[" + i + "]", "the catalog has no service " + ref.get().key()));
            } else {
                keys.add(ref.get().key());
            }
            if (errors.size() >= 20) {
                break;
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the checklist did not change", errors);
        }
        return List.copyOf(keys);
    }

    private static TickRule rule(TickRule rule) {
        List<FieldError> errors = new ArrayList<>();
        if (rule == null || (rule.measure() == null) == (rule.signal() == null)) {
            throw ProblemException.unprocessable("the tick rule was not saved", List.of(new FieldError("measure",
                    "give exactly one of measure ({\"name\", \"atLeast\"}) or signal ({\"plugin\", \"kind\", "
                            + "\"status\"})")));
        }
        if (rule.measure() != null) {
            String name = rule.measure().name();
            if (name == null || !name.matches("[a-z][a-z0-9_]{0,30}\\.[a-z0-9_.-]{1,100}")) {
                errors.add(new FieldError("measure.name", "must be a measure's name such as deploys.independent, got "
                        + (name == null ? "nothing" : "'" + name + "'")));
            }
            BigDecimal atLeast = rule.measure().atLeast();
            if (atLeast == null) {
                errors.add(new FieldError("measure.atLeast", "is required: the value from which a service is done"));
            } else if (atLeast.abs().compareTo(LIMIT) > 0 || atLeast.stripTrailingZeros().scale() > 6) {
                errors.add(new FieldError("measure.atLeast", "must be between -" + LIMIT.toPlainString() + " and "
                        + LIMIT.toPlainString() + " with at most 6 decimals, got " + atLeast.toPlainString()));
            }
            if (!errors.isEmpty()) {
                throw ProblemException.unprocessable("the tick rule was not saved", errors);
            }
            return rule;
        }
        TickRule.SignalRule signal = rule.signal();
        if (signal.plugin() == null || !signal.plugin().matches("[a-z][a-z0-9_]{0,30}")) {
            errors.add(new FieldError("signal.plugin", "must be a plugin's id such as slo"));
        }
        if (signal.kind() == null || signal.kind().isBlank() || !Owners.isText(signal.kind())
                || signal.kind().length() > 100) {
            errors.add(new FieldError("signal.kind", "must be a signal's kind such as error-budget"));
        }
        String status = signal.status() == null ? "" : signal.status().trim().toUpperCase(Locale.ROOT);
        if (!STATUSES.contains(status)) {
            errors.add(new FieldError("signal.status", "must be OK, WARN, CRITICAL or UNKNOWN, got "
                    + (signal.status() == null ? "nothing" : "'" + signal.status() + "'")));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the tick rule was not saved", errors);
        }
        return new TickRule(null, new TickRule.SignalRule(signal.plugin(), signal.kind().trim(), status));
    }
}
