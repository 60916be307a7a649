package dev.vitals.web.security;

import dev.vitals.api.ProblemException;
import dev.vitals.api.EntityRef;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.Role;
import dev.vitals.core.identity.Access;
import dev.vitals.core.identity.ApiTokens;
import dev.vitals.core.identity.Identity;
import dev.vitals.core.identity.IdentitySettings;
import dev.vitals.core.identity.Person;
import dev.vitals.core.identity.Session;
import dev.vitals.core.identity.SignInMode;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resolves the caller of each request, and checks the role and token scope a route needs.
 *
 * <p>A request proves who it is with, in this order: {@code Authorization: Bearer} (the bootstrap admin token in dev
 * mode, or an API token), the trusted proxy's headers (proxy mode), or a session cookie (dev and oidc modes).
 * Credentials that are wrong are refused outright rather than ignored, so a broken CI token fails loudly.
 *
 * <p>Nothing about access is kept from one request to the next: grants are read on each request, an OpenID Connect
 * session's groups are confirmed at the provider every {@code Sessions.RECHECK_EVERY}, and a team token is checked
 * against its maker's current rights on each use.
 */
public final class Authentication {

    /** The bootstrap admin's login. */
    public static final String BOOTSTRAP_ADMIN = "admin";

    private final Identity identity;
    private final AdminToken adminToken;
    private final Optional<OidcProvider> oidcProvider;
    private final Optional<SessionRecheck> recheck;

    public Authentication(Identity identity, AdminToken adminToken) {
        this.identity = identity;
        this.adminToken = adminToken;
        this.oidcProvider = identity.settings().oidc().filter(s -> identity.settings().mode() == SignInMode.OIDC)
                .map(OidcProvider::new);
        this.recheck = oidcProvider.map(provider -> new SessionRecheck(identity, provider));
    }

    /** Runs before every request. */
    public void identify(Context ctx) {
        ClientAddress.resolve(ctx, identity.settings().forwarders());
        for (String name : List.of("access_token", "token", "api_key")) {
            if (ctx.queryParam(name) != null) {
                throw new ProblemException(400, "credentials are never accepted in the URL, where logs and browser "
                        + "history keep them: send 'Authorization: Bearer <token>' instead", List.of());
            }
        }
        String header = ctx.header("Authorization");
        if (header != null && !header.isBlank()) {
            bearer(ctx, header).attachTo(ctx);
            return;
        }
        if (identity.settings().mode() == SignInMode.PROXY) {
            proxied(ctx).ifPresent(caller -> caller.attachTo(ctx));
            return;
        }
        SessionCookie.read(ctx).flatMap(secret -> identity.sessions().find(secret)
                        .flatMap(session -> recheck.isPresent() ? recheck.get().current(ctx, secret, session)
                                : Optional.of(session)))
                .map(this::sessionCaller)
                .ifPresent(caller -> caller.attachTo(ctx));
    }

    /** The provider sign-in and the sessions' re-checks share, in oidc mode. */
    Optional<OidcProvider> oidcProvider() {
        return oidcProvider;
    }

    /**
     * The secret is checked before the throttle is asked: a valid token passes whatever others sent from the same
     * address, and only wrong ones wait.
     */
    private Caller bearer(Context ctx, String header) {
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ProblemException(401, "the Authorization header must be 'Bearer <token>'", List.of());
        }
        String secret = header.substring(7).trim();
        if (identity.settings().mode() == SignInMode.DEV && adminToken.matches(secret)) {
            return new Caller(BOOTSTRAP_ADMIN, Access.EVERYTHING, Caller.Via.TOKEN, Optional.empty());
        }
        ApiTokens.Check check = identity.tokens().check(secret);
        if (check.verdict() != ApiTokens.Verdict.VALID) {
            recordFailure(ctx);
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            String why = switch (check.verdict()) {
                case EXPIRED -> "the token has expired; ask for a new one";
                case REVOKED -> "the token was revoked; ask for a new one";
                default -> "the bearer token is not valid";
            };
            throw new ProblemException(401, why, List.of());
        }
        var token = check.token().orElseThrow();
        Optional<String> lapsed = identity.makerNoLongerEdits(token);
        if (lapsed.isPresent()) {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            throw new ProblemException(401, lapsed.get(), List.of());
        }
        identity.tokens().used(token, ClientAddress.of(ctx));
        // A token acts for the person who made it: one person with a token and a browser is still one person.
        return new Caller("token:" + token.name(), token.access(), Caller.Via.TOKEN, Optional.empty(),
                token.createdBy());
    }

    /**
     * Counts a refused credential against the client's address; once the address has had its share of failures in
     * the window, the refusal becomes a 429 that says how long to wait.
     */
    void recordFailure(Context ctx) {
        String address = ClientAddress.of(ctx);
        Optional<Duration> wait = identity.throttle().waitFor(address);
        identity.throttle().recordFailure(address);
        wait.ifPresent(w -> {
            long seconds = Math.max(1, w.toSeconds());
            ctx.header("Retry-After", String.valueOf(seconds));
            throw new ProblemException(429, "too many wrong credentials from " + address + "; try again in "
                    + seconds + " s", List.of());
        });
    }

    private Optional<Caller> proxied(Context ctx) {
        IdentitySettings.Proxy proxy = identity.settings().proxy();
        String user = ctx.header(proxy.userHeader());
        if (user == null || user.isBlank()) {
            return Optional.empty();
        }
        if (!proxy.trusts(ctx.ip())) {
            // Anyone can set these headers; only the proxy's word counts.
            throw new ProblemException(401, "identity headers are only accepted from the portal's reverse proxy; "
                    + "sign in through it", List.of());
        }
        Set<String> groups = Optional.ofNullable(ctx.header(proxy.groupsHeader())).stream()
                .flatMap(g -> Arrays.stream(g.split(","))).map(String::trim).filter(g -> !g.isEmpty())
                .collect(Collectors.toSet());
        Person person = new Person(user.trim(), Optional.ofNullable(ctx.header(proxy.emailHeader())).map(String::trim),
                groups);
        // The proxy shows the groups on every request; the person's team tokens are judged by the latest.
        identity.people().seen(person);
        return Optional.of(new Caller(person.name(), identity.grants().accessOf(person), Caller.Via.PROXY,
                Optional.empty()));
    }

    private Caller sessionCaller(Session session) {
        Person person = session.person();
        // In dev mode the admin token is the only way to start a session.
        Access access = identity.settings().mode() == SignInMode.DEV ? Access.EVERYTHING
                : identity.grants().accessOf(person);
        return new Caller(person.name(), access, Caller.Via.SESSION, Optional.of(session.csrfToken()));
    }

    public Identity identity() {
        return identity;
    }

    public AdminToken adminToken() {
        return adminToken;
    }

    Duration sessionLifetime() {
        return identity.settings().sessionLifetime();
    }

    /**
     * Runs after {@link #identify}: gives plugin routes the caller as plugin-api's {@link RequestCaller}, with the
     * catalog's team ownership behind {@code mayEdit}.
     */
    public void exposeToPlugins(Context ctx) {
        Caller caller = Caller.of(ctx);
        ctx.attribute(RequestCaller.ATTRIBUTE, new RequestCaller() {
            @Override
            public String name() {
                return caller.name();
            }

            @Override
            public String person() {
                return caller.person();
            }

            @Override
            public boolean mayEdit(EntityRef entity) {
                return caller.authenticated() && identity.ownership().mayEdit(caller.access(), entity.toString());
            }

            /** Grants name teams by key, as the catalog's groups are named: {@code payments}. */
            @Override
            public boolean editsTeam(EntityRef team) {
                return caller.authenticated() && team.kind().equals("group")
                        && caller.access().editsTeam(team.key());
            }

            @Override
            public boolean has(Role role) {
                return caller.has(role);
            }

            @Override
            public Optional<String> formToken() {
                return caller.csrfToken();
            }
        });
    }

    /** Refuses the request unless the caller holds the role: 401 when unidentified, 403 when identified. */
    public static void require(Context ctx, Role role) {
        Caller caller = Caller.of(ctx);
        if (!caller.authenticated()) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ProblemException(401, "sign in first: this needs the " + role.name().toLowerCase()
                    + " role; send 'Authorization: Bearer <token>' or sign in at /login", List.of());
        }
        if (!caller.has(role)) {
            throw new ProblemException(403, caller.name() + " does not have the "
                    + role.name().toLowerCase() + " role this needs", List.of());
        }
    }

    /** As {@link #require(Context, Role)}, and an API token must also carry the scope. */
    public static void require(Context ctx, Role role, String scope) {
        require(ctx, role);
        Caller caller = Caller.of(ctx);
        if (!caller.access().allowsScope(scope)) {
            throw new ProblemException(403, caller.name() + " lacks the scope '" + scope + "' this needs; make a token "
                    + "that includes it", List.of());
        }
    }

    /** Refuses a change to a team's data unless the caller edits for that team. */
    public static void requireEditorOf(Context ctx, String team) {
        require(ctx, Role.EDITOR);
        Caller caller = Caller.of(ctx);
        if (!caller.access().editsTeam(team)) {
            throw new ProblemException(403, caller.name() + " is not an editor of team " + team, List.of());
        }
    }
}
