package dev.vitals.plugins.slo;

import dev.vitals.api.FieldError;
import dev.vitals.api.PluginContext;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RequestCaller;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Creating and changing SLO definitions: the one path the API and the forms both take, so that both check the same
 * fields and the same ownership.
 */
final class SloDefinitions {

    /**
     * A saved definition.
     *
     * @param slo as stored
     * @param created true when the name was new
     */
    record Saved(Slo slo, boolean created) {
    }

    private final SloRepository slos;
    private final BudgetSignals signals;
    private final PluginContext context;

    SloDefinitions(SloRepository slos, BudgetSignals signals, PluginContext context) {
        this.slos = slos;
        this.signals = signals;
        this.context = context;
    }

    /**
     * @throws ProblemException 422 naming every field at fault, 403 unless the caller edits for the owner's team,
     *     409 when the name is taken
     */
    Slo create(Context ctx, SloInput input) {
        Slo slo = input.validate(context.catalog(), context.clock().instant());
        RequestCaller.requireEditorOf(ctx, slo.subject().toString());
        if (!slos.create(slo)) {
            throw new ProblemException(409, "an SLO named '" + slo.name() + "' exists; change it with PUT "
                    + "/api/slo/slos/" + slo.name(), List.of(new FieldError("name", "is taken by another SLO; "
                    + "pick another name or edit '" + slo.name() + "'")));
        }
        // Its owner's verdict and the overview count it from now on, not from the next minute.
        signals.publishFor(Set.of(slo.name()));
        return slo;
    }

    /**
     * Replaces the SLO of that name, or creates it. Moving an SLO to another owner needs the right to edit for both.
     *
     * @throws ProblemException 422 naming every field at fault (a name other than {@code name} too), 403 unless the
     *     caller edits for the old and the new owner's team
     */
    Saved replace(Context ctx, String name, SloInput input) {
        if (input.name() != null && !input.name().equals(name)) {
            throw ProblemException.unprocessable("an SLO cannot be renamed", List.of(new FieldError("name",
                    "must be '" + name + "' as in the URL, or left out, got '" + input.name() + "'")));
        }
        Slo slo = input.named(name).validate(context.catalog(), context.clock().instant());
        Optional<Slo> before = slos.find(name);
        before.ifPresent(b -> RequestCaller.requireEditorOf(ctx, b.subject().toString()));
        RequestCaller.requireEditorOf(ctx, slo.subject().toString());
        boolean created;
        if (slos.update(slo)) {
            created = false;
        } else if (slos.create(slo)) {
            created = true;
        } else {
            throw ProblemException.conflict("the SLO '" + name + "' was created at the same time; try again");
        }
        signals.publishFor(Set.of(name));
        return new Saved(slo, created);
    }
}
