package dev.vitals.plugins.deploys.dora;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.CatalogEntity;
import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RouteDoc;
import dev.vitals.api.RouteParam;
import dev.vitals.plugins.deploys.catalog.ServiceRefs;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /dora?service=…|team=…&from=&to=}: the four keys of a service, a team or the whole organisation over
 * {@code [from, to)} in the org time zone, by default the last 30 days.
 */
public final class DoraApi {

    static final RouteDoc REPORT = RouteDoc.of("Report the four DORA keys of a service, a team or everyone")
            .description("Over [from, to) in the organisation's time zone, by default the 30 days up to today "
                    + "included, at most 5 years. Name a service or a team, not both; neither gives the whole "
                    + "organisation. A key without data is null, never zero.")
            .query(RouteParam.optional("service", "a service's catalog key, e.g. recorder-api"),
                    RouteParam.optional("team", "a team's key or reference, e.g. recording"),
                    RouteParam.optional("from", "the first day, e.g. 2026-10-01").ofType(LocalDate.class),
                    RouteParam.optional("to", "the day after the last, e.g. 2026-11-01").ofType(LocalDate.class))
            .returns(DoraAnswer.class);

    private final DoraQuery dora;
    private final CatalogView catalog;
    private final Clock clock;
    private final ZoneId zone;

    public DoraApi(DoraQuery dora, CatalogView catalog, Clock clock, ZoneId zone) {
        this.dora = dora;
        this.catalog = catalog;
        this.clock = clock;
        this.zone = zone;
    }

    /** @return the report's route */
    public List<ApiRoute> routes() {
        return List.of(ApiRoute.get("/dora", this::report).doc(REPORT));
    }

    private void report(Context ctx) {
        String service = ctx.queryParam("service");
        String team = ctx.queryParam("team");
        if (service != null && team != null) {
            throw ProblemException.unprocessable("ask for a service or a team, not both",
                    List.of(new FieldError("team", "leave out when service is given")));
        }
        Period period = period(ctx);
        DoraAnswer.Scope scope;
        Optional<List<String>> services;
        if (service != null) {
            CatalogEntity entity = ServiceRefs.service(catalog, service)
                    .orElseThrow(() -> ProblemException.notFound("no service " + service + " in the catalog"));
            scope = new DoraAnswer.Scope(Optional.of(entity.ref().key()), Optional.empty(), Optional.empty());
            services = Optional.of(List.of(entity.ref().key()));
        } else if (team != null) {
            CatalogEntity entity = teamRef(team).flatMap(catalog::entity)
                    .orElseThrow(() -> ProblemException.notFound("no team " + team + " in the catalog"));
            scope = new DoraAnswer.Scope(Optional.empty(), Optional.of(entity.name()), Optional.empty());
            services = Optional.of(catalog.servicesOf(entity.ref()).stream().map(s -> s.ref().key()).toList());
        } else {
            scope = new DoraAnswer.Scope(Optional.empty(), Optional.empty(), Optional.of(true));
            services = Optional.empty();
        }
        ctx.json(DoraAnswer.of(scope, dora.report(services, period)));
    }

    /** A team named as a reference or by key; text that cannot be either names no team. */
    private static Optional<EntityRef> teamRef(String team) {
        try {
            return Optional.of(EntityRef.parse(team, "group")).filter(r -> r.kind().equals("group"));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Period period(Context ctx) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate to = date(ctx, "to").orElse(today.plusDays(1));
        LocalDate from = date(ctx, "from").orElse(to.minusDays(30));
        if (!to.isAfter(from)) {
            throw ProblemException.unprocessable("the period is empty",
                    List.of(new FieldError("to", "must be after from (" + from + "), got " + to)));
        }
        if (from.plusYears(5).isBefore(to)) {
            throw ProblemException.unprocessable("the period is too long",
                    List.of(new FieldError("from", "must be at most 5 years before to")));
        }
        return new Period(from, to, zone);
    }

    private static Optional<LocalDate> date(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.trim()));
        } catch (DateTimeParseException e) {
            throw ProblemException.unprocessable("the period cannot be read",
                    List.of(new FieldError(name, "must be a date like 2026-03-02, got " + text)));
        }
    }
}
