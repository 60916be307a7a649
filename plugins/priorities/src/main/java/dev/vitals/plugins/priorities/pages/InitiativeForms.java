package dev.vitals.plugins.priorities.pages;

import dev.vitals.api.FieldError;
import dev.vitals.api.Page;
import dev.vitals.api.PluginUrls;
import dev.vitals.api.ProblemException;
import dev.vitals.api.ui.Flash;
import dev.vitals.plugins.priorities.backlog.Item;
import dev.vitals.plugins.priorities.backlog.ItemsApi;
import dev.vitals.plugins.priorities.initiative.InitiativesApi;
import dev.vitals.plugins.priorities.initiative.ServiceList;
import dev.vitals.plugins.priorities.initiative.TickRule;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The forms of an item's page that change its initiative: add services, remove or tick one, set or stop the tick
 * rule. Each goes through the initiative API's own checks and store; a refusal shows the item's page again with the
 * fields at fault marked.
 */
public final class InitiativeForms {

    private final ItemsApi items;
    private final InitiativesApi initiatives;
    private final BacklogPages pages;
    private final PluginUrls urls;

    public InitiativeForms(ItemsApi items, InitiativesApi initiatives, BacklogPages pages, PluginUrls urls) {
        this.items = items;
        this.initiatives = initiatives;
        this.pages = pages;
        this.urls = urls;
    }

    /** {@code POST /p/priorities/items/{id}/initiative/add}: services' keys, separated by spaces, commas or lines. */
    public Page add(Context ctx) {
        return save(ctx, "Services added to the checklist of %s.", item -> {
            String text = ctx.formParam("services");
            List<String> keys = text == null ? List.of()
                    : Arrays.stream(text.split("[\\s,]+")).filter(k -> !k.isEmpty()).toList();
            initiatives.add(ctx, item, initiatives.services(new ServiceList(keys)));
        });
    }

    /** {@code POST /p/priorities/items/{id}/initiative/remove}: one service off the checklist. */
    public Page remove(Context ctx) {
        return save(ctx, "Service removed from the checklist of %s.",
                item -> initiatives.remove(ctx, item, text(ctx, "service")));
    }

    /** {@code POST /p/priorities/items/{id}/initiative/tick}: one service done ({@code done=true}) or not. */
    public Page tick(Context ctx) {
        return save(ctx, "Checklist of %s saved.", item -> {
            String done = text(ctx, "done");
            if (!done.equals("true") && !done.equals("false")) {
                throw ProblemException.unprocessable("the service was not ticked", List.of(new FieldError("done",
                        "must be true when the service is done, false to untick it")));
            }
            initiatives.tick(ctx, item, text(ctx, "service"), Boolean.parseBoolean(done));
        });
    }

    /**
     * {@code POST /p/priorities/items/{id}/initiative/rule}: a measure's rule ({@code measure.name},
     * {@code measure.atLeast}) or a signal's ({@code signal.plugin}, {@code signal.kind}, {@code signal.status}).
     */
    public Page rule(Context ctx) {
        return save(ctx, "Tick rule of %s saved and applied.", item -> {
            boolean byMeasure = given(ctx, "measure.name") || given(ctx, "measure.atLeast");
            boolean bySignal = given(ctx, "signal.plugin") || given(ctx, "signal.kind") || given(ctx, "signal.status");
            TickRule.MeasureRule measure = byMeasure
                    ? new TickRule.MeasureRule(text(ctx, "measure.name").trim(), number(ctx, "measure.atLeast"))
                    : null;
            TickRule.SignalRule signal = bySignal ? new TickRule.SignalRule(text(ctx, "signal.plugin").trim(),
                    text(ctx, "signal.kind"), text(ctx, "signal.status")) : null;
            initiatives.setRule(ctx, item, new TickRule(measure, signal));
        });
    }

    /** {@code POST /p/priorities/items/{id}/initiative/rule/stop}: people tick the services from now on. */
    public Page stopRule(Context ctx) {
        return save(ctx, "%s no longer ticks by itself.", item -> initiatives.dropRule(ctx, item));
    }

    private Page save(Context ctx, String confirmation, Consumer<Item> change) {
        Item item = items.found(ctx);
        try {
            change.accept(item);
            Flash.confirm(ctx, confirmation.formatted(item.title()));
            return Page.seeOther(ctx, urls.page("/items/{id}", item.id()) + "#initiative");
        } catch (ProblemException e) {
            if (e.status() == 401 || e.status() == 403) {
                throw e;
            }
            ctx.status(e.status());
            Map<String, String> values = new HashMap<>();
            ctx.formParamMap().forEach((field, sent) -> values.put(field, sent.isEmpty() ? "" : sent.get(0)));
            return pages.item(ctx, new FormRefusal(e.getMessage(), e.errors(), values));
        }
    }

    private static boolean given(Context ctx, String field) {
        return !text(ctx, field).isBlank();
    }

    private static String text(Context ctx, String field) {
        String text = ctx.formParam(field);
        return text == null ? "" : text;
    }

    private static BigDecimal number(Context ctx, String field) {
        String text = text(ctx, field).trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw ProblemException.unprocessable("the tick rule was not saved", List.of(new FieldError(field,
                    "must be a number such as 1 or 0.5, got '" + text + "'")));
        }
    }
}
