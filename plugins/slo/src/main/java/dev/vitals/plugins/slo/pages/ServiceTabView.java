package dev.vitals.plugins.slo.pages;

import dev.vitals.api.EntityRef;
import dev.vitals.api.RequestCaller;
import dev.vitals.plugins.slo.links.SloLinks;
import dev.vitals.plugins.slo.objectives.SloRepository;
import dev.vitals.plugins.slo.status.SloEvaluator;
import gg.jte.Content;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** The SLOs tab of a service's page: its SLOs now, and for its team's editors a way to define one. */
public final class ServiceTabView {

    private final SloRepository slos;
    private final SloEvaluator evaluator;
    private final SloLinks links;
    private final Clock clock;

    public ServiceTabView(SloRepository slos, SloEvaluator evaluator, SloLinks links, Clock clock) {
        this.slos = slos;
        this.evaluator = evaluator;
        this.links = links;
        this.clock = clock;
    }

    public Content render(Context ctx, EntityRef service) {
        Instant now = clock.instant();
        String key = service.key();
        return Templates.render("service-tab.jte", Map.of("links", links, "service", key,
                "rows", slos.ofService(key).stream().map(s -> SloRow.of(evaluator.status(s, now))).toList(),
                "mayCreate", RequestCaller.of(ctx).mayEdit(service)));
    }
}
