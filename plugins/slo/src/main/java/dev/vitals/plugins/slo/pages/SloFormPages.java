package dev.vitals.plugins.slo.pages;

import dev.vitals.api.CatalogView;
import dev.vitals.api.Page;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.ui.Flash;
import dev.vitals.plugins.slo.links.SloLinks;
import dev.vitals.plugins.slo.objectives.BudgetingMethod;
import dev.vitals.plugins.slo.objectives.Slo;
import dev.vitals.plugins.slo.objectives.SloDefinitions;
import dev.vitals.plugins.slo.objectives.SloDeletion;
import dev.vitals.plugins.slo.objectives.SloInput;
import dev.vitals.plugins.slo.objectives.SloRepository;
import dev.vitals.plugins.slo.objectives.SloWindow;
import dev.vitals.plugins.slo.web.QueryParameters;
import gg.jte.Content;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The forms that define and change SLOs without JavaScript: a plain POST that redirects to the SLO when it is saved
 * (Post/Redirect/Get) with a confirmation, or shows the form again with the typed values and each mistake beside its
 * field; and the confirmation before deleting one.
 */
public final class SloFormPages {

    private final SloDefinitions definitions;
    private final SloRepository slos;
    private final CatalogView catalog;
    private final boolean pullConfigured;
    private final SloLinks links;
    private final Clock clock;

    /** @param pullConfigured whether the portal has a Prometheus address to pull minutes from */
    public SloFormPages(SloDefinitions definitions, SloRepository slos, CatalogView catalog, boolean pullConfigured,
            SloLinks links, Clock clock) {
        this.definitions = definitions;
        this.slos = slos;
        this.catalog = catalog;
        this.pullConfigured = pullConfigured;
        this.links = links;
        this.clock = clock;
    }

    /** {@code GET /new}, the owner filled in from {@code ?service=} or {@code ?component=}. */
    public Page newForm(Context ctx) {
        return newPage(ctx, SloForm.blank(QueryParameters.text(ctx, "service"),
                QueryParameters.text(ctx, "component")));
    }

    /** {@code POST /new}. */
    public Page create(Context ctx) {
        SloForm form = SloForm.submitted(ctx);
        try {
            Slo slo = definitions.create(ctx, form.input(catalog, clock.instant()));
            Flash.confirm(ctx, "SLO " + slo.name() + " saved.");
            return Page.seeOther(ctx, links.slo(slo.name()));
        } catch (ProblemException e) {
            if (e.errors().isEmpty() || e.status() == 403) {
                throw e;
            }
            ctx.status(e.status());
            return newPage(ctx, form.withErrors(e.errors()));
        }
    }

    /** {@code GET /slos/{name}/edit}: only for editors of the team that owns the SLO's service or component. */
    public Page editForm(Context ctx) {
        Optional<Slo> slo = slos.find(ctx.pathParam("name"));
        if (slo.isEmpty()) {
            return missing(ctx);
        }
        RequestCaller.requireEditorOf(ctx, slo.get().subject());
        return editPage(ctx, slo.get(), SloForm.of(slo.get()));
    }

    /** {@code POST /slos/{name}/edit}. */
    public Page edit(Context ctx) {
        Optional<Slo> found = slos.find(ctx.pathParam("name"));
        if (found.isEmpty()) {
            return missing(ctx);
        }
        Slo slo = found.get();
        SloForm form = SloForm.submitted(ctx).named(slo.name());
        try {
            SloInput input = form.input(catalog, clock.instant());
            definitions.replace(ctx, slo.name(), input.named(slo.name()));
            Flash.confirm(ctx, "SLO " + slo.name() + " saved.");
            return Page.seeOther(ctx, links.slo(slo.name()));
        } catch (ProblemException e) {
            if (e.errors().isEmpty() || e.status() == 403) {
                throw e;
            }
            ctx.status(e.status());
            return editPage(ctx, slo, form.withErrors(e.errors()));
        }
    }

    /**
     * {@code GET /slos/{name}/delete}: what deleting takes with it, and the button that does it; only for editors of
     * the owner's team.
     */
    public Page deleteForm(Context ctx) {
        Optional<Slo> slo = slos.find(ctx.pathParam("name"));
        if (slo.isEmpty()) {
            return missing(ctx);
        }
        RequestCaller.requireEditorOf(ctx, slo.get().subject());
        return new Page("Delete SLO " + slo.get().name(), Templates.render("delete.jte", Map.of("links", links,
                "slo", slo.get(), "caller", RequestCaller.of(ctx), "definition", SloDeletion.describe(slo.get()))));
    }

    /** {@code POST /slos/{name}/delete}: deletes, logs, and goes to the overview with a confirmation. */
    public Page delete(Context ctx) {
        if (slos.find(ctx.pathParam("name")).isEmpty()) {
            return missing(ctx);
        }
        Slo slo = definitions.delete(ctx, ctx.pathParam("name"));
        Flash.confirm(ctx, "SLO " + slo.name() + " deleted, with its minute data and alert history.");
        return Page.seeOther(ctx, links.overview());
    }

    private Page missing(Context ctx) {
        return Templates.notFound(ctx, "No SLO named '" + ctx.pathParam("name") + "'.", links.overview());
    }

    private Page newPage(Context ctx, SloForm form) {
        return new Page("New SLO", render(ctx, form, links.newSlo(), false, links.overview()));
    }

    private Page editPage(Context ctx, Slo slo, SloForm form) {
        return new Page("Edit SLO " + slo.name(), render(ctx, form, links.edit(slo.name()), true,
                links.slo(slo.name())));
    }

    private Content render(Context ctx, SloForm form, String action, boolean editing, String cancel) {
        Map<String, Object> params = new HashMap<>();
        params.put("form", form);
        params.put("action", action);
        params.put("editing", editing);
        params.put("cancel", cancel);
        params.put("caller", RequestCaller.of(ctx));
        params.put("components", catalog.entities("AvailabilityComponent").stream().map(c -> c.ref().key())
                .toList());
        params.put("windows", Arrays.stream(SloWindow.values()).map(SloWindow::code).toList());
        params.put("methods", Arrays.stream(BudgetingMethod.values()).map(BudgetingMethod::code).toList());
        params.put("pullConfigured", pullConfigured);
        return Templates.render("form.jte", params);
    }
}
