package ${package};

import dev.vitals.api.EntityRef;
import dev.vitals.api.RequestCaller;
import io.javalin.http.Context;
import java.time.Clock;

/** The JSON routes under {@code /api/${pluginId}}. */
final class GreetingsApi {

    private final Greetings greetings;
    private final String word;
    private final Clock clock;

    GreetingsApi(Greetings greetings, String word, Clock clock) {
        this.greetings = greetings;
        this.word = word;
        this.clock = clock;
    }

    /** {@code GET /greetings}: any viewer. */
    void list(Context ctx) {
        ctx.json(new GreetingList(greetings.latest(50)));
    }

    /** {@code POST /greetings}: an editor of the team that owns the service (or an admin). */
    void add(Context ctx) {
        NewGreeting input = ctx.bodyAsClass(NewGreeting.class);
        EntityRef service = input.validate();
        // The route's role says "an editor"; this says "of the team that owns this service". Every write route
        // checks it before writing anything.
        RequestCaller.requireEditorOf(ctx, service);
        String message = word + ", " + input.name().trim() + "!";
        ctx.status(201).json(greetings.add(service, RequestCaller.of(ctx).name(), message, clock.instant()));
    }
}
