package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.api.HttpMethod;
import dev.vitals.api.Role;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.pluginhost.HostedPlugin;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.plugins.cost.CostPlugin;
import dev.vitals.plugins.deploys.DeploysPlugin;
import dev.vitals.plugins.example.ExamplePlugin;
import dev.vitals.plugins.graph.GraphPlugin;
import dev.vitals.plugins.priorities.PrioritiesPlugin;
import dev.vitals.plugins.slo.SloPlugin;
import dev.vitals.web.security.GuardedRoutes.Rule;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every route of the real plugins that changes data changes only what the caller's team owns. The table below holds,
 * for each such route, one valid request that touches team green's data; an editor of team blue must get 403 and
 * change nothing, and an editor of team green must succeed with the same request, which proves the 403 is about the
 * team and not about the body. A write route that is in neither the table nor the exemptions fails this test, so a
 * new route cannot ship without its ownership check.
 */
class TeamScopeTest {

    private static final String CATALOG = """
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {name: blue}
            spec: {type: team, children: []}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {name: green}
            spec: {type: team, children: []}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata: {name: blue-api}
            spec: {type: service, lifecycle: production, owner: blue}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata: {name: green-api}
            spec: {type: service, lifecycle: production, owner: green}
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** People, as the trusted proxy names them. */
    private static final Map<String, String> ANN_OF_BLUE = Map.of("X-Forwarded-User", "ann",
            "X-Forwarded-Groups", "team-blue");
    private static final Map<String, String> BOB_OF_GREEN = Map.of("X-Forwarded-User", "bob",
            "X-Forwarded-Groups", "team-green");
    private static final Map<String, String> BEA_OF_GREEN = Map.of("X-Forwarded-User", "bea",
            "X-Forwarded-Groups", "team-green");
    private static final Map<String, String> ADA_THE_ADMIN = Map.of("X-Forwarded-User", "ada",
            "X-Forwarded-Groups", "vitals-admins");
    private static final Map<String, String> VERA_THE_VIEWER = Map.of("X-Forwarded-User", "vera");

    /**
     * Write routes that are not about one team's data, each with the reason; {@link
     * #exemptRoutesAnswerOnlyAdminsOrAVerifiedSender} checks them for their role or signature instead.
     */
    private static final Map<String, String> BASE_EXEMPT = Map.of(
            "POST /api/deploys/webhooks/github", "webhook: no caller; the handler verifies GitHub's signature",
            "POST /api/deploys/webhooks/pagerduty", "webhook: no caller; the handler verifies PagerDuty's signature",
            "POST /api/deploys/integrations", "admin only: webhook secrets belong to the whole portal",
            "POST /api/deploys/integrations/{name}/rotate", "admin only: webhook secrets belong to the whole portal",
            "DELETE /api/deploys/integrations/{name}", "admin only: webhook secrets belong to the whole portal",
            "POST /p/deploys/admin/integrations", "admin only: the form behind POST /api/deploys/integrations",
            "POST /p/deploys/admin/integrations/{name}/rotate", "admin only: the form behind the API's rotate",
            "POST /p/deploys/admin/integrations/{name}/delete", "admin only: the form behind the API's delete",
            "POST /api/cost/imports", "admins and import tokens: a billing export spans every team's services",
            "PUT /api/cost/rates/{currency}/{month}", "admin only: exchange rates belong to the whole portal");

    /** The cost allocation rules split cost across every team's services: they belong to the whole portal. */
    private static final Map<String, String> COST_ALLOCATION_EXEMPT = Map.of(
            "POST /api/cost/rules", "admin only: shared-cost rules split cost across teams",
            "POST /api/cost/rules/preview", "admin only: the preview of a shared-cost rule",
            "PUT /api/cost/rules/{name}", "admin only: shared-cost rules split cost across teams",
            "DELETE /api/cost/rules/{name}", "admin only: shared-cost rules split cost across teams",
            "PUT /api/cost/resource-rules", "admin only: a resource prefix may name any team's service",
            "DELETE /api/cost/resource-rules", "admin only: a resource prefix may name any team's service",
            "PUT /api/cost/sub-account-rules/{subAccountId}", "admin only: a sub-account may go to any team",
            "DELETE /api/cost/sub-account-rules/{subAccountId}", "admin only: a sub-account may go to any team",
            "POST /p/cost/allocation/rules", "admin only: the form behind the shared-cost rules' API",
            "POST /p/cost/allocation/rates", "admin only: the form behind PUT /api/cost/rates");

    private static final Map<String, String> EXEMPT = exempt();

    private static Map<String, String> exempt() {
        Map<String, String> all = new java.util.HashMap<>(BASE_EXEMPT);
        all.putAll(COST_ALLOCATION_EXEMPT);
        return Map.copyOf(all);
    }

    /**
     * One request to a write route.
     *
     * @param method the HTTP method
     * @param path the concrete path
     * @param contentType how the body is written
     * @param body the body; empty for none
     */
    private record Write(String method, String path, String contentType, String body) {

        static Write json(String method, String path, String body) {
            return new Write(method, path, "application/json", body);
        }

        static Write form(String path, Map<String, String> fields) {
            return new Write("POST", path, "application/x-www-form-urlencoded", fields.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&")));
        }
    }

    /**
     * A write to team green's data.
     *
     * @param write makes the request, after making whatever it acts on (a freeze to remove, a request to approve)
     * @param state reads what the write would change
     * @param owner an editor of team green who may make the write
     */
    private record Case(Supplier<Write> write, Supplier<String> state, Map<String, String> owner) {
    }

    private static TestServer server;
    private static Map<String, Case> cases;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestPlugins.of().with("slo", SloPlugin::new).with("deploys", DeploysPlugin::new)
                .with("example", ExamplePlugin::new).with("cost", CostPlugin::new)
                .with("graph", GraphPlugin::new).with("priorities", PrioritiesPlugin::new).source(),
                Map.of("VITALS_AUTH", "proxy", "VITALS_PROXY_ADDRESSES", "127.0.0.1,::1"));
        server.vitals().catalogSources().importText("test", CATALOG, new Actor("test", Optional.empty()));
        for (String slo : List.of("green-availability", "green-edited")) {
            HttpResponse<String> made = send(BOB_OF_GREEN, Write.json("POST", "/api/slo/slos", """
                    {"name": "%s", "service": "green-api", "objective": 0.99, "window": "7d"}""".formatted(slo)));
            assertEquals(201, made.statusCode(), made.body());
        }
        cases = table();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The table: every write route of the plugins, each with a request that touches team green's data. */
    private static Map<String, Case> table() {
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(5, ChronoUnit.MINUTES);
        Instant finished = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);
        Map<String, Case> table = new LinkedHashMap<>();
        table.put("POST /api/slo/slos", new Case(() -> Write.json("POST", "/api/slo/slos", """
                {"name": "green-latency", "service": "green-api", "objective": 0.99, "window": "7d"}"""),
                () -> read("/api/slo/slos/green-latency"), BOB_OF_GREEN));
        table.put("PUT /api/slo/slos/{name}", new Case(() -> Write.json("PUT", "/api/slo/slos/green-availability", """
                {"service": "green-api", "objective": 0.995, "window": "7d"}"""),
                () -> read("/api/slo/slos/green-availability"), BOB_OF_GREEN));
        table.put("POST /api/slo/samples", new Case(() -> Write.json("POST", "/api/slo/samples", """
                [{"slo": "green-availability", "minute": "%s", "good": 90, "total": 100}]""".formatted(minute)),
                () -> count("slo.samples WHERE slo = 'green-availability'"), BOB_OF_GREEN));
        table.put("POST /api/slo/import", new Case(() -> new Write("POST", "/api/slo/import", "application/yaml", """
                apiVersion: openslo/v1
                kind: SLO
                metadata: {name: green-imported}
                spec:
                  service: green-api
                  timeWindow: [{duration: 7d, isRolling: true}]
                  budgetingMethod: Occurrences
                  objectives: [{target: 0.99}]
                """), () -> read("/api/slo/slos/green-imported"), BOB_OF_GREEN));
        table.put("POST /p/slo/new", new Case(() -> Write.form("/p/slo/new", sloForm(Optional.of("green-form"),
                "99.9")), () -> read("/api/slo/slos/green-form"), BOB_OF_GREEN));
        table.put("POST /p/slo/slos/{name}/edit", new Case(() -> Write.form("/p/slo/slos/green-edited/edit",
                sloForm(Optional.empty(), "95")), () -> read("/api/slo/slos/green-edited"), BOB_OF_GREEN));
        table.put("POST /api/deploys/events", new Case(() -> Write.json("POST", "/api/deploys/events", """
                [{"id": "green-1", "service": "green-api", "environment": "production", "status": "success",
                  "startedAt": "%s", "finishedAt": "%s", "commits": []}]""".formatted(finished.minusSeconds(300),
                finished)), () -> count("(SELECT id FROM deploys.deployments"
                + " UNION ALL SELECT id FROM deploys.deployment_inbox) acknowledged"), BOB_OF_GREEN));
        table.put("POST /api/deploys/incidents", new Case(() -> Write.json("POST", "/api/deploys/incidents", """
                {"id": "INC-GREEN-1", "service": "green-api", "startedAt": "%s", "severity": "sev2"}"""
                .formatted(finished)), () -> count("deploys.incidents"), BOB_OF_GREEN));
        table.put("POST /api/deploys/freezes", new Case(() -> Write.json("POST", "/api/deploys/freezes", """
                {"name": "Green weekends", "kind": "weekends", "team": "green"}"""),
                () -> read("/api/deploys/freezes"), BOB_OF_GREEN));
        table.put("DELETE /api/deploys/freezes/{id}", new Case(() -> Write.json("DELETE", "/api/deploys/freezes/"
                + made(BOB_OF_GREEN, "/api/deploys/freezes", """
                {"name": "Green service freeze", "kind": "weekends", "service": "green-api"}"""), ""),
                () -> read("/api/deploys/freezes"), BOB_OF_GREEN));
        table.put("POST /api/deploys/break-glass", new Case(() -> Write.json("POST", "/api/deploys/break-glass", """
                {"service": "green-api", "reason": "hotfix for INC-GREEN-1"}"""),
                () -> read("/api/deploys/break-glass"), BOB_OF_GREEN));
        // Bob asks, so the second person of team green approves.
        table.put("POST /api/deploys/break-glass/{id}/approve", new Case(() -> Write.json("POST",
                "/api/deploys/break-glass/" + made(BOB_OF_GREEN, "/api/deploys/break-glass", """
                {"service": "green-api", "reason": "hotfix for INC-GREEN-2"}""") + "/approve", ""),
                () -> read("/api/deploys/break-glass"), BEA_OF_GREEN));
        table.put("DELETE /api/slo/slos/{name}", new Case(() -> Write.json("DELETE", "/api/slo/slos/"
                + sloOfGreen("green-doomed-api"), ""), () -> read("/api/slo/slos/green-doomed-api"), BOB_OF_GREEN));
        table.put("POST /p/slo/slos/{name}/delete", new Case(() -> Write.form("/p/slo/slos/"
                + sloOfGreen("green-doomed-form") + "/delete", Map.of()),
                () -> read("/api/slo/slos/green-doomed-form"), BOB_OF_GREEN));
        table.put("POST /p/deploys/services/{service}/break-glass", new Case(() -> Write.form(
                "/p/deploys/services/green-api/break-glass", Map.of("reason", "hotfix for INC-GREEN-3")),
                () -> read("/api/deploys/break-glass"), BOB_OF_GREEN));
        table.put("POST /p/deploys/break-glass/{id}/approve", new Case(() -> Write.form("/p/deploys/break-glass/"
                + made(BOB_OF_GREEN, "/api/deploys/break-glass", """
                {"service": "green-api", "reason": "hotfix for INC-GREEN-4"}""") + "/approve", Map.of()),
                () -> read("/api/deploys/break-glass"), BEA_OF_GREEN));
        table.put("PUT /api/deploys/release-modes/{service}", new Case(() -> Write.json("PUT",
                "/api/deploys/release-modes/green-api", "{\"mode\": \"independent\", \"since\": \"2026-03-02\"}"),
                () -> read("/api/deploys/release-modes"), BOB_OF_GREEN));
        table.put("POST /api/example/notes", new Case(() -> Write.json("POST", "/api/example/notes", """
                {"service": "green-api", "body": "Green's runbook is in the wiki."}"""),
                () -> read("/api/example/notes"), BOB_OF_GREEN));
        table.put("POST /api/cost/anomalies/{id}/dismiss", new Case(() -> Write.json("POST",
                "/api/cost/anomalies/" + greenAnomaly("2026-01-05") + "/dismiss", "{\"reason\": \"planned\"}"),
                () -> count("cost.anomalies WHERE dismissed_at IS NOT NULL"), BOB_OF_GREEN));
        table.put("POST /p/cost/anomalies/{id}/dismiss", new Case(() -> Write.form("/p/cost/anomalies/"
                + greenAnomaly("2026-01-06") + "/dismiss", Map.of("reason", "known")),
                () -> count("cost.anomalies WHERE dismissed_at IS NOT NULL"), BOB_OF_GREEN));
        table.put("PUT /api/cost/teams/{team}/alert-settings", new Case(() -> Write.json("PUT",
                "/api/cost/teams/green/alert-settings", "{\"relativePercent\": 30}"),
                () -> read("/api/cost/teams/green/alert-settings"), BOB_OF_GREEN));
        table.put("POST /p/cost/anomalies/teams/{team}", new Case(() -> Write.form("/p/cost/anomalies/teams/green",
                Map.of("relativePercent", "40", "floorPerDay", "60", "periods", "week")),
                () -> read("/api/cost/teams/green/alert-settings"), BOB_OF_GREEN));
        table.put("POST /api/graph/observed", new Case(() -> Write.json("POST", "/api/graph/observed", """
                [{"from": "component:green-api", "to": "component:blue-api", "calls": 40, "errors": 1,
                  "day": "2026-01-05"}]"""), () -> count("graph.observed_edges"), BOB_OF_GREEN));
        priorities(table);
        return table;
    }

    /** The priorities plugin's writes: team green's backlog items, targets, and proposals on green-api. */
    private static void priorities(Map<String, Case> table) {
        String themes = "/api/priorities/items?level=theme&owner=green&size=500";
        table.put("POST /api/priorities/items", new Case(() -> Write.json("POST", "/api/priorities/items", """
                {"title": "Green theme", "level": "theme", "owner": "green", "horizon": "immediate",
                 "investment": "foundation"}"""), () -> count("priorities.items"), BOB_OF_GREEN));
        table.put("POST /api/priorities/items.csv", new Case(() -> new Write("POST", "/api/priorities/items.csv",
                "text/csv", "title,level,owner,horizon,investment\nGreen from CSV,theme,green,immediate,foundation\n"),
                () -> count("priorities.items"), BOB_OF_GREEN));
        table.put("PATCH /api/priorities/items/{id}", new Case(() -> Write.json("PATCH", "/api/priorities/items/"
                + greenItems("patch")[0], "{\"title\": \"Green theme, patched\"}"), () -> read(themes),
                BOB_OF_GREEN));
        table.put("POST /api/priorities/items/{id}/rank", new Case(() -> Write.json("POST", "/api/priorities/items/"
                + greenItems("rank")[0] + "/rank", "{\"position\": 1, \"reason\": \"green decides\"}"),
                () -> read(themes), BOB_OF_GREEN));
        table.put("POST /api/priorities/items/{id}/pain", new Case(() -> Write.json("POST", "/api/priorities/items/"
                + greenItems("pain")[0] + "/pain", "{\"team\": \"green\", \"what\": \"slow\", "
                + "\"howOften\": \"daily\"}"), () -> count("priorities.pain_reports"), BOB_OF_GREEN));
        table.put("PUT /api/priorities/targets/{team}", new Case(() -> Write.json("PUT",
                "/api/priorities/targets/green", "{\"immediate\": 0.6, \"foundation\": 0.4}"),
                () -> read("/api/priorities/capacity?team=green&quarter=2027-Q1"), BOB_OF_GREEN));
        String proposals = "/api/priorities/proposals?state=all&subject=green-api";
        table.put("POST /api/priorities/proposals/{id}/accept", new Case(() -> Write.json("POST",
                "/api/priorities/proposals/" + greenProposal("error-budget") + "/accept",
                "{\"parent\": " + greenItems("accept")[2] + "}"), () -> proposalsAsWritten(proposals), BOB_OF_GREEN));
        table.put("POST /api/priorities/proposals/{id}/dismiss", new Case(() -> Write.json("POST",
                "/api/priorities/proposals/" + greenProposal("dora-low-band") + "/dismiss",
                "{\"reason\": \"a planned load test\"}"), () -> proposalsAsWritten(proposals), BOB_OF_GREEN));
        String events = "priorities.initiative_events";
        table.put("PUT /api/priorities/items/{id}/initiative/services", new Case(() -> Write.json("PUT",
                "/api/priorities/items/" + greenItems("checklist-set")[0] + "/initiative/services",
                "{\"services\": [\"green-api\"]}"), () -> count(events), BOB_OF_GREEN));
        table.put("POST /api/priorities/items/{id}/initiative/services", new Case(() -> Write.json("POST",
                "/api/priorities/items/" + greenItems("checklist-add")[0] + "/initiative/services",
                "{\"services\": [\"green-api\"]}"), () -> count(events), BOB_OF_GREEN));
        table.put("PUT /api/priorities/items/{id}/initiative/services/{service}", new Case(() -> Write.json("PUT",
                "/api/priorities/items/" + greenInitiative("checklist-tick", false) + "/initiative/services/green-api",
                "{\"done\": true}"), () -> count(events), BOB_OF_GREEN));
        table.put("DELETE /api/priorities/items/{id}/initiative/services/{service}", new Case(() -> Write.json(
                "DELETE", "/api/priorities/items/" + greenInitiative("checklist-remove", false)
                + "/initiative/services/green-api", ""), () -> count(events), BOB_OF_GREEN));
        table.put("PUT /api/priorities/items/{id}/initiative/rule", new Case(() -> Write.json("PUT",
                "/api/priorities/items/" + greenItems("rule-set")[0] + "/initiative/rule",
                "{\"measure\": {\"name\": \"deploys.independent\", \"atLeast\": 1}}"),
                () -> count("priorities.initiative_rules"), BOB_OF_GREEN));
        table.put("DELETE /api/priorities/items/{id}/initiative/rule", new Case(() -> Write.json("DELETE",
                "/api/priorities/items/" + greenInitiative("rule-drop", true) + "/initiative/rule", ""),
                () -> count("priorities.initiative_rules"), BOB_OF_GREEN));
        table.put("POST /p/priorities/items/{id}/rank", new Case(() -> Write.form("/p/priorities/items/"
                + greenItems("rank-form")[0] + "/rank", Map.of("position", "1", "reason", "green decides")),
                () -> read(themes), BOB_OF_GREEN));
        table.put("POST /p/priorities/items/{id}/status", new Case(() -> Write.form("/p/priorities/items/"
                + greenItems("status-form")[0] + "/status", Map.of("status", "ready", "reason", "planned")),
                () -> read(themes), BOB_OF_GREEN));
        String rules = "priorities.initiative_rules";
        table.put("POST /p/priorities/items/{id}/initiative/add", new Case(() -> Write.form("/p/priorities/items/"
                + greenItems("checklist-add-form")[0] + "/initiative/add", Map.of("services", "green-api")),
                () -> count(events), BOB_OF_GREEN));
        table.put("POST /p/priorities/items/{id}/initiative/remove", new Case(() -> Write.form("/p/priorities/items/"
                + greenInitiative("checklist-remove-form", false) + "/initiative/remove",
                Map.of("service", "green-api")), () -> count(events), BOB_OF_GREEN));
        table.put("POST /p/priorities/items/{id}/initiative/tick", new Case(() -> Write.form("/p/priorities/items/"
                + greenInitiative("checklist-tick-form", false) + "/initiative/tick",
                Map.of("service", "green-api", "done", "true")), () -> count(events), BOB_OF_GREEN));
        table.put("POST /p/priorities/items/{id}/initiative/rule", new Case(() -> Write.form("/p/priorities/items/"
                + greenItems("rule-form")[0] + "/initiative/rule", Map.of("measure.name", "deploys.independent",
                "measure.atLeast", "1")), () -> count(rules), BOB_OF_GREEN));
        table.put("POST /p/priorities/items/{id}/initiative/rule/stop", new Case(() -> Write.form(
                "/p/priorities/items/" + greenInitiative("rule-stop-form", true) + "/initiative/rule/stop",
                Map.of()), () -> count(rules), BOB_OF_GREEN));
        table.put("POST /p/priorities/proposals/{id}/accept", new Case(() -> Write.form("/p/priorities/proposals/"
                + greenProposal("cost-anomaly") + "/accept", Map.of("parent", String.valueOf(
                greenItems("accept-form")[2]))), () -> proposalsAsWritten(proposals), BOB_OF_GREEN));
        table.put("POST /p/priorities/proposals/{id}/dismiss", new Case(() -> Write.form("/p/priorities/proposals/"
                + greenProposal("tier-violation") + "/dismiss", Map.of("reason", "not now")),
                () -> proposalsAsWritten(proposals), BOB_OF_GREEN));
    }

    /** A theme, an epic and a feature of team green, made by its editor: their ids. */
    private static long[] greenItems(String key) {
        HttpResponse<String> response = send(BOB_OF_GREEN, Write.json("POST", "/api/priorities/items", """
                [{"key": "%1$s-t", "title": "Theme %1$s", "level": "theme", "owner": "green", "horizon": "immediate",
                  "investment": "foundation"},
                 {"key": "%1$s-e", "title": "Epic %1$s", "level": "epic", "parentKey": "%1$s-t", "owner": "green",
                  "horizon": "immediate", "investment": "foundation"},
                 {"key": "%1$s-f", "title": "Feature %1$s", "level": "feature", "parentKey": "%1$s-e",
                  "owner": "green", "horizon": "immediate", "investment": "foundation"}]""".formatted(key)));
        assertEquals(201, response.statusCode(), response.body());
        try {
            JsonNode items = JSON.readTree(response.body());
            return new long[] {items.get(0).get("id").asLong(), items.get(1).get("id").asLong(),
                items.get(2).get("id").asLong()};
        } catch (Exception e) {
            throw new IllegalStateException(response.body(), e);
        }
    }

    /**
     * A theme of team green whose checklist holds green-api, with a tick rule if asked: its id. The rule reads a
     * measure nobody publishes, so no tick changes the log while the cases run.
     */
    private static long greenInitiative(String key, boolean withRule) {
        long theme = greenItems(key)[0];
        HttpResponse<String> set = send(BOB_OF_GREEN, Write.json("PUT", "/api/priorities/items/" + theme
                + "/initiative/services", "{\"services\": [\"green-api\"]}"));
        assertEquals(200, set.statusCode(), set.body());
        if (withRule) {
            HttpResponse<String> rule = send(BOB_OF_GREEN, Write.json("PUT", "/api/priorities/items/" + theme
                    + "/initiative/rule", "{\"measure\": {\"name\": \"example.reviewed\", \"atLeast\": 1}}"));
            assertEquals(200, rule.statusCode(), rule.body());
        }
        return theme;
    }

    /**
     * An open proposal on green-api, as the priorities plugin raises one from a signal: its id. The SLO plugin's own
     * signal on green-api may have raised it already.
     */
    private static long greenProposal(String kind) {
        return server.vitals().database().jdbi().withHandle(h -> h.createQuery("""
                        INSERT INTO priorities.proposals (subject, kind, owner, title, state, signal_plugin,
                            signal_kind, signal_status, summary, observed_at, raised_at)
                        VALUES ('component:default/green-api', :kind, 'group:default/green', 'Fix green-api', 'open',
                            'slo', 'error-budget', 'CRITICAL', 'budget spent', now(), now())
                        ON CONFLICT (subject, kind) WHERE state = 'open' DO UPDATE SET title = excluded.title
                        RETURNING id""").bind("kind", kind).mapTo(Long.class).one());
    }

    @Test
    void everyWriteRouteOfThePluginsHasATeamScopeCaseOrAnExemptionWithAReason() {
        Set<String> writes = pluginWriteRoutes();
        assertTrue(writes.contains("POST /api/slo/samples"), writes.toString());
        for (String route : writes) {
            assertTrue(cases.containsKey(route) || EXEMPT.containsKey(route), route + " changes data but has no case "
                    + "in TeamScopeTest: add a request touching team green's data (and check the owner in the route),"
                    + " or exempt it with the reason");
        }
        Set<String> listed = new TreeSet<>(cases.keySet());
        listed.addAll(EXEMPT.keySet());
        listed.removeAll(writes);
        assertEquals(Set.of(), listed, "the table names routes the plugins no longer serve");
    }

    @Test
    void anEditorOfAnotherTeamIsRefusedOnEveryWriteRouteAndNothingChangesWhileTheOwnersEditorSucceeds() {
        for (Map.Entry<String, Case> entry : cases.entrySet()) {
            String route = entry.getKey();
            Case c = entry.getValue();
            Write write = c.write().get();
            String before = c.state().get();

            HttpResponse<String> stranger = send(ANN_OF_BLUE, write);
            assertEquals(403, stranger.statusCode(), route + " let an editor of team blue change team green's data: "
                    + stranger.body());
            if (write.path().startsWith("/api/")) {
                assertEquals(Optional.of("application/problem+json"), stranger.headers().firstValue("Content-Type")
                        .map(t -> t.split(";")[0]), route);
            }
            assertEquals(before, c.state().get(), route + " wrote something although it answered 403");
            if (write.path().startsWith("/api/")) {
                HttpResponse<String> token = send(annsToken(), write);
                assertEquals(403, token.statusCode(), route + " let a token of team blue change team green's data: "
                        + token.body());
                assertEquals(before, c.state().get(), route + " wrote something for a token although it answered 403");
            }

            HttpResponse<String> owner = send(c.owner(), write);
            assertTrue(owner.statusCode() / 100 == 2 || owner.statusCode() == 303, route + " refused team green's"
                    + " editor, so the request is no proof: " + owner.statusCode() + " " + owner.body());
            assertNotEquals(before, c.state().get(), route + ": the state read does not show the owner's change");
        }
    }

    @Test
    void exemptRoutesAnswerOnlyAdminsOrAVerifiedSender() {
        for (String route : EXEMPT.keySet()) {
            Rule rule = server.portal().routes().stream().filter(r -> name(r).equals(route)).findFirst().orElseThrow();
            Write write = Write.json(rule.method().name(), rule.path().replaceAll("\\{[^}]+}", "green"), "{}");
            if (rule.webhook()) {
                assertEquals(401, send(Map.of(), write).statusCode(), route + " answers an unsigned sender");
            } else {
                // The cost import lets editors through at the route so that tokens with its scope reach it; the
                // handler then refuses people other than admins, which the 403 below checks.
                if (EXEMPT.get(route).startsWith("admin only")) {
                    assertEquals(Optional.of(Role.ADMIN), rule.role(), route + ": " + EXEMPT.get(route));
                }
                HttpResponse<String> editor = send(BOB_OF_GREEN, write);
                assertEquals(403, editor.statusCode(), route + ": " + editor.body());
            }
        }
    }

    @Test
    void onlyAnAdminFreezesTheWholeOrganisationOrRemovesSuchAFreeze() throws Exception {
        Write everyone = Write.json("POST", "/api/deploys/freezes", """
                {"name": "Year-end freeze", "kind": "holiday", "date": "12-31"}""");
        String before = read("/api/deploys/freezes");
        HttpResponse<String> editor = send(BOB_OF_GREEN, everyone);
        assertEquals(403, editor.statusCode(), editor.body());
        assertTrue(editor.body().contains("only an administrator may"), editor.body());
        assertEquals(before, read("/api/deploys/freezes"));

        HttpResponse<String> admin = send(ADA_THE_ADMIN, everyone);
        assertEquals(201, admin.statusCode(), admin.body());
        long id = JSON.readTree(admin.body()).get("id").asLong();
        Write remove = Write.json("DELETE", "/api/deploys/freezes/" + id, "");
        assertEquals(403, send(BOB_OF_GREEN, remove).statusCode());
        assertEquals(204, send(ADA_THE_ADMIN, remove).statusCode());
    }

    @Test
    void aTeamEditorRemovesNoFreezeOfAnotherTeam() {
        long id = made(ANN_OF_BLUE, "/api/deploys/freezes", """
                {"name": "Blue weekends", "kind": "weekends", "team": "blue"}""");
        HttpResponse<String> other = send(BOB_OF_GREEN, Write.json("DELETE", "/api/deploys/freezes/" + id, ""));
        assertEquals(403, other.statusCode(), other.body());
        assertTrue(other.body().contains("only an editor of that team may"), other.body());
        assertEquals(204, send(ANN_OF_BLUE, Write.json("DELETE", "/api/deploys/freezes/" + id, "")).statusCode());
    }

    @Test
    void aBatchOfSamplesNamingOneSloOfAnotherTeamIsRefusedWholeNamingItAndWritesNothing() {
        assertEquals(201, send(ANN_OF_BLUE, Write.json("POST", "/api/slo/slos", """
                {"name": "blue-availability", "service": "blue-api", "objective": 0.99, "window": "7d"}"""))
                .statusCode());
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(30, ChronoUnit.MINUTES);
        String before = count("slo.samples");
        HttpResponse<String> mixed = send(BOB_OF_GREEN, Write.json("POST", "/api/slo/samples", """
                [{"slo": "green-availability", "minute": "%1$s", "good": 99, "total": 100},
                 {"slo": "blue-availability", "minute": "%1$s", "good": 1, "total": 100}]""".formatted(minute)));
        assertEquals(403, mixed.statusCode(), mixed.body());
        assertTrue(mixed.body().contains("component:default/blue-api"), mixed.body());
        assertTrue(mixed.body().contains("[1].slo"), mixed.body());
        assertEquals(before, count("slo.samples"), "nothing of the batch was stored");
    }

    @Test
    void aBatchOfIncidentsNamingAServiceOfAnotherTeamIsRefusedWholeAndWritesNothing() {
        String before = count("deploys.incidents");
        HttpResponse<String> mixed = send(BOB_OF_GREEN, Write.json("POST", "/api/deploys/incidents", """
                [{"id": "INC-MIX-1", "service": "green-api", "startedAt": "2026-01-11T10:00:00Z"},
                 {"id": "INC-MIX-2", "service": "blue-api", "startedAt": "2026-01-11T10:00:00Z"}]"""));
        assertEquals(403, mixed.statusCode(), mixed.body());
        assertTrue(mixed.body().contains("component:default/blue-api"), mixed.body());
        assertEquals(before, count("deploys.incidents"));
    }

    @Test
    void breakGlassIsNotApprovedWithATokenTheRequesterMadeButIsByASecondPersonOfTheTeam() throws Exception {
        HttpResponse<String> token = send(BOB_OF_GREEN, Write.json("POST", "/api/admin/tokens", """
                {"name": "bob-ci", "scopes": ["deploys:write"], "team": "green"}"""));
        assertEquals(201, token.statusCode(), token.body());
        String secret = JSON.readTree(token.body()).get("token").asText();
        long id = made(BOB_OF_GREEN, "/api/deploys/break-glass", """
                {"service": "green-api", "reason": "hotfix for INC-GREEN-3"}""");

        HttpResponse<String> own = send(Map.of("Authorization", "Bearer " + secret),
                Write.json("POST", "/api/deploys/break-glass/" + id + "/approve", ""));
        assertEquals(403, own.statusCode(), own.body());
        assertEquals("application/problem+json", own.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(own.body().contains("token:bob-ci is a token made by bob, who asked for this"), own.body());
        assertTrue(read("/api/deploys/break-glass").contains("\"approvedBy\":null"), "still waiting");

        HttpResponse<String> second = send(BEA_OF_GREEN,
                Write.json("POST", "/api/deploys/break-glass/" + id + "/approve", ""));
        assertEquals(200, second.statusCode(), second.body());
        assertEquals("bea", JSON.readTree(second.body()).get("approvedBy").asText());
    }

    @Test
    void aTokenMadeWithAnotherTokenStillCountsAsThePersonBehindBoth() throws Exception {
        HttpResponse<String> first = send(ADA_THE_ADMIN, Write.json("POST", "/api/admin/tokens", """
                {"name": "ada-admin", "scopes": ["admin"]}"""));
        assertEquals(201, first.statusCode(), first.body());
        Map<String, String> adaAdminToken = Map.of("Authorization", "Bearer "
                + JSON.readTree(first.body()).get("token").asText());
        HttpResponse<String> second = send(adaAdminToken, Write.json("POST", "/api/admin/tokens", """
                {"name": "ada-deploys", "scopes": ["deploys:write"]}"""));
        assertEquals(201, second.statusCode(), second.body());
        assertEquals("ada", JSON.readTree(second.body()).get("details").get("createdBy").asText());

        long id = made(ADA_THE_ADMIN, "/api/deploys/break-glass", """
                {"service": "green-api", "reason": "hotfix for INC-GREEN-4"}""");
        HttpResponse<String> own = send(Map.of("Authorization", "Bearer "
                + JSON.readTree(second.body()).get("token").asText()),
                Write.json("POST", "/api/deploys/break-glass/" + id + "/approve", ""));
        assertEquals(403, own.statusCode(), own.body());
        assertTrue(own.body().contains("made by ada"), own.body());
    }

    /** A token ann of team blue made with every plugin's write scope: it acts for ann, so it edits team blue only. */
    private static Map<String, String> annsToken() {
        if (annsToken == null) {
            HttpResponse<String> made = send(ANN_OF_BLUE, Write.json("POST", "/api/admin/tokens", """
                    {"name": "ann-ci", "scopes": ["slo:write", "deploys:write", "cost:write", "graph:write",
                     "priorities:write"], "team": "blue"}"""));
            assertEquals(201, made.statusCode(), made.body());
            try {
                annsToken = Map.of("Authorization", "Bearer " + JSON.readTree(made.body()).get("token").asText());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return annsToken;
    }

    private static Map<String, String> annsToken;

    /** The plugins' routes that are not reads, as {@code METHOD path}. */
    private static Set<String> pluginWriteRoutes() {
        Set<String> ids = server.vitals().plugins().plugins().stream().map(HostedPlugin::id)
                .collect(Collectors.toSet());
        assertEquals(Set.of("slo", "deploys", "example", "cost", "graph", "priorities"), ids);
        Set<String> writes = server.portal().routes().stream().filter(r -> r.method() != HttpMethod.GET)
                .filter(r -> ids.stream().anyMatch(id -> r.path().startsWith("/api/" + id + "/")
                        || r.path().startsWith("/p/" + id + "/")))
                .map(TeamScopeTest::name).collect(Collectors.toCollection(TreeSet::new));
        assertFalse(writes.isEmpty());
        return writes;
    }

    private static Map<String, String> sloForm(Optional<String> name, String objective) {
        Map<String, String> form = new LinkedHashMap<>();
        name.ifPresent(n -> form.put("name", n));
        form.put("service", "green-api");
        form.put("component", "");
        form.put("objective", objective);
        form.put("window", "28d");
        form.put("method", "occurrences");
        form.put("sliceThreshold", "");
        form.put("description", "Green requests that succeed");
        return form;
    }

    /** Makes something as {@code who} and answers its id. */
    /** Defines an SLO of team green for a case to delete, and names it. */
    private static String sloOfGreen(String name) {
        HttpResponse<String> made = send(BOB_OF_GREEN, Write.json("POST", "/api/slo/slos", """
                {"name": "%s", "service": "green-api", "objective": 0.99, "window": "7d"}""".formatted(name)));
        assertEquals(201, made.statusCode(), made.body());
        return name;
    }

    private static long made(Map<String, String> who, String path, String body) {
        HttpResponse<String> response = send(who, Write.json("POST", path, body));
        assertEquals(201, response.statusCode(), response.body());
        try {
            return JSON.readTree(response.body()).get("id").asLong();
        } catch (Exception e) {
            throw new IllegalStateException(response.body(), e);
        }
    }

    /** An anomaly of green-api on the day, as detection stores it, and its number. */
    private static long greenAnomaly(String day) {
        return server.vitals().database().jdbi().withHandle(h -> h.createQuery("""
                INSERT INTO cost.anomalies (service, day, cost, expected, low, high, score, method, history_days,
                                            detected_at)
                VALUES ('component:default/green-api', CAST(:day AS date), 300, 100, 70, 130, 40, 'seasonal', 30,
                        now()) RETURNING id""").bind("day", day).mapTo(Long.class).one());
    }

    /** What a viewer reads at a path: status and body. */
    private static String read(String path) {
        HttpResponse<String> response = server.send(headers(VERA_THE_VIEWER, HttpRequest.newBuilder(server.uri(path)))
                .header("Accept", "application/json").GET());
        return response.statusCode() + " " + response.body();
    }

    /**
     * The proposals without the time their evidence was last observed: the SLO plugin's evaluation job refreshes that
     * whenever it runs, which a slow machine lets happen between the two reads; no route writes it.
     */
    private static String proposalsAsWritten(String path) {
        return read(path).replaceAll("\"observedAt\":\"[^\"]*\"", "\"observedAt\":\"\"");
    }

    private static String count(String from) {
        long rows = server.vitals().database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + from)
                .mapTo(Long.class).one());
        return rows + " rows";
    }

    private static HttpResponse<String> send(Map<String, String> who, Write write) {
        HttpRequest.BodyPublisher body = write.body().isEmpty() ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(write.body());
        return server.send(headers(who, HttpRequest.newBuilder(server.uri(write.path())))
                .header("Accept", "application/json").header("Content-Type", write.contentType())
                .method(write.method(), body));
    }

    private static HttpRequest.Builder headers(Map<String, String> who, HttpRequest.Builder request) {
        who.forEach(request::header);
        return request;
    }

    private static String name(Rule rule) {
        return rule.method() + " " + rule.path();
    }
}
