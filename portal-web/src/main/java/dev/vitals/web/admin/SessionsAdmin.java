package dev.vitals.web.admin;

import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.api.Role;
import dev.vitals.api.RouteDoc;
import dev.vitals.api.RouteParam;
import dev.vitals.core.identity.People;
import dev.vitals.core.identity.Scopes;
import dev.vitals.core.identity.Sessions;
import dev.vitals.web.security.Caller;
import dev.vitals.web.security.GuardedRoutes;
import dev.vitals.api.ui.Flash;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
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

    /**
     * The answer to {@code GET /api/admin/people}.
     *
     * @param people everyone who has signed in, those with live sessions first
     */
    public record PeopleList(List<People.Known> people) {
    }

    public void register(GuardedRoutes routes) {
        routes.get("/api/admin/people", Role.ADMIN, Scopes.ADMIN, RouteDoc.of("List who has signed in")
                .returns(200, RouteDoc.Body.json(PeopleList.class, """
                        {"people": [{"login": "rita", "groups": ["team-identity"], "seenAt": "2030-01-02T03:04:05Z",
                          "sessions": 2}]}""")),
                ctx -> ctx.json(new PeopleList(people.list())));
        routes.delete("/api/admin/sessions", Role.ADMIN, Scopes.ADMIN, RouteDoc.of(
                "End every browser session of a person, on every instance")
                .description("It signs them out; it does not ban them. 404 for a login nobody signed in with.")
                .query(RouteParam.required("person", "their login, e.g. rita"))
                .returns(200, RouteDoc.Body.json(Ended.class, "{\"person\": \"rita\", \"sessionsEnded\": 2}")),
                ctx -> ctx.json(end(ctx, ctx.queryParam("person"))));
        routes.post("/admin/sessions/end", Role.ADMIN, Scopes.ADMIN, ctx -> {
            Ended ended = end(ctx, ctx.formParam("person"));
            Flash.confirm(ctx, "Ended " + ended.sessionsEnded() + " session(s) of " + ended.person() + ".");
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
