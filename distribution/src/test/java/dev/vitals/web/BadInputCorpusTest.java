package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.api.HttpMethod;
import dev.vitals.core.testing.Samples;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.plugins.cost.CostPlugin;
import dev.vitals.plugins.deploys.DeploysPlugin;
import dev.vitals.plugins.deploys.github.WebhookSignature;
import dev.vitals.plugins.deploys.pagerduty.PagerDutySignature;
import dev.vitals.plugins.example.ExamplePlugin;
import dev.vitals.plugins.graph.GraphPlugin;
import dev.vitals.plugins.priorities.PrioritiesPlugin;
import dev.vitals.plugins.slo.SloPlugin;
import dev.vitals.web.BadInputCorpus.Case;
import dev.vitals.web.BadInputCorpus.Expect;
import dev.vitals.web.BadInputCorpus.FormExample;
import dev.vitals.web.BadInputCorpus.JsonExample;
import dev.vitals.web.security.GuardedRoutes.Rule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sends a generated corpus of bad input to every route that takes input, the host's and the real plugins', as the
 * bootstrap admin so that no role or team check answers before the parser: every case is refused with a 4xx (a
 * problem document naming the field, for the API), none is a 5xx, and nothing is stored. The routes come from the
 * portal's route table, so a new route is covered as soon as it has an example here; without one this test fails.
 */
class BadInputCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GITHUB_SECRET = "corpus-github-secret";
    private static final String PAGERDUTY_SECRET = "corpus-pagerduty-secret";
    /** Open routes that take input but are not in the corpus: each wrong sign-in counts towards the throttle. */
    private static final Set<String> NOT_IN_CORPUS = Set.of("POST /login", "POST /logout");
    /**
     * What the corpus must never change. Not core.catalog_sources: a refused catalog import is recorded there, with its
     * reasons, as the source's last result for the admin page. Not priorities.initiative_events: the hourly tick job
     * logs the demo initiative's ticks there whenever it runs.
     */
    private static final List<String> WATCHED = List.of("core.audit_log", "core.api_tokens", "core.role_grants",
            "core.catalog_entities", "core.catalog_relations", "core.plugin_settings",
            "slo.slos", "slo.samples", "deploys.deployments", "deploys.incidents", "deploys.freeze_windows",
            "deploys.break_glass_requests", "deploys.release_modes", "deploys.integrations",
            "deploys.github_deployments", "example.notes", "cost.charges", "cost.imports", "cost.rates",
            "cost.shared_rule_versions", "cost.resource_rules", "cost.sub_account_rules", "cost.reallocations",
            "cost.team_alert_settings",
            "graph.observed_edges", "priorities.items", "priorities.decisions", "priorities.pain_reports",
            "priorities.team_targets", "priorities.score_history", "priorities.initiative_services",
            "priorities.initiative_rules");

    private static TestServer server;
    private static String session;
    private static String formToken;
    private static String demoSlo;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(TestPlugins.of().with("slo", SloPlugin::new).with("deploys", DeploysPlugin::new)
                .with("example", ExamplePlugin::new).with("cost", CostPlugin::new)
                .with("graph", GraphPlugin::new).with("priorities", PrioritiesPlugin::new).source(), Map.of("VITALS_DEMO",
                "true", "VITALS_DEPLOYS_GITHUB_SECRET", GITHUB_SECRET, "VITALS_DEPLOYS_PAGERDUTY_SECRET", PAGERDUTY_SECRET));
        session = DevSignInTest.session(server.send(HttpRequest.newBuilder(server.uri("/login"))
                .header("Content-Type", BadInputCorpus.FORM)
                .POST(HttpRequest.BodyPublishers.ofString("token=" + TestServer.ADMIN_TOKEN))));
        String roles = server.send(HttpRequest.newBuilder(server.uri("/admin/roles")).header("Cookie", session)
                .header("Accept", "text/html")).body();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(roles);
        assertTrue(token.find(), roles);
        formToken = token.group(1);
        JsonNode slos = JSON.readTree(server.get("/api/slo/slos?size=1").body());
        demoSlo = slos.get("items").get(0).get("name").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    // ---------------------------------------------------------------- the examples: one per route that takes input

    private static Map<String, JsonExample> jsonExamples() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Map<String, JsonExample> examples = new LinkedHashMap<>();
        add(examples, new JsonExample("POST /api/catalog/sources", "/api/catalog/sources",
                "{\"location\": \"/nonexistent/bad-input/catalog-info.yaml\"}", Set.of()));
        add(examples, new JsonExample("PUT /api/admin/plugins/{id}", "/api/admin/plugins/no-such-plugin",
                "{\"enabled\": true}", Set.of()));
        add(examples, new JsonExample("POST /api/admin/tokens", "/api/admin/tokens", """
                {"name": "corpus", "scopes": ["catalog:read"], "team": "payments", "expiresAt": "%s"}"""
                .formatted(now.plus(30, ChronoUnit.DAYS)), Set.of("team", "expiresAt")));
        add(examples, new JsonExample("PUT /api/admin/catalog/allowed-hosts", "/api/admin/catalog/allowed-hosts",
                "{\"hosts\": [\"catalog.example.com\"]}", Set.of("hosts[0]")));
        add(examples, new JsonExample("POST /api/admin/roles", "/api/admin/roles", """
                {"grantee": "corpus-person", "kind": "user", "role": "editor", "team": "payments"}""",
                Set.of()));
        add(examples, new JsonExample("POST /api/slo/slos", "/api/slo/slos", """
                {"name": "corpus-slo", "service": "billing-api", "objective": 0.999, "window": "28d",
                 "method": "occurrences", "description": "made by the corpus"}""", Set.of("description", "method")));
        add(examples, new JsonExample("PUT /api/slo/slos/{name}", "/api/slo/slos/corpus-put", """
                {"service": "billing-api", "objective": 0.99, "window": "7d", "method": "timeslices",
                 "sliceThreshold": 300, "description": "made by the corpus"}""", Set.of("description", "method")));
        add(examples, new JsonExample("POST /api/slo/samples", "/api/slo/samples", """
                [{"slo": "%s", "minute": "%s", "good": 90, "total": 100}]""".formatted(demoSlo,
                now.minus(90, ChronoUnit.MINUTES)), Set.of()));
        add(examples, new JsonExample("POST /api/deploys/events", "/api/deploys/events", """
                [{"id": "corpus-1", "service": "recorder-api", "environment": "production", "status": "success",
                 "startedAt": "%s", "finishedAt": "%s", "version": "1.2.3", "pipeline": "ci",
                 "commits": [{"sha": "corpus-c", "committedAt": "%s"}]}]""".formatted(now.minusSeconds(3600),
                now.minusSeconds(3000), now.minusSeconds(7200)), Set.of("[0].version", "[0].pipeline",
                "[0].commits", "[0].commits[0].committedAt", "[0].environment")));
        add(examples, new JsonExample("POST /api/deploys/incidents", "/api/deploys/incidents", """
                {"id": "CORPUS-1", "service": "recorder-api", "startedAt": "%s", "severity": "sev2"}"""
                .formatted(now.minusSeconds(3600)), Set.of("severity", BadInputCorpus.ONE_OR_MANY)));
        add(examples, new JsonExample("POST /api/deploys/freezes", "/api/deploys/freezes", """
                {"name": "Corpus freeze", "kind": "once", "service": "recorder-api", "startsAt": "%s",
                 "endsAt": "%s"}""".formatted(now.plus(1, ChronoUnit.DAYS), now.plus(2, ChronoUnit.DAYS)),
                Set.of("service")));
        add(examples, new JsonExample("POST /api/deploys/break-glass", "/api/deploys/break-glass",
                "{\"service\": \"recorder-api\", \"reason\": \"hotfix\"}", Set.of()));
        add(examples, new JsonExample("PUT /api/deploys/release-modes/{service}",
                "/api/deploys/release-modes/recorder-api", "{\"mode\": \"independent\", \"since\": \"2026-03-02\"}",
                Set.of()));
        add(examples, new JsonExample("POST /api/deploys/integrations", "/api/deploys/integrations",
                "{\"name\": \"corpus-github\", \"kind\": \"github\"}", Set.of()));
        add(examples, new JsonExample("POST /api/example/notes", "/api/example/notes",
                "{\"service\": \"recorder-api\", \"body\": \"a note from the corpus\"}", Set.of()));
        add(examples, new JsonExample("PUT /api/cost/rates/{currency}/{month}", "/api/cost/rates/EUR/2024-09",
                "{\"rate\": 1.0852}", Set.of()));
        String costRule = """
                {"name": "%s", "match": {"tag": {"shared": "corpus"}}, "split": "even", "among": "org"}""";
        // The tag's key is the admin's to choose, so the corpus spoils match.tag itself, not a member of it.
        add(examples, new JsonExample("POST /api/cost/rules", "/api/cost/rules", costRule.formatted("corpus-rule"),
                Set.of("split"), 2));
        add(examples, new JsonExample("POST /api/cost/rules/preview", "/api/cost/rules/preview",
                costRule.formatted("corpus-preview"), Set.of("split"), 2));
        add(examples, new JsonExample("PUT /api/cost/rules/{name}", "/api/cost/rules/corpus-put",
                costRule.formatted("corpus-put"), Set.of("name", "split"), 2));
        add(examples, new JsonExample("PUT /api/cost/resource-rules", "/api/cost/resource-rules",
                "{\"prefix\": \"arn:aws:s3:::corpus-\", \"service\": \"recorder-api\"}", Set.of()));
        add(examples, new JsonExample("PUT /api/cost/sub-account-rules/{subAccountId}",
                "/api/cost/sub-account-rules/corpus-sub", "{\"team\": \"payments\", \"split\": \"even\"}",
                Set.of("split")));
        add(examples, new JsonExample("PUT /api/cost/teams/{team}/alert-settings",
                "/api/cost/teams/payments/alert-settings", """
                {"relativePercent": 25, "floorPerDay": 100, "periods": ["week", "month"],
                 "webhook": "https://hooks.slack.com/services/T000/B000/XXXX"}""",
                // Every field may be left out (it keeps its value), and a shorter list of periods is a valid one.
                Set.of("relativePercent", "floorPerDay", "periods", "periods[0]", "periods[1]", "webhook")));
        add(examples, new JsonExample("POST /api/cost/anomalies/{id}/dismiss", "/api/cost/anomalies/"
                + openDemoAnomaly() + "/dismiss", "{\"reason\": \"planned\", \"note\": \"a load test\"}",
                Set.of("note")));
        add(examples, new JsonExample("POST /api/graph/observed", "/api/graph/observed", """
                [{"from": "component:recorder-api", "to": "component:artist-lookup", "calls": 40, "errors": 1,
                  "day": "%s"}]""".formatted(now.minus(1, ChronoUnit.DAYS).atZone(ZoneOffset.UTC).toLocalDate()),
                Set.of()));
        priorities(examples);
        return examples;
    }

    /** The priorities plugin's JSON routes, on the demo backlog: a payments feature and epic, a program's theme. */
    private static void priorities(Map<String, JsonExample> examples) {
        long feature = demoItem("demo-incident-response-payments-f");
        long epic = demoItem("demo-incident-response-payments");
        add(examples, new JsonExample("POST /api/priorities/items", "/api/priorities/items", """
                {"key": "corpus-1", "title": "Made by the corpus", "level": "story", "parent": %d,
                 "owner": "payments", "horizon": "immediate", "investment": "foundation", "status": "proposed",
                 "estimateWeeks": 3, "quarter": "2027-Q1", "services": ["billing-api"],
                 "rice": {"reach": 1000, "impact": 2, "confidence": 0.8, "effort": 2},
                 "wsjf": {"businessValue": 8, "timeCriticality": 5, "riskReduction": 3, "jobSize": 2}}"""
                .formatted(feature), Set.of("key", "status", "estimateWeeks", "quarter", "services", "services[0]",
                "rice", "wsjf", BadInputCorpus.ONE_OR_MANY)));
        add(examples, new JsonExample("PATCH /api/priorities/items/{id}", "/api/priorities/items/" + epic, """
                {"title": "Edited by the corpus", "status": "ready", "estimateWeeks": 4, "quarter": "2027-Q1",
                 "reason": "the corpus decides"}""", Set.of("title", "status", "estimateWeeks", "quarter",
                "reason")));
        add(examples, new JsonExample("POST /api/priorities/items/{id}/rank", "/api/priorities/items/" + epic
                + "/rank", "{\"position\": 1, \"reason\": \"the corpus decides\"}", Set.of()));
        add(examples, new JsonExample("POST /api/priorities/items/{id}/pain", "/api/priorities/items/" + epic
                + "/pain", """
                {"team": "payments", "what": "Checkout times out", "howOften": "weekly",
                 "link": "https://tickets.example.com/SUP-881"}""", Set.of("link")));
        add(examples, new JsonExample("PUT /api/priorities/targets/{team}", "/api/priorities/targets/payments",
                "{\"immediate\": 0.6, \"foundation\": 0.4}", Set.of()));
        add(examples, new JsonExample("POST /api/priorities/proposals/{id}/accept", "/api/priorities/proposals/"
                + corpusProposal("cost-anomaly") + "/accept", """
                {"parent": %d, "title": "Corpus story", "quarter": "2027-Q1", "estimateWeeks": 2}"""
                .formatted(feature), Set.of("title", "quarter", "estimateWeeks")));
        add(examples, new JsonExample("POST /api/priorities/proposals/{id}/dismiss", "/api/priorities/proposals/"
                + corpusProposal("tier-violation") + "/dismiss", "{\"reason\": \"a planned load test\"}",
                Set.of()));
        server.vitals().database().jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO priorities.initiative_services (item_id, service, done, changed_by, changed_at)
                        VALUES (:item, 'billing-api', false, 'the corpus', now()) ON CONFLICT DO NOTHING""")
                .bind("item", epic).execute());
        String initiative = "/api/priorities/items/" + epic + "/initiative";
        add(examples, new JsonExample("PUT /api/priorities/items/{id}/initiative/services", initiative + "/services",
                "{\"services\": [\"billing-api\"]}", Set.of()));
        add(examples, new JsonExample("POST /api/priorities/items/{id}/initiative/services", initiative
                + "/services", "{\"services\": [\"billing-api\"]}", Set.of()));
        add(examples, new JsonExample("PUT /api/priorities/items/{id}/initiative/services/{service}", initiative
                + "/services/billing-api", "{\"done\": true}", Set.of()));
        add(examples, new JsonExample("PUT /api/priorities/items/{id}/initiative/rule", initiative + "/rule",
                "{\"measure\": {\"name\": \"deploys.independent\", \"atLeast\": 1}}", Set.of()));
    }

    private static long demoItem(String key) {
        return server.vitals().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT id FROM priorities.items WHERE key = :key").bind("key", key).mapTo(Long.class).one());
    }

    /** An open proposal on billing-api, as the priorities plugin raises one from a signal. */
    private static long corpusProposal(String kind) {
        return server.vitals().database().jdbi().withHandle(h -> h.createQuery("""
                        INSERT INTO priorities.proposals (subject, kind, owner, title, state, signal_plugin,
                            signal_kind, signal_status, summary, observed_at, raised_at)
                        VALUES ('component:default/billing-api', :kind, 'group:default/payments', 'Fix billing-api',
                            'open', 'cost', 'cost-anomaly', 'CRITICAL', 'spend doubled', now(), now())
                        ON CONFLICT (subject, kind) WHERE state = 'open' DO UPDATE SET title = excluded.title
                        RETURNING id""").bind("kind", kind).mapTo(Long.class).one());
    }

    /** An open anomaly of the demo's planted spikes, which the dismiss example dismisses once the corpus is done. */
    private static long openDemoAnomaly() {
        try {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            JsonNode list = JSON.readTree(server.get("/api/cost/anomalies?state=open&from=" + today.minusDays(400)
                    + "&to=" + today.plusDays(2)).body());
            return list.get("anomalies").get(0).get("id").asLong();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Routes that take no body: only their path parameters are spoiled. The path names nothing that exists. */
    private static Map<String, String> bodilessExamples() {
        Map<String, String> examples = new LinkedHashMap<>();
        examples.put("DELETE /api/admin/tokens/{id}", "/api/admin/tokens/999999");
        examples.put("DELETE /api/admin/roles/{id}", "/api/admin/roles/999999");
        examples.put("DELETE /api/admin/sessions", "/api/admin/sessions?person=nobody-from-the-corpus");
        examples.put("DELETE /api/deploys/freezes/{id}", "/api/deploys/freezes/999999");
        examples.put("POST /api/deploys/break-glass/{id}/approve", "/api/deploys/break-glass/999999/approve");
        examples.put("POST /api/deploys/integrations/{name}/rotate", "/api/deploys/integrations/no-such/rotate");
        examples.put("DELETE /api/deploys/integrations/{name}", "/api/deploys/integrations/no-such");
        examples.put("POST /admin/roles/{id}/revoke", "/admin/roles/999999/revoke");
        examples.put("POST /p/deploys/admin/integrations/{name}/rotate", "/p/deploys/admin/integrations/no-such/rotate");
        examples.put("POST /p/deploys/admin/integrations/{name}/delete", "/p/deploys/admin/integrations/no-such/delete");
        examples.put("DELETE /api/cost/rules/{name}", "/api/cost/rules/no-such-rule");
        examples.put("DELETE /api/cost/resource-rules", "/api/cost/resource-rules?prefix=no-such-prefix");
        examples.put("DELETE /api/cost/sub-account-rules/{subAccountId}", "/api/cost/sub-account-rules/no-such-sub");
        examples.put("DELETE /api/slo/slos/{name}", "/api/slo/slos/no-such-slo-from-the-corpus");
        examples.put("DELETE /api/priorities/items/{id}/initiative/services/{service}",
                "/api/priorities/items/999999/initiative/services/no-such-service");
        examples.put("DELETE /api/priorities/items/{id}/initiative/rule", "/api/priorities/items/999999/initiative/rule");
        examples.put("POST /p/slo/slos/{name}/delete", "/p/slo/slos/no-such-slo-from-the-corpus/delete");
        examples.put("POST /p/deploys/break-glass/{id}/approve", "/p/deploys/break-glass/999999/approve");
        return examples;
    }

    /** Routes that take a file: YAML, or CSV for the cost import. */
    private static Map<String, String> textExamples() {
        Map<String, String> examples = new LinkedHashMap<>();
        examples.put("POST /api/catalog/import", """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: corpus-service
                spec:
                  type: service
                  lifecycle: production
                  owner: payments
                """);
        examples.put("POST /api/slo/import", """
                apiVersion: openslo/v1
                kind: SLO
                metadata:
                  name: corpus-import
                spec:
                  service: billing-api
                  budgetingMethod: Occurrences
                  objectives:
                    - target: 0.99
                  timeWindow:
                    - duration: 28d
                      isRolling: true
                """);
        // The last header column and the first quoted value are mandatory, so the corpus's NUL and invalid UTF-8
        // land where a FOCUS file cannot do without them.
        examples.put(COST_IMPORT, """
                BillingAccountId,BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,\
                ChargeClass,ProviderName,BillingCurrency,Tags,BilledCost,EffectiveCost
                corpus-account,2024-09-01T00:00:00Z,2024-10-01T00:00:00Z,2024-09-18T00:00:00Z,2024-09-19T00:00:00Z,\
                Usage,NULL,AWS,"USD","{""service"": ""recorder-api""}",12.50,11.25
                """);
        examples.put(PRIORITIES_IMPORT, """
                key,title,level,parentKey,owner,horizon,investment,estimateWeeks,quarter,services
                corpus-csv-1,Made by the corpus,theme,,payments,immediate,foundation,,,
                corpus-csv-2,Made by the corpus too,epic,corpus-csv-1,payments,immediate,foundation,3,2027-Q1,billing-api
                """);
        return examples;
    }

    private static final String PRIORITIES_IMPORT = "POST /api/priorities/items.csv";
    private static final String COST_IMPORT = "POST /api/cost/imports";
    private static final Map<String, String> TEXT_PATHS = Map.of("POST /api/catalog/import",
            "/api/catalog/import?source=corpus", "POST /api/slo/import", "/api/slo/import",
            COST_IMPORT, "/api/cost/imports", PRIORITIES_IMPORT, "/api/priorities/items.csv");

    private static Map<String, FormExample> formExamples() {
        Map<String, FormExample> examples = new LinkedHashMap<>();
        add(examples, new FormExample("POST /catalog/edit", "/catalog/edit", fields("ref",
                "component:default/recorder-api", "title", "Recorder API", "description", "Records", "tags",
                "java, recording")));
        add(examples, new FormExample("POST /catalog/stakeholders", "/catalog/stakeholders", fields("ref",
                "program:default/availability", "team", "payments", "role", "sponsor")));
        add(examples, new FormExample("POST /admin/plugins/{id}", "/admin/plugins/no-such-plugin",
                fields("enabled", "true")));
        add(examples, new FormExample("POST /admin/catalog/sources", "/admin/catalog/sources",
                fields("location", "/nonexistent/bad-input/catalog-info.yaml")));
        add(examples, new FormExample("POST /admin/catalog/allowed-hosts", "/admin/catalog/allowed-hosts",
                fields("hosts", "catalog.example.com")));
        add(examples, new FormExample("POST /admin/sessions/end", "/admin/sessions/end",
                fields("person", "nobody-from-the-corpus")));
        add(examples, new FormExample("POST /admin/roles", "/admin/roles", fields("grantee", "corpus-form-person",
                "kind", "user", "role", "editor", "team", "payments")));
        add(examples, new FormExample("POST /p/slo/new", "/p/slo/new", fields("name", "corpus-form-slo", "service",
                "billing-api", "component", "", "objective", "99.9", "window", "28d", "method", "occurrences",
                "sliceThreshold", "", "description", "made by the corpus")));
        add(examples, new FormExample("POST /p/slo/slos/{name}/edit", "/p/slo/slos/DEMO/edit", fields("service",
                "billing-api", "component", "", "objective", "99.9", "window", "28d", "method", "occurrences",
                "sliceThreshold", "", "description", "edited by the corpus")));
        add(examples, new FormExample("POST /p/cost/anomalies/{id}/dismiss", "/p/cost/anomalies/999999/dismiss",
                fields("reason", "known", "note", "a migration")));
        add(examples, new FormExample("POST /p/cost/anomalies/teams/{team}", "/p/cost/anomalies/teams/payments",
                fields("relativePercent", "30", "floorPerDay", "80", "periods", "week", "webhook", "")));
        add(examples, new FormExample("POST /p/deploys/admin/integrations", "/p/deploys/admin/integrations",
                fields("name", "corpus-form-github", "kind", "github")));
        add(examples, new FormExample("POST /p/cost/allocation/rules", "/p/cost/allocation/rules", fields("name",
                "corpus-form-rule", "matchKind", "tag", "matchKey", "shared", "matchValue", "corpus", "split", "even",
                "among", "org", "reallocateFrom", "", "action", "preview")));
        add(examples, new FormExample("POST /p/cost/allocation/rates", "/p/cost/allocation/rates", fields("currency",
                "EUR", "month", "2024-09", "rate", "1.0852")));
        long epic = demoItem("demo-continuous-delivery-web");
        add(examples, new FormExample("POST /p/priorities/items/{id}/rank", "/p/priorities/items/" + epic + "/rank",
                fields("position", "1", "reason", "the corpus decides")));
        add(examples, new FormExample("POST /p/priorities/items/{id}/status", "/p/priorities/items/" + epic
                + "/status", fields("status", "ready", "reason", "the corpus decides")));
        // The epic's checklist holds billing-api (the JSON examples put it there).
        String initiative = "/p/priorities/items/" + epic + "/initiative";
        add(examples, new FormExample("POST /p/priorities/items/{id}/initiative/add", initiative + "/add",
                fields("services", "billing-api")));
        add(examples, new FormExample("POST /p/priorities/items/{id}/initiative/remove", initiative + "/remove",
                fields("service", "billing-api")));
        add(examples, new FormExample("POST /p/priorities/items/{id}/initiative/tick", initiative + "/tick",
                fields("service", "billing-api", "done", "true")));
        add(examples, new FormExample("POST /p/priorities/items/{id}/initiative/rule", initiative + "/rule",
                fields("measure.name", "deploys.independent", "measure.atLeast", "1")));
        add(examples, new FormExample("POST /p/priorities/items/{id}/initiative/rule/stop", initiative
                + "/rule/stop", fields()));
        add(examples, new FormExample("POST /p/priorities/proposals/{id}/accept", "/p/priorities/proposals/"
                + corpusProposal("dora-low-band") + "/accept", fields("parent", String.valueOf(
                demoItem("demo-incident-response-payments-f")), "quarter", "2027-Q1")));
        add(examples, new FormExample("POST /p/priorities/proposals/{id}/dismiss", "/p/priorities/proposals/"
                + corpusProposal("dependency-cycle") + "/dismiss", fields("reason", "not now")));
        add(examples, new FormExample("POST /p/deploys/services/{service}/break-glass",
                "/p/deploys/services/billing-api/break-glass", fields("reason", "asked by the corpus")));
        return examples;
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    private static <T> void add(Map<String, T> examples, T example) {
        String route = example instanceof JsonExample j ? j.route() : ((FormExample) example).route();
        examples.put(route, example);
    }

    // ---------------------------------------------------------------- the corpus

    @Test
    void everyBadInputIsRefusedWithA4xxNamingTheFieldAndNothingIsStored() throws Exception {
        List<Rule> rules = server.portal().routes();
        Map<String, JsonExample> json = jsonExamples();
        Map<String, String> bodiless = bodilessExamples();
        Map<String, String> text = textExamples();
        Map<String, FormExample> forms = formExamples();

        List<String> missing = new ArrayList<>();
        List<Case> corpus = new ArrayList<>();
        List<Case> bases = new ArrayList<>();
        for (Rule rule : rules) {
            String route = name(rule);
            if (rule.method() == HttpMethod.GET) {
                corpus.addAll(BadInputCorpus.query(route, concrete(rule.path())));
                continue;
            }
            if (NOT_IN_CORPUS.contains(route)) {
                continue;
            }
            if (rule.webhook()) {
                continue;
            }
            if (json.containsKey(route)) {
                JsonExample example = json.get(route);
                corpus.addAll(BadInputCorpus.json(example, Expect.REFUSED));
                corpus.addAll(pathCases(rule, example.path(), Optional.of("{}")));
                bases.add(base(route, example.path(), BadInputCorpus.JSON, example.body()));
            } else if (bodiless.containsKey(route)) {
                corpus.addAll(pathCases(rule, bodiless.get(route), Optional.empty()));
                corpus.add(new Case(route, "a JSON body it does not take", rule.method().name(), bodiless.get(route),
                        Optional.of(BadInputCorpus.JSON), BadInputCorpus.utf8("{\"x\": \"\\u0000\"}"),
                        Optional.empty(), Expect.REFUSED));
            } else if (text.containsKey(route)) {
                if (route.equals(COST_IMPORT) || route.equals(PRIORITIES_IMPORT)) {
                    // Tabs are no fault in CSV, so that YAML case would be a valid file here.
                    corpus.addAll(BadInputCorpus.text(route, TEXT_PATHS.get(route), "text/csv", text.get(route))
                            .stream().filter(c -> !c.label().equals("tabs for indentation")).toList());
                } else {
                    corpus.addAll(BadInputCorpus.text(route, TEXT_PATHS.get(route), "application/yaml",
                            text.get(route)));
                }
            } else if (forms.containsKey(route)) {
                FormExample example = forms.get(route);
                String path = example.path().replace("DEMO", demoSlo);
                FormExample concrete = new FormExample(route, path, example.fields());
                corpus.addAll(BadInputCorpus.form(concrete, formToken));
            } else {
                missing.add(route);
            }
        }
        assertEquals(List.of(), missing, "every route that takes input needs a valid example in this test, from "
                + "which the corpus derives its bad input");
        corpus.addAll(BadInputCorpus.atTheSizeLimit(json.get("POST /api/example/notes")));
        corpus.addAll(webhookCases(rules));

        long started = System.nanoTime();
        Map<String, Long> before = counts();
        long lastAudited = lastAudited();
        List<String> failures = new ArrayList<>();
        for (Case c : corpus.stream().filter(c -> c.expect() != Expect.HARMLESS).toList()) {
            judge(c, failures);
        }
        // One look at the audit log for the whole phase, not two per case: each entry names the action and its
        // subject, which is the route that wrote it.
        auditedSince(lastAudited).forEach(entry -> failures.add(entry + " | - | a refused case wrote to the audit log"));
        Map<String, Long> after = counts();
        if (!before.equals(after)) {
            failures.add("the refused cases stored something: before " + before + ", after " + after);
        }
        System.out.println("refused phase: " + (System.nanoTime() - started) / 1_000_000 + " ms");
        // The examples are right, so what the corpus spoils in them is what gets refused.
        for (Case c : bases) {
            HttpResponse<String> response = send(c);
            if (response.statusCode() >= 400 && !Set.of(404, 409, 422).contains(response.statusCode())) {
                failures.add(c.route() + " | its valid example | " + response.statusCode() + " | "
                        + BadInputCorpus.abbreviate(response.body()));
            }
        }
        // What may be taken is sent side by side: the order of those cases does not matter.
        List<String> harmless = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            senders.invokeAll(corpus.stream().filter(c -> c.expect() == Expect.HARMLESS)
                    .map(c -> (java.util.concurrent.Callable<Void>) () -> {
                        judge(c, harmless);
                        return null;
                    }).toList());
        } finally {
            senders.shutdown();
        }
        failures.addAll(harmless);
        System.out.println("both phases: " + (System.nanoTime() - started) / 1_000_000 + " ms");
        System.out.println("Bad-input corpus: " + corpus.size() + " cases over " + rules.size() + " routes ("
                + corpus.stream().filter(c -> c.expect() != Expect.HARMLESS).count() + " that must be refused)");
        Map<String, Long> perRoute = new TreeMap<>(corpus.stream().collect(Collectors.groupingBy(Case::route,
                Collectors.counting())));
        perRoute.forEach((route, n) -> System.out.println("  " + n + "\t" + route));
        assertTrue(failures.isEmpty(), failures.size() + " of " + corpus.size() + " cases broke the rules:\n"
                + String.join("\n", failures));
        assertTrue(corpus.size() >= 500, "the corpus has " + corpus.size() + " cases");
    }

    private static Case base(String route, String path, String contentType, String body) {
        return new Case(route, "its valid example", route.substring(0, route.indexOf(' ')), path,
                Optional.of(contentType), BadInputCorpus.utf8(body), Optional.empty(), Expect.HARMLESS);
    }

    /** Every path parameter of the route spoiled in turn; the body, if any, is an empty object. */
    private static List<Case> pathCases(Rule rule, String path, Optional<String> body) {
        List<Case> cases = new ArrayList<>();
        String[] pattern = rule.path().split("/");
        String[] concrete = path.split("/");
        for (int i = 0; i < pattern.length; i++) {
            if (!pattern[i].matches("\\{.+}|<.+>")) {
                continue;
            }
            for (String value : BadInputCorpus.PATH_VALUES) {
                String[] spoiled = concrete.clone();
                spoiled[i] = value;
                cases.add(new Case(name(rule), pattern[i] + " = " + BadInputCorpus.abbreviate(value),
                        rule.method().name(), String.join("/", spoiled), body.map(b -> BadInputCorpus.JSON),
                        BadInputCorpus.utf8(body.orElse("")), Optional.empty(),
                        BadInputCorpus.PATHS_JETTY_REFUSES.contains(value) ? Expect.REFUSED_BY_JETTY
                                : Expect.REFUSED));
            }
        }
        return cases;
    }

    /** The signed webhooks: signed right, so that the body is read, not just the signature. */
    private static List<Case> webhookCases(List<Rule> rules) throws IOException {
        List<Case> cases = new ArrayList<>();
        String github = Files.readString(Samples.path("github/deployment_status/payload.json"));
        String pagerDuty = Files.readString(Samples.path("incidents/pagerduty-v3/triggered_v3.json"));
        for (Rule rule : rules.stream().filter(Rule::webhook).toList()) {
            String route = name(rule);
            JsonExample example = switch (route) {
                case "POST /api/deploys/webhooks/github" -> new JsonExample(route, rule.path(), github, Set.of(), 1);
                case "POST /api/deploys/webhooks/pagerduty" -> new JsonExample(route, rule.path(), pagerDuty,
                        Set.of(), 3);
                default -> throw new AssertionError(route + " is a webhook without an example in this test");
            };
            // A sender's payload has many fields the portal does not read: spoiling one is not always a mistake.
            // and a sender's event the portal has no use for is taken and ignored, as senders retry refusals.
            cases.addAll(BadInputCorpus.json(example, Expect.HARMLESS).stream()
                    .map(c -> c.field().isPresent() || c.label().equals("empty object") ? c.withExpect(Expect.HARMLESS)
                            : c).toList());
        }
        return cases;
    }

    // ---------------------------------------------------------------- sending and judging

    private static HttpResponse<String> send(Case c) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.portal().port()
                + c.path())).method(c.method(), c.body().length == 0 && c.contentType().isEmpty()
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        c.contentType().ifPresent(type -> request.header("Content-Type", type));
        if (c.path().startsWith("/api/")) {
            request.header("Accept", "application/json");
            if (c.route().contains("/webhooks/github")) {
                request.header("X-GitHub-Event", "deployment_status")
                        .header("X-Hub-Signature-256", new WebhookSignature(Optional.of(GITHUB_SECRET)).sign(c.body()));
            } else if (c.route().contains("/webhooks/pagerduty")) {
                request.header("X-PagerDuty-Signature",
                        new PagerDutySignature(Optional.of(PAGERDUTY_SECRET)).sign(c.body()));
            } else {
                request.header("Authorization", "Bearer " + TestServer.ADMIN_TOKEN);
            }
        } else {
            // Pages and forms as a browser sends them: the session cookie, and the form token in the form.
            request.header("Accept", "text/html").header("Cookie", session);
        }
        return server.send(request);
    }

    /**
     * Jetty answers a path it cannot decode with a bare 400 and closes the connection; the client may already have
     * picked that connection for the next case, which then fails without reaching the portal. Such a case is sent once
     * more; a second silence is a failure.
     */
    private static HttpResponse<String> sendOnALiveConnection(Case c) {
        try {
            return send(c);
        } catch (java.io.UncheckedIOException e) {
            return send(c);
        }
    }

    private static void judge(Case c, List<String> failures) {
        try {
            check(c, sendOnALiveConnection(c), failures);
        } catch (java.io.UncheckedIOException e) {
            failures.add(c.route() + " | " + c.label() + " | no answer | " + e.getMessage());
        }
    }

    private static void check(Case c, HttpResponse<String> response, List<String> failures) {
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        String body = response.body().replaceAll("\\s+", " ");
        String shown = body.contains("\"errors\"") ? body.substring(body.indexOf("\"errors\"")) : body;
        Function<String, String> fail = why -> c.route() + " | " + c.label() + " | " + status + " | " + why + " | "
                + (shown.length() > 160 ? shown.substring(0, 157) + "..." : shown);
        if (status >= 500) {
            failures.add(fail.apply("a server error"));
            return;
        }
        if (c.expect() == Expect.REFUSED_BY_JETTY) {
            if (status < 400) {
                failures.add(fail.apply("accepted"));
            }
            return;
        }
        boolean api = c.path().startsWith("/api/");
        if (status >= 400 && api && !type.startsWith("application/problem+json")) {
            failures.add(fail.apply("not a problem document but " + type));
            return;
        }
        if (c.expect() == Expect.HARMLESS) {
            return;
        }
        if (status < 400) {
            failures.add(fail.apply("accepted"));
            return;
        }
        if (api && c.field().isPresent() && status != 413 && !namesField(response.body(), c.field().get())) {
            failures.add(fail.apply("does not name " + c.field().get()));
        }
    }

    /** The problem's field list names the spoiled field, by its path or its own name. */
    private static boolean namesField(String body, String field) {
        try {
            JsonNode errors = JSON.readTree(body).path("errors");
            String leaf = field.replaceAll("(\\[\\d+])+$", "").replaceAll(".*[.\\]]", "");
            for (JsonNode error : errors) {
                String named = error.path("field").asText();
                if (named.contains(leaf)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static long lastAudited() {
        return server.vitals().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT coalesce(max(id), 0) FROM core.audit_log").mapTo(Long.class).one());
    }

    /** The audit log's entries after the one given, each as its action, subject and actor. */
    private static List<String> auditedSince(long id) {
        return server.vitals().database().jdbi().withHandle(h -> h.createQuery("""
                        SELECT action || ' ' || subject || ' by ' || actor FROM core.audit_log WHERE id > :id ORDER BY id""")
                .bind("id", id).mapTo(String.class).list());
    }

    private static Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        server.vitals().database().jdbi().useHandle(h -> {
            for (String table : WATCHED) {
                counts.put(table, h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
            }
        });
        return counts;
    }

    private static String concrete(String path) {
        return path.replace("<key>", "recorder-api").replaceAll("\\{kind}", "component")
                .replaceAll("\\{name}", demoSlo).replaceAll("\\{[^}]+}|<[^>]+>", "1");
    }

    private static String name(Rule rule) {
        return rule.method() + " " + rule.path();
    }
}
