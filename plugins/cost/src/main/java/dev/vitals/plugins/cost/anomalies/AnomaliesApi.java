package dev.vitals.plugins.cost.anomalies;

import dev.vitals.api.EntityRef;
import dev.vitals.plugins.cost.allocation.Organisation;
import dev.vitals.plugins.cost.web.Parameters;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** {@code GET /api/cost/anomalies} and {@code POST /api/cost/anomalies/{id}/dismiss}. */
public final class AnomaliesApi {

    /** The longest period one answer covers, two years and a day, as for costs. */
    static final long MAX_DAYS = 731;

    private final Anomalies anomalies;
    private final Organisation organisation;

    public AnomaliesApi(Anomalies anomalies, Organisation organisation) {
        this.anomalies = anomalies;
        this.organisation = organisation;
    }

    public void list(Context ctx) {
        LocalDate from = Parameters.day(ctx, "from");
        LocalDate to = Parameters.day(ctx, "to");
        if (!to.isAfter(from) || ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw Parameters.bad("to", "must be after from and at most " + MAX_DAYS + " days after it, got from "
                    + from + ", to " + to);
        }
        Optional<Boolean> open = Parameters.text(ctx, "state").map(state -> switch (state) {
            case "open" -> Optional.of(true);
            case "dismissed" -> Optional.of(false);
            case "all" -> Optional.<Boolean>empty();
            default -> throw Parameters.bad("state", "must be open, dismissed or all, got '" + state + "'");
        }).orElse(Optional.empty());
        ctx.json(anomalies.list(from, to, services(ctx, organisation), open));
    }

    public void dismiss(Context ctx) {
        long id = id(ctx);
        DismissRequest request = ctx.bodyAsClass(DismissRequest.class);
        if (request == null) {
            request = new DismissRequest(null, null);
        }
        ctx.json(anomalies.dismiss(ctx, id, request.checked()));
    }

    /** @return the number in the path @throws dev.vitals.api.ProblemException 400 when it is none */
    public static long id(Context ctx) {
        String text = ctx.pathParam("id");
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new dev.vitals.api.ProblemException(400, "the path parameter 'id' must be an anomaly's number, not '"
                + text + "'", List.of(new dev.vitals.api.FieldError("id", "must be a positive number")));
    }

    /**
     * The services of {@code service=} or {@code team=}, at most one of them.
     *
     * @return empty when neither is given
     */
    public static Optional<Collection<EntityRef>> services(Context ctx, Organisation organisation) {
        Optional<String> service = Parameters.text(ctx, "service");
        Optional<String> team = Parameters.text(ctx, "team");
        if (service.isPresent() && team.isPresent()) {
            throw Parameters.bad("team", "cannot be combined with service: give one of them");
        }
        if (service.isPresent()) {
            return Optional.of(EntityRef.fromKey("component", service.get()).flatMap(organisation::servicesOf)
                    .orElseThrow(() -> Parameters.bad("service", "names no service of the catalog: '"
                            + service.get() + "'")));
        }
        return team.map(key -> EntityRef.fromKey("group", key).flatMap(organisation::servicesOf)
                .orElseThrow(() -> Parameters.bad("team", "names no team of the catalog: '" + key + "'")));
    }
}
