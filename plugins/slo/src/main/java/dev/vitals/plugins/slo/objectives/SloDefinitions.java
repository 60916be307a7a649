package dev.vitals.plugins.slo.objectives;

import dev.vitals.api.CatalogView;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RequestCaller;
import dev.vitals.plugins.slo.links.SloLinks;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Creating and changing SLO definitions: the one path the API and the forms both take, so that both check the same
 * fields and the same ownership.
 */
public final class SloDefinitions {

    /**
     * A saved definition.
     *
     * @param slo as stored
     * @param created true when the name was new
     */
    public record Saved(Slo slo, boolean created) {
    }

    private final SloRepository slos;
    private final CatalogView catalog;
    private final Clock clock;
    private final SloLinks links;
    private final Consumer<Set<String>> afterSave;
    private final Consumer<Slo> afterDelete;

    /**
     * @param afterSave recomputes what the saved SLOs count towards (their owner's verdict, the overview's row), so
     *     that they count from the moment they are saved rather than from the next minute
     * @param afterDelete recomputes what a deleted SLO counted towards, so its verdict goes with it
     */
    public SloDefinitions(SloRepository slos, CatalogView catalog, Clock clock, SloLinks links,
            Consumer<Set<String>> afterSave, Consumer<Slo> afterDelete) {
        this.slos = slos;
        this.catalog = catalog;
        this.clock = clock;
        this.links = links;
        this.afterSave = afterSave;
        this.afterDelete = afterDelete;
    }

    /**
     * Deletes an SLO, its minute data and alert history, logging who did it and what it was.
     *
     * @return the SLO as it was
     * @throws ProblemException 404 when there is none of that name, 403 unless the caller edits for its owner's team
     */
    public Slo delete(Context ctx, String name) {
        Slo slo = slos.find(name).orElseThrow(() -> ProblemException.notFound("no SLO named '" + name + "'"));
        RequestCaller.requireEditorOf(ctx, slo.subject());
        RequestCaller caller = RequestCaller.of(ctx);
        if (!slos.delete(name, caller.name(), caller.person(), clock.instant())) {
            throw ProblemException.notFound("no SLO named '" + name + "'; it was deleted meanwhile");
        }
        afterDelete.accept(slo);
        return slo;
    }

    /** @return the SLO the input describes, checked against the catalog, as of now */
    public Slo validate(SloInput input) {
        return input.validate(catalog, clock.instant());
    }

    /**
     * @throws ProblemException 422 naming every field at fault, 403 unless the caller edits for the owner's team,
     *     409 when the name is taken
     */
    public Slo create(Context ctx, SloInput input) {
        Slo slo = validate(input);
        RequestCaller.requireEditorOf(ctx, slo.subject());
        if (!slos.create(slo)) {
            throw new ProblemException(409, "an SLO named '" + slo.name() + "' exists; change it with PUT "
                    + links.sloApi(slo.name()), List.of(new FieldError("name", "is taken by another SLO; "
                    + "pick another name or edit '" + slo.name() + "'")));
        }
        afterSave.accept(Set.of(slo.name()));
        return slo;
    }

    /**
     * Replaces the SLO of that name, or creates it. Moving an SLO to another owner needs the right to edit for both.
     *
     * @throws ProblemException 422 naming every field at fault (a name other than {@code name} too), 403 unless the
     *     caller edits for the old and the new owner's team
     */
    public Saved replace(Context ctx, String name, SloInput input) {
        if (input.name() != null && !input.name().equals(name)) {
            throw ProblemException.unprocessable("an SLO cannot be renamed", List.of(new FieldError("name",
                    "must be '" + name + "' as in the URL, or left out, got '" + input.name() + "'")));
        }
        Slo slo = validate(input.named(name));
        Optional<Slo> before = slos.find(name);
        before.ifPresent(b -> RequestCaller.requireEditorOf(ctx, b.subject()));
        RequestCaller.requireEditorOf(ctx, slo.subject());
        boolean created;
        if (slos.update(slo)) {
            created = false;
        } else if (slos.create(slo)) {
            created = true;
        } else {
            throw ProblemException.conflict("the SLO '" + name + "' was created at the same time; try again");
        }
        afterSave.accept(Set.of(name));
        return new Saved(slo, created);
    }
}
