package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.HttpMethod;
import dev.vitals.api.Role;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.identity.ApiTokens;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.web.security.GuardedRoutes.Rule;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walks every route the portal serves, the host's and the plugins', and checks each against who may call it. Runs
 * in proxy mode, where people of every role can be played by headers, in dev mode, and in oidc mode against a real
 * provider. That the real plugins' write routes also check the team that owns what they change is
 * {@code TeamScopeTest}'s part, in the distribution module, where the real plugins are.
 */
class RouteTableTest {

    private static final Set<String> OPEN = Set.of("GET /login", "POST /login", "POST /logout", "GET /health/live",
            "GET /health/ready", "GET /api/health", "GET /metrics", "GET /favicon.ico");
    private static TestServer proxy;
    private static TestServer dev;
    private static TestOidcProvider provider;
    private static TestServer oidc;

    @BeforeAll
    static void start() {
        TestPlugins plugins = TestPlugins.of().with("guarded", GuardedPlugin::new).with("other", GuardedPlugin::new);
        proxy = TestServer.start(plugins.source(), Map.of("VITALS_AUTH", "proxy",
                "VITALS_PROXY_ADDRESSES", "127.0.0.1,::1"));
        dev = TestServer.start(plugins.source());
        provider = TestOidcProvider.start(false);
        oidc = TestServer.start(plugins.source(), provider.portalEnvironment());
    }

    @AfterAll
    static void stop() {
        proxy.close();
        dev.close();
        oidc.close();
        provider.close();
    }

    /**
     * Javalin holds the portal's own routes and, for each plugin, only the prefixes under which the plugin's current
     * routes are picked per request; those routes are in the table while the plugin runs. Anything else Javalin
     * serves was mounted around the table, unguarded.
     */
    @Test
    void everyRouteThePortalServesIsInTheGuardedTableOrLeadsOnlyToAPluginsOwnRoutes() {
        for (TestServer server : List.of(proxy, oidc)) {
            Set<String> table = server.portal().routes().stream().map(RouteTableTest::name).collect(Collectors.toSet());
            Set<String> prefixes = Set.copyOf(server.portal().pluginPrefixes());
            List<String> registered = server.portal().registeredRoutes();
            assertTrue(table.contains("DELETE /api/guarded/things/{id}"), table.toString());
            assertTrue(registered.contains("DELETE /api/guarded/<rest>"), registered.toString());
            for (String route : registered) {
                assertTrue(table.contains(route) || prefixes.contains(route),
                        route + " is served but neither in the guarded table nor a plugin's prefix");
            }
            for (String prefix : prefixes) {
                assertTrue(prefix.matches("(GET|POST|PUT|PATCH|DELETE) /(api|p)/(guarded|other)(/<rest>)?"), prefix);
            }
        }
    }

    @Test
    void onlySignInHealthMetricsAndTheIconAreOpen() {
        Set<String> open = proxy.portal().routes().stream().filter(Rule::open).map(RouteTableTest::name)
                .collect(Collectors.toSet());
        assertEquals(OPEN, open);
        Set<String> openWithOidc = oidc.portal().routes().stream().filter(Rule::open).map(RouteTableTest::name)
                .collect(Collectors.toSet());
        Set<String> expected = new HashSet<>(OPEN);
        expected.add("GET /login/callback");
        assertEquals(expected, openWithOidc, "oidc mode adds only the provider's way back");
    }

    @Test
    void besidesThoseOnlyTheWebhooksPluginsDeclareSkipSignInAndTheyAnswerOnlyAVerifiedSender() {
        for (TestServer server : List.of(proxy, dev)) {
            Set<String> webhooks = server.portal().routes().stream().filter(Rule::webhook).map(RouteTableTest::name)
                    .collect(Collectors.toSet());
            assertEquals(Set.of("POST /api/guarded/hook", "POST /api/other/hook"), webhooks);
            Set<String> withoutSignIn = server.portal().routes().stream().filter(r -> r.role().isEmpty())
                    .map(RouteTableTest::name).collect(Collectors.toSet());
            assertEquals(Set.of("POST /api/guarded/hook", "POST /api/other/hook"),
                    withoutSignIn.stream().filter(r -> !OPEN.contains(r)).collect(Collectors.toSet()));
            HttpRequest.Builder unsigned = request(server, rule("POST /api/guarded/hook"));
            assertEquals(401, server.send(unsigned).statusCode());
            HttpRequest.Builder signed = request(server, rule("POST /api/guarded/hook"))
                    .header("X-Test-Signature", "good");
            assertEquals(200, server.send(signed).statusCode());
        }
    }

    @Test
    void noRouteAnswersAnAnonymousCallerInProxyDevOrOidcMode() {
        for (TestServer server : List.of(proxy, dev, oidc)) {
            for (Rule rule : guarded(server)) {
                HttpResponse<String> response = server.send(request(server, rule));
                assertEquals(401, response.statusCode(), name(rule) + ": " + response.body());
            }
        }
    }

    @Test
    void everyRouteRefusesTheRoleBelowTheOneItNeeds() {
        for (Rule rule : guarded(proxy)) {
            Role needed = rule.role().orElseThrow();
            if (needed == Role.VIEWER) {
                continue;
            }
            Map<String, String> below = needed == Role.ADMIN ? EDITOR : VIEWER;
            HttpResponse<String> response = proxy.send(as(request(proxy, rule), below));
            assertEquals(403, response.statusCode(), name(rule) + " needs " + needed + ": " + response.body());
        }
    }

    @Test
    void eachRoleReachesTheRoutesItHolds() {
        assertEquals(200, proxy.send(as(request(proxy, rule("GET /api/guarded/things")), VIEWER)).statusCode());
        assertEquals(201, proxy.send(as(request(proxy, rule("POST /api/guarded/things")), EDITOR)).statusCode());
        assertEquals(204, proxy.send(as(request(proxy, rule("DELETE /api/guarded/things/{id}")), ADMIN)).statusCode());
        assertEquals(200, proxy.send(as(request(proxy, rule("GET /api/admin/plugins")), ADMIN)).statusCode());
    }

    @Test
    void everyNonGetRouteRefusesACrossSiteRequest() {
        String session = DevSignInTest.session(dev.send(HttpRequest.newBuilder(dev.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + TestServer.ADMIN_TOKEN))));
        for (Rule rule : proxy.portal().routes()) {
            if (rule.method() == HttpMethod.GET) {
                continue;
            }
            HttpResponse<String> fromElsewhere = proxy.send(as(request(proxy, rule), ADMIN)
                    .header("Origin", "https://evil.example"));
            assertEquals(403, fromElsewhere.statusCode(), name(rule) + ": " + fromElsewhere.body());
            HttpResponse<String> crossSite = proxy.send(as(request(proxy, rule), ADMIN)
                    .header("Sec-Fetch-Site", "cross-site"));
            assertEquals(403, crossSite.statusCode(), name(rule) + ": " + crossSite.body());
            HttpResponse<String> sessionWithoutToken = dev.send(request(dev, rule).header("Cookie", session));
            assertEquals(403, sessionWithoutToken.statusCode(), name(rule) + ": " + sessionWithoutToken.body());
        }
    }

    @Test
    void aTokenWithoutTheScopeARouteNeedsIs403() {
        for (Rule rule : guarded(dev)) {
            String other = rule.scope().orElseThrow().equals("catalog:read") ? "other:read" : "catalog:read";
            String secret = dev.vitals().identity().tokens().create(new ApiTokens.NewToken("narrow", List.of(other),
                    Optional.empty(), Optional.empty()), Actor.SYSTEM).secret();
            HttpResponse<String> response = dev.send(request(dev, rule).header("Authorization", "Bearer " + secret));
            assertEquals(403, response.statusCode(), name(rule) + " with only " + other + ": " + response.body());
        }
    }

    private static final Map<String, String> VIEWER = Map.of("X-Forwarded-User", "vera");
    private static final Map<String, String> EDITOR = Map.of("X-Forwarded-User", "ed", "X-Forwarded-Groups", "team-a");
    private static final Map<String, String> ADMIN = Map.of("X-Forwarded-User", "ada",
            "X-Forwarded-Groups", "vitals-admins");

    private static HttpRequest.Builder as(HttpRequest.Builder request, Map<String, String> headers) {
        headers.forEach(request::header);
        return request;
    }

    private static List<Rule> guarded(TestServer server) {
        List<Rule> rules = server.portal().routes().stream().filter(r -> !r.open() && !r.webhook()).toList();
        assertFalse(rules.isEmpty());
        return rules;
    }

    private static Rule rule(String name) {
        return proxy.portal().routes().stream().filter(r -> name(r).equals(name)).findFirst().orElseThrow();
    }

    /** A request to the rule's path with its parameters filled in; JSON, so that pages answer 401 too. */
    private static HttpRequest.Builder request(TestServer server, Rule rule) {
        String path = rule.path().replaceAll("\\{[^}]+}|<[^>]+>", "1");
        return HttpRequest.newBuilder(server.uri(path)).header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(rule.method().name(), rule.method() == HttpMethod.GET ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
    }

    private static String name(Rule rule) {
        return rule.method() + " " + rule.path();
    }
}
