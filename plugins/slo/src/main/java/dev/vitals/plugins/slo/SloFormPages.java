package dev.vitals.plugins.slo;

import dev.vitals.api.CatalogEntity;
import dev.vitals.api.Page;
import dev.vitals.api.PluginContext;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RequestCaller;
import gg.jte.Content;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The forms that define and change SLOs without JavaScript: a plain POST that redirects to the SLO when it is saved
 * (Post/Redirect/Get), or shows the form again with the typed values and each mistake beside its field.
 */
final class SloFormPages {

    private final SloDefinitions definitions;
    private final PluginContext context;

    SloFormPages(SloDefinitions definitions, PluginContext context) {
        this.definitions = definitions;
        this.context = context;
    }

    Page newForm(Context ctx) {
        return newPage(ctx, SloForm.blank(param(ctx, "service"), param(ctx, "component")));
    }

    Page create(Context ctx) {
        SloForm form = SloForm.submitted(ctx);
        try {
            Slo slo = definitions.create(ctx, form.input(context.catalog(), context.clock().instant()));
            return Page.seeOther(ctx, "/p/slo/slos/" + slo.name());
        } catch (ProblemException e) {
            if (e.errors().isEmpty() || e.status() == 403) {
                throw e;
            }
            ctx.status(e.status());
            return newPage(ctx, form.withErrors(e.errors()));
        }
    }

    Page editForm(Context ctx, Slo slo) {
        RequestCaller.requireEditorOf(ctx, slo.subject().toString());
        return editPage(ctx, slo, SloForm.of(slo));
    }

    Page edit(Context ctx, Slo slo) {
        SloForm form = SloForm.submitted(ctx).named(slo.name());
        try {
            SloInput input = form.input(context.catalog(), context.clock().instant());
            definitions.replace(ctx, slo.name(), input.named(slo.name()));
            return Page.seeOther(ctx, "/p/slo/slos/" + slo.name());
        } catch (ProblemException e) {
            if (e.errors().isEmpty() || e.status() == 403) {
                throw e;
            }
            ctx.status(e.status());
            return editPage(ctx, slo, form.withErrors(e.errors()));
        }
    }

    private Page newPage(Context ctx, SloForm form) {
        return new Page("New SLO", render(ctx, form, "/p/slo/new", false, "/p/slo/"));
    }

    private Page editPage(Context ctx, Slo slo, SloForm form) {
        return new Page("Edit SLO " + slo.name(), render(ctx, form, "/p/slo/slos/" + slo.name() + "/edit", true,
                "/p/slo/slos/" + slo.name()));
    }

    private Content render(Context ctx, SloForm form, String action, boolean editing, String cancel) {
        Map<String, Object> params = new HashMap<>();
        params.put("form", form);
        params.put("action", action);
        params.put("editing", editing);
        params.put("cancel", cancel);
        params.put("csrf", RequestCaller.of(ctx).formToken().orElse(""));
        params.put("components", context.catalog().entities("AvailabilityComponent").stream()
                .map(CatalogEntity::name).toList());
        params.put("windows", Arrays.stream(SloWindow.values()).map(SloWindow::code).toList());
        params.put("methods", Arrays.stream(BudgetingMethod.values()).map(BudgetingMethod::code).toList());
        params.put("pullConfigured", context.config().get(PrometheusPull.URL_KEY).isPresent());
        return SloPages.render("form.jte", params);
    }

    private static Optional<String> param(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).filter(s -> !s.isBlank()).map(String::trim);
    }
}
