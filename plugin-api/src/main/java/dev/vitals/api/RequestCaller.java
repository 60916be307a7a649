package dev.vitals.api;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * Who is calling a plugin route, as far as the host knows: for decisions the route's declared {@link Role} cannot
 * make alone, such as "an editor, but of the team that owns this service?". The host sets it on every request.
 *
 * @since 1.0.0
 */
public interface RequestCaller {

    /** The request attribute the host stores the caller under. */
    String ATTRIBUTE = "vitals.requestCaller";

    /**
     * The name of the hidden form field that carries {@link #formToken()} in a form a plugin page renders.
     *
     * @since 1.1.0
     */
    String FORM_TOKEN_FIELD = "_csrf";

    /** Nobody: no request, or one the host did not identify. */
    RequestCaller NOBODY = new RequestCaller() {
        @Override
        public String name() {
            return "anonymous";
        }

        @Override
        public boolean mayEdit(EntityRef entity) {
            return false;
        }
    };

    /**
     * @param ctx the request
     * @return its caller, {@link #NOBODY} when the host identified none
     */
    static RequestCaller of(Context ctx) {
        RequestCaller caller = ctx.attribute(ATTRIBUTE);
        return caller == null ? NOBODY : caller;
    }

    /** @return the caller's login or token name, for records such as "requested by" */
    String name();

    /**
     * The person behind the call: the login of someone signed in, and for an API token the person who made it. Two
     * calls with the same person are one person's doing whatever credentials they came with, so a rule that needs
     * two people (one asks, another approves) compares this, never {@link #name()}.
     *
     * @return the person's login; {@link #name()} where the host knows no one behind the credentials
     * @since 1.3.0
     */
    default String person() {
        return name();
    }

    /**
     * Whether the caller may change data that belongs to an entity: admins and all-team tokens always; a team's
     * editors (people or tokens) only when the catalog names their team as the entity's owner.
     *
     * @param entity the entity, e.g. {@code component:default/artist-lookup}
     * @return true when the change is allowed
     * @since 2.0.0
     */
    boolean mayEdit(EntityRef entity);

    /**
     * Whether the caller may change data that belongs to a team as a whole rather than to one of its entities, such
     * as a freeze on all of the team's services: admins and all-team tokens always, otherwise the team's editors.
     *
     * @param team the team, e.g. {@code group:default/payments}
     * @return true when the change is allowed
     * @since 2.0.0
     */
    default boolean editsTeam(EntityRef team) {
        return false;
    }

    /**
     * Whether the caller holds a role anywhere, e.g. to decide whether a page offers a "new" button at all; which
     * entity's data they may change is {@link #mayEdit}'s answer.
     *
     * @param role the role asked about
     * @return true when the caller is signed in with that role or a higher one
     * @since 1.1.0
     */
    default boolean has(Role role) {
        return false;
    }

    /**
     * The token a browser session's forms must carry in the hidden field {@link #FORM_TOKEN_FIELD}, so that the host
     * can tell a form from the portal's own pages from one another site makes the browser send. Render it into every
     * form that posts to a {@link PageRoute#form} route.
     *
     * @return the session's form token; empty for callers that need none (API tokens, a trusted proxy)
     * @since 1.1.0
     */
    default Optional<String> formToken() {
        return Optional.empty();
    }

    /**
     * Refuses the request with 403 unless {@link #mayEdit} allows it.
     *
     * @param ctx the request
     * @param entity the entity whose data the request changes
     * @since 2.0.0
     */
    static void requireEditorOf(Context ctx, EntityRef entity) {
        RequestCaller caller = of(ctx);
        if (!caller.mayEdit(entity)) {
            throw new ProblemException(403, caller.name() + " is not an editor of the team that owns " + entity,
                    java.util.List.of());
        }
    }

    /**
     * Refuses the request with 403 unless {@link #editsTeam} allows it.
     *
     * @param ctx the request
     * @param team the team whose data the request changes
     * @since 2.0.0
     */
    static void requireEditorOfTeam(Context ctx, EntityRef team) {
        RequestCaller caller = of(ctx);
        if (!caller.editsTeam(team)) {
            throw new ProblemException(403, caller.name() + " is not an editor of team " + team, java.util.List.of());
        }
    }

    /**
     * Refuses a batch with 403, before anything of it is written, unless {@link #mayEdit} allows every entity it
     * touches; the answer names the first entity that is not allowed.
     *
     * @param ctx the request
     * @param entityRefs the entities the batch changes, in the batch's order
     * @since 2.0.0
     */
    static void requireEditorOfAll(Context ctx, java.util.Collection<EntityRef> entityRefs) {
        RequestCaller caller = of(ctx);
        entityRefs.stream().filter(ref -> !caller.mayEdit(ref)).findFirst().ifPresent(ref -> {
            throw new ProblemException(403, "nothing of the batch was stored: " + caller.name()
                    + " is not an editor of the team that owns " + ref, java.util.List.of());
        });
    }
}
