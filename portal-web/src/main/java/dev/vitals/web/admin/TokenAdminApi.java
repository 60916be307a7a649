package dev.vitals.web.admin;

import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.api.Role;
import dev.vitals.api.RouteDoc;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.identity.Access;
import dev.vitals.core.identity.ApiToken;
import dev.vitals.core.identity.ApiTokens;
import dev.vitals.core.identity.Scopes;
import dev.vitals.core.pluginhost.HostedPlugin;
import dev.vitals.core.pluginhost.PluginHost;
import dev.vitals.web.security.Caller;
import dev.vitals.web.security.GuardedRoutes;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code /api/admin/tokens}: API tokens for machines. Admins make and revoke any; a team's editors make and revoke
 * their team's. The secret is in the answer to the POST and nowhere else, ever.
 */
public final class TokenAdminApi {

    private final ApiTokens tokens;
    private final PluginHost plugins;
    /** PostgreSQL's timestamps end long after this, but Java's go far beyond them. */
    private static final Instant LATEST_EXPIRY = Instant.parse("9999-12-31T23:59:59Z");
    private final Clock clock;

    public TokenAdminApi(ApiTokens tokens, PluginHost plugins, Clock clock) {
        this.tokens = tokens;
        this.plugins = plugins;
        this.clock = clock;
    }

    /**
     * The body of {@code POST /api/admin/tokens}.
     *
     * @param name what the token is for
     * @param scopes what it may do
     * @param team the team it acts for; required unless an admin makes it
     * @param expiresAt when it stops working, ISO-8601 ({@code 2030-01-01T00:00:00Z}); absent means never
     */
    public record TokenRequest(String name, List<String> scopes, String team, String expiresAt) {
    }

    /**
     * The answer to {@code POST /api/admin/tokens}.
     *
     * @param id the token's number
     * @param token the secret, shown this once
     * @param details what is kept about it
     */
    public record CreatedToken(long id, String token, ApiToken details) {
    }

    /**
     * The answer to {@code GET /api/admin/tokens}.
     *
     * @param tokens the tokens the caller may manage, without their secrets
     */
    public record TokenList(List<ApiToken> tokens) {
    }

    /**
     * The answer to {@code GET /api/admin/scopes}.
     *
     * @param scopes every scope a token may be given, in order
     */
    public record ScopeList(Set<String> scopes) {
    }

    private static final String TOKEN = """
            {"id": 12, "name": "ci-deploys", "scopes": ["deploys:write"], "team": "identity", "createdBy": "rita",
             "createdAt": "2030-01-02T03:04:05Z", "expiresAt": "2031-01-01T00:00:00Z", "revokedAt": null,
             "lastUsedAt": null, "lastUsedFrom": null, "madeByAdmin": false}""";

    public void register(GuardedRoutes routes) {
        routes.post("/api/admin/tokens", Role.EDITOR, Scopes.ADMIN, RouteDoc.of("Make an API token")
                .description("Admins make tokens for anything; a team's editors for their team. The secret is in "
                        + "this answer and nowhere else, ever.")
                .accepts(TokenRequest.class, """
                        {"name": "ci-deploys", "scopes": ["deploys:write"], "team": "identity",
                         "expiresAt": "2031-01-01T00:00:00Z"}""")
                .returns(201, RouteDoc.Body.json(CreatedToken.class,
                        "{\"id\": 12, \"token\": \"vt_qJjDUlJOYDgdmJ_7RrYmzMXmzTLldUIh4lb1caZYOZE\", \"details\": "
                                + TOKEN + "}")), this::create);
        routes.get("/api/admin/tokens", Role.EDITOR, Scopes.ADMIN, RouteDoc.of("List the tokens you may manage")
                .returns(200, RouteDoc.Body.json(TokenList.class, "{\"tokens\": [" + TOKEN + "]}")),
                ctx -> ctx.json(new TokenList(visible(ctx))));
        routes.get("/api/admin/scopes", Role.EDITOR, Scopes.ADMIN, RouteDoc.of("List the scopes a token may have")
                .returns(200, RouteDoc.Body.json(ScopeList.class,
                        "{\"scopes\": [\"admin\", \"catalog:read\", \"catalog:write\", \"slo:read\"]}")),
                ctx -> ctx.json(new ScopeList(knownScopes())));
        routes.delete("/api/admin/tokens/{id}", Role.EDITOR, Scopes.ADMIN, RouteDoc.of("Revoke a token")
                .description("404 for a token the caller may not manage, so token ids reveal nothing.")
                .returns(200, RouteDoc.Body.json(ApiToken.class,
                        TOKEN.replace("\"revokedAt\": null", "\"revokedAt\": \"2030-02-01T00:00:00Z\""))),
                this::revoke);
    }

    /** The host's scopes and every plugin's, for admins choosing what a token may do. */
    public Set<String> knownScopes() {
        Set<String> scopes = new TreeSet<>(Scopes.HOST);
        for (HostedPlugin plugin : plugins.plugins()) {
            scopes.addAll(plugin.scopes());
        }
        return scopes;
    }

    private void create(Context ctx) {
        TokenRequest request = ctx.bodyAsClass(TokenRequest.class);
        ApiTokens.NewToken token = validate(request == null ? new TokenRequest(null, null, null, null) : request,
                Caller.of(ctx).access());
        // The maker kept is a person even when a token makes the token, so every token leads back to someone.
        ApiTokens.Created created = tokens.create(token,
                new Actor(Caller.of(ctx).person(), actor(ctx).address()), Caller.of(ctx).access().admin());
        ctx.status(201).json(new CreatedToken(created.token().id(), created.secret(), created.token()));
    }

    /** Checks a request against what the caller may grant; shared with the tokens page. */
    public ApiTokens.NewToken validate(TokenRequest request, Access access) {
        List<FieldError> errors = new ArrayList<>();
        String name = request.name() == null ? "" : request.name().trim();
        if (name.isEmpty() || name.length() > 100) {
            errors.add(new FieldError("name", "is required: 1 to 100 characters saying what the token is for"));
        }
        List<String> scopes = request.scopes() == null ? List.of() : request.scopes();
        Set<String> known = knownScopes();
        if (scopes.isEmpty()) {
            errors.add(new FieldError("scopes", "is required: one or more of " + known));
        }
        scopes.stream().filter(s -> s != null && !known.contains(s)).findFirst().ifPresent(s ->
                errors.add(new FieldError("scopes", "'" + s + "' is not a scope; expected one of " + known)));
        if (request.scopes() != null && request.scopes().contains(null)) {
            errors.add(new FieldError("scopes", "must not hold null; expected names from " + known));
        }
        Optional<String> team = Optional.ofNullable(request.team()).map(String::trim).filter(t -> !t.isEmpty());
        if (team.isEmpty() && !access.admin()) {
            errors.add(new FieldError("team", "is required: the team the token acts for, one of "
                    + new TreeSet<>(access.editorOf())));
        }
        team.filter(t -> t.length() > 100).ifPresent(t ->
                errors.add(new FieldError("team", "must be a team's key, at most 100 characters, got " + t.length())));
        team.filter(t -> !access.editsTeam(t)).ifPresent(t ->
                errors.add(new FieldError("team", "you are not an editor of team " + t)));
        if (scopes.contains(Scopes.ADMIN) && (team.isPresent() || !access.admin())) {
            errors.add(new FieldError("scopes", "'admin' is only for tokens an admin makes for no team"));
        }
        Optional<Instant> expiresAt = Optional.empty();
        if (request.expiresAt() != null && !request.expiresAt().isBlank()) {
            try {
                expiresAt = Optional.of(Instant.parse(request.expiresAt().trim()));
                if (!expiresAt.get().isAfter(clock.instant())) {
                    errors.add(new FieldError("expiresAt", "must be in the future"));
                } else if (expiresAt.get().isAfter(LATEST_EXPIRY)) {
                    errors.add(new FieldError("expiresAt", "must be before the year 10000, got "
                            + request.expiresAt()));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("expiresAt", "expected an ISO-8601 instant such as 2030-01-01T00:00:00Z, got "
                        + request.expiresAt()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the token request is not valid", errors);
        }
        return new ApiTokens.NewToken(name, scopes, team, expiresAt);
    }

    /** Admins see every token; editors their teams'. */
    public List<ApiToken> visible(Context ctx) {
        Access access = Caller.of(ctx).access();
        return tokens.list().stream().filter(t -> mayManage(access, t)).toList();
    }

    private void revoke(Context ctx) {
        long id = ctx.pathParamAsClass("id", Long.class).get();
        ctx.json(revoke(ctx, id));
    }

    /** Revokes a token the caller may manage; 404 for any other, so token ids reveal nothing. */
    public ApiToken revoke(Context ctx, long id) {
        Access access = Caller.of(ctx).access();
        tokens.find(id).filter(t -> mayManage(access, t))
                .orElseThrow(() -> ProblemException.notFound("no token " + id + " that you may manage"));
        return tokens.revoke(id, actor(ctx)).orElseThrow();
    }

    private static boolean mayManage(Access access, ApiToken token) {
        return access.admin() || token.team().map(access::editsTeam).orElse(false);
    }

    static Actor actor(Context ctx) {
        return Caller.actor(ctx);
    }
}
