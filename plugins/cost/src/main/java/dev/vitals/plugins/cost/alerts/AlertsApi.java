package dev.vitals.plugins.cost.alerts;

import dev.vitals.api.EntityRef;
import dev.vitals.api.RequestCaller;
import dev.vitals.plugins.cost.allocation.Organisation;
import dev.vitals.plugins.cost.web.Parameters;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/cost/alerts} and a team's settings, {@code GET/PUT /api/cost/teams/{team}/alert-settings}, which
 * only the team's editors (and admins) change.
 */
public final class AlertsApi {

    private final AlertStore store;
    private final AlertSettings settings;
    private final Organisation organisation;
    private final Clock clock;
    private final String currency;

    public AlertsApi(AlertStore store, AlertSettings settings, Organisation organisation, Clock clock,
            String currency) {
        this.store = store;
        this.settings = settings;
        this.organisation = organisation;
        this.clock = clock;
        this.currency = currency;
    }

    public void list(Context ctx) {
        LocalDate from = Parameters.day(ctx, "from");
        LocalDate to = Parameters.day(ctx, "to");
        if (!to.isAfter(from) || ChronoUnit.DAYS.between(from, to) > 731) {
            throw Parameters.bad("to", "must be after from and at most 731 days after it, got from " + from
                    + ", to " + to);
        }
        ctx.json(alerts(from, to, subjects(ctx)));
    }

    public AlertList alerts(LocalDate from, LocalDate to, Optional<Collection<EntityRef>> subjects) {
        return new AlertList(currency, from, to, store.list(from, to, subjects).stream().map(AlertView::of).toList());
    }

    public void get(Context ctx) {
        ctx.json(settings.shown(team(ctx, organisation)));
    }

    public void put(Context ctx) {
        EntityRef team = team(ctx, organisation);
        RequestCaller.requireEditorOfTeam(ctx, team);
        NewTeamSettings input = ctx.bodyAsClass(NewTeamSettings.class);
        ctx.json(save(ctx, team, input == null ? new NewTeamSettings(null, null, null, null) : input));
    }

    /** Checks and saves; the caller has been checked to edit the team. */
    public TeamSettings save(Context ctx, EntityRef team, NewTeamSettings input) {
        NewTeamSettings.Checked checked = input.check(settings.rules(Optional.of(team)));
        settings.save(team, checked.rules(), checked.webhook(), RequestCaller.of(ctx).name(), clock.instant());
        return settings.shown(team);
    }

    public AlertSettings settings() {
        return settings;
    }

    /** @return the team in the path @throws dev.vitals.api.ProblemException 404 when the catalog has none */
    public static EntityRef team(Context ctx, Organisation organisation) {
        String key = ctx.pathParam("team");
        Optional<EntityRef> team = EntityRef.fromKey("group", key)
                .filter(ref -> organisation.servicesOf(ref).isPresent());
        return team.orElseThrow(() -> new dev.vitals.api.ProblemException(404, "the catalog has no team '" + key
                + "'", List.of(new dev.vitals.api.FieldError("team", "names no team of the catalog"))));
    }

    /** The service of {@code service=}, or the team of {@code team=} and its services. */
    private Optional<Collection<EntityRef>> subjects(Context ctx) {
        Optional<String> service = Parameters.text(ctx, "service");
        Optional<String> team = Parameters.text(ctx, "team");
        if (service.isPresent() && team.isPresent()) {
            throw Parameters.bad("team", "cannot be combined with service: give one of them");
        }
        if (service.isPresent()) {
            return Optional.of(List.copyOf(EntityRef.fromKey("component", service.get())
                    .flatMap(organisation::servicesOf).orElseThrow(() -> Parameters.bad("service",
                            "names no service of the catalog: '" + service.get() + "'"))));
        }
        return team.map(key -> {
            EntityRef ref = EntityRef.fromKey("group", key).filter(t -> organisation.servicesOf(t).isPresent())
                    .orElseThrow(() -> Parameters.bad("team", "names no team of the catalog: '" + key + "'"));
            List<EntityRef> subjects = new ArrayList<>(organisation.servicesOf(ref).orElseThrow());
            subjects.add(ref);
            return subjects;
        });
    }
}
