package dev.vitals.web.admin;

import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.api.Role;
import dev.vitals.core.identity.People;
import dev.vitals.core.identity.Scopes;
import dev.vitals.core.identity.Sessions;
import dev.vitals.web.security.Caller;
import dev.vitals.web.security.GuardedRoutes;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Admins see who has signed in and end a person's browser sessions, on every instance at once: {@code GET
 * /api/admin/people}, {@code DELETE /api/admin/sessions?person=<login>}, and the button on {@code /admin/roles}.
 */
public final class SessionsAdmin {

    private final Sessions sessions;
    private final People people;

    public SessionsAdmin(Sessions sessions, People people) {
        this.sessions = sessions;
        this.people = people;
    }

    /**
     * The answer to ending a person's sessions.
     *
     * @param person their login
     * @param sessionsEnded how many were live
     */
    public record Ended(String person, int sessionsEnded) {
    }

    public void register(GuardedRoutes routes) {
        routes.get("/api/admin/people", Role.ADMIN, Scopes.ADMIN, ctx -> ctx.json(Map.of("people", people.list())));
        routes.delete("/api/admin/sessions", Role.ADMIN, Scopes.ADMIN,
                ctx -> ctx.json(end(ctx, ctx.queryParam("person"))));
        routes.post("/admin/sessions/end", Role.ADMIN, Scopes.ADMIN, ctx -> {
            end(ctx, ctx.formParam("person"));
            ctx.redirect("/admin/roles", HttpStatus.SEE_OTHER);
        });
    }

    private Ended end(Context ctx, String person) {
        String login = Optional.ofNullable(person).map(String::trim).orElse("");
        if (login.isEmpty()) {
            throw ProblemException.unprocessable("say whose sessions to end",
                    List.of(new FieldError("person", "is required: the login of the person to sign out")));
        }
        if (!people.isKnown(login)) {
            // Nothing to end, and nothing worth an audit entry: a mistyped login should say so, not answer "0 ended".
            throw new ProblemException(404, "nobody signed in as " + abbreviated(login) + " is known to the portal",
                    List.of(new FieldError("person", "is not the login of anyone who has signed in")));
        }
        return new Ended(login, sessions.endAllOf(login, Caller.actor(ctx)));
    }

    private static String abbreviated(String login) {
        return login.length() > 80 ? login.substring(0, 80) + "…" : login;
    }
}
