package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.api.PluginContext;
import dev.vitals.api.SignalStatus;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.EntityRef;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.core.audit.AuditLog.AuditEntry;
import dev.vitals.core.testing.TestPlugins;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The catalog's API and pages over HTTP, on the demo organisation plus a plugin that publishes signals. */
class CatalogWebTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;

    /** Publishes one critical and one warning signal, so the grid and the counts have something to show. */
    static final class Signaller implements VitalsPlugin {
        @Override
        public RunningPlugin create(PluginContext context) {
            context.signals().publish(EntityRef.of("component", "recorder-api"), "error-budget", SignalStatus.CRITICAL,
                    "budget spent", OptionalDouble.of(-0.2), Optional.empty());
            context.signals().publish(EntityRef.of("component", "auth-service"), "error-budget", SignalStatus.WARN,
                    "30 % of the budget left", OptionalDouble.of(0.3), Optional.empty());
            context.signals().publish(EntityRef.of("component", "recorder-api"), "latency", SignalStatus.OK,
                    "p99 210 ms", OptionalDouble.of(210), Optional.empty());
            return new RunningPlugin() { };
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(TestPlugins.of().with("calm", Signaller::new).source(), Map.of("VITALS_DEMO", "true"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void servicesFilterByOwnerAndPageWithATotal() throws Exception {
        JsonNode page = json(server.get("/api/catalog/services?owner=recording&size=2&page=2"));
        assertEquals(5, page.get("total").asInt());
        assertEquals(2, page.get("page").asInt());
        assertEquals(List.of("thumbnailer", "transcoder"), names(page));
        JsonNode tagged = json(server.get("/api/catalog/services?tag=ml&lifecycle=production"));
        assertEquals(List.of("fraud-check", "recommendations"), names(tagged));
        JsonNode text = json(server.get("/api/catalog/services?text=GATEWAY&system=media"));
        assertEquals(List.of("upload-gateway"), names(text));
    }

    @Test
    void aServiceComesWithItsRelationsBothWays() throws Exception {
        JsonNode detail = json(server.get("/api/catalog/services/recorder-api"));
        assertEquals("group:default/recording", detail.get("entity").get("owner").asText());
        List<String> relations = new java.util.ArrayList<>();
        detail.get("relations").forEach(r -> relations.add(r.get("type").asText() + " " + r.get("ref").asText()));
        assertTrue(relations.contains("dependsOn component:default/auth-service"), relations.toString());
        assertTrue(relations.contains("dependencyOf component:default/public-api-gateway"), relations.toString());
        assertTrue(relations.contains("includedIn availabilitycomponent:default/web-recording"), relations.toString());
        assertTrue(relations.contains("inScopeOf program:default/availability"), relations.toString());
    }

    @Test
    void everyCollectionHasAListAndADetail() {
        for (String path : List.of("/api/catalog/teams/recording", "/api/catalog/systems/media",
                "/api/catalog/components/web-recording", "/api/catalog/programs/availability")) {
            assertEquals(200, server.get(path).statusCode(), path);
        }
        HttpResponse<String> missing = server.get("/api/catalog/services/no-such-service");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("no service 'no-such-service' in the catalog"));
    }

    @Test
    void postedYamlWithAnInvalidEntityIsRefusedWhole() throws Exception {
        HttpResponse<String> response = server.asAdmin("POST", "/api/catalog/import?source=broken", """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata: {name: would-be-new}
                spec: {type: service, lifecycle: production, owner: web}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata: {name: missing-lifecycle}
                spec: {type: service, owner: web}
                """);
        assertEquals(422, response.statusCode());
        JsonNode problem = json(response);
        assertEquals("api:broken document 1 spec.lifecycle", problem.get("errors").get(0).get("field").asText());
        assertEquals(404, server.get("/api/catalog/services/would-be-new").statusCode(), "nothing was written");
    }

    @Test
    void anExportedEntityImportsBackUnchanged() throws Exception {
        HttpResponse<String> yaml = server.get("/api/catalog/export?ref=component:default/billing-api");
        assertEquals(200, yaml.statusCode());
        assertTrue(yaml.headers().firstValue("Content-Type").orElseThrow().startsWith("application/yaml"));
        String renamed = yaml.body().replace("name: billing-api", "name: billing-api-copy");
        JsonNode report = json(server.asAdmin("POST", "/api/catalog/import?source=copy", renamed));
        assertEquals(1, report.get("created").asInt());
        JsonNode copy = json(server.get("/api/catalog/services/billing-api-copy"));
        assertEquals("group:default/payments", copy.get("entity").get("owner").asText());
        JsonNode again = json(server.asAdmin("POST", "/api/catalog/import?source=copy", renamed));
        assertEquals(List.of(0, 0, 1), List.of(again.get("created").asInt(), again.get("updated").asInt(),
                again.get("unchanged").asInt()), "resubmitting the same YAML changes nothing");
    }

    @Test
    void importingNeedsAnAdmin() {
        HttpResponse<String> anonymous = server.send(HttpRequest.newBuilder(server.uri("/api/catalog/import"))
                .POST(HttpRequest.BodyPublishers.ofString("")));
        assertEquals(401, anonymous.statusCode());
    }

    @Test
    void signalsOfASubjectAreListed() throws Exception {
        JsonNode signals = json(server.get("/api/signals?subject=component:default/recorder-api")).get("signals");
        assertEquals(2, signals.size());
        assertEquals(400, server.get("/api/signals").statusCode());
    }

    @Test
    void theHomeGridCountsAndFiltersAndGroups() {
        String all = server.getPage("/").body();
        assertTrue(all.contains("<strong>1</strong> <span>critical</span>"), all);
        assertTrue(all.contains("<strong>1</strong> <span>warnings</span>"));
        assertTrue(all.contains("status-critical") && all.contains("href=\"/services/recorder-api\""));
        String recording = server.getPage("/?team=group:default/recording").body();
        assertTrue(recording.contains("/services/recorder-api") && !recording.contains("/services/auth-service\""));
        assertTrue(recording.contains("<strong>0</strong> <span>warnings</span>"), "counts follow the filter");
        String program = server.getPage("/?program=program:default/incident-response").body();
        assertTrue(program.contains("/services/billing-api") && !program.contains("/services/recorder-api\""));
        String grouped = server.getPage("/?group=team").body();
        assertTrue(grouped.contains("<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"4\">recording</th></tr>"), grouped);
    }

    /** The services of a grid page, in the order shown. */
    private static List<String> gridOrder(String page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<th scope=\"row\"><a href=\"/services/([^\"]+)\"")
                .matcher(page);
        List<String> shown = new java.util.ArrayList<>();
        while (m.find()) {
            shown.add(m.group(1));
        }
        return shown;
    }

    @Test
    void theHomeGridListsTheWorstFirstWithItsReasonInWords() {
        String page = server.getPage("/").body();
        List<String> order = gridOrder(page);

        assertEquals(List.of("recorder-api", "auth-service"), order.subList(0, 2), "critical, then warning: " + order);
        List<String> rest = order.subList(2, order.size());
        assertEquals(rest.stream().sorted(java.util.Comparator.comparing(s -> s.toLowerCase(java.util.Locale.ROOT)))
                .toList(), rest, "the services no plugin judged follow by name");
        assertTrue(page.contains("<td class=\"reason\"><span class=\"visually-hidden\">Calm: </span>budget spent</td>")
                || page.contains("</span>error-budget: budget spent; latency: p99 210 ms</td>"), page);
        assertTrue(page.contains("30 % of the budget left</td>"), "the warning's reason is on the page, not in a tooltip");
    }

    @Test
    void theTotalsCountServicesAndKindsAndAreLinksThatFilterTheGrid() {
        String page = server.getPage("/").body();
        assertTrue(page.contains("<a href=\"/?status=critical\"><strong>1</strong> <span>critical</span></a>"), page);
        assertTrue(page.contains("<a href=\"/?status=warn\"><strong>1</strong> <span>warnings</span></a>"), page);
        assertTrue(page.contains("<a href=\"/?kind=error-budget\"><strong>2</strong> <span>error-budget</span></a>"),
                "recorder-api's spent budget and auth-service's low one: " + page);

        assertEquals(List.of("recorder-api"), gridOrder(server.getPage("/?status=critical").body()));
        assertEquals(List.of("recorder-api", "auth-service"), gridOrder(server.getPage("/?kind=error-budget").body()));
        String latency = server.getPage("/?kind=latency").body();
        assertEquals(List.of(), gridOrder(latency), "recorder-api's latency signal is OK: it warns about nothing");
        String team = server.getPage("/?team=recording&status=critical").body();
        assertTrue(team.contains("<a href=\"/?team=recording&amp;status=warn\"><strong>0</strong> <span>warnings"
                + "</span></a>"), "the totals keep the other filters: " + team);
    }

    @Test
    void filterLinksTakeShortKeysAndFullReferencesAlike() {
        List<String> byKey = gridOrder(server.getPage("/?team=recording").body());
        List<String> byRef = gridOrder(server.getPage("/?team=group:default/recording").body());

        assertTrue(byKey.contains("recorder-api") && !byKey.contains("auth-service"), byKey.toString());
        assertEquals(byKey, byRef);
        assertTrue(server.getPage("/?team=group:default/recording").body()
                .contains("<option value=\"recording\" selected>"), "the list offers and selects short keys");
    }

    @Test
    void aBadFilterValueShowsTheGridAgainWithTheFieldMarked() {
        HttpResponse<String> page = server.getPage("/?team=nobody&status=awful");

        assertEquals(200, page.statusCode());
        String body = page.body();
        assertTrue(body.contains("<select name=\"team\" aria-invalid=\"true\" aria-describedby=\"team-error\">"), body);
        assertTrue(body.contains("<span class=\"field-error\" id=\"team-error\">There is no team &#39;nobody&#39; in "
                + "the catalog: pick one from the list.</span>") || body.contains("id=\"team-error\">There is no team 'nobody'"),
                body);
        assertTrue(body.contains("id=\"status-error\">&#39;awful&#39; is no status")
                || body.contains("id=\"status-error\">'awful' is no status"), body);
        assertTrue(body.contains("<nav id=\"main-nav\" aria-label=\"Main\">"), "the whole page, navigation and all");
        assertTrue(gridOrder(body).containsAll(List.of("recorder-api", "auth-service")), "the bad filter is not applied");
    }

    @Test
    void teamsAndProgramsListTheHealthOfTheirServices() {
        String teams = server.getPage("/teams").body();
        assertTrue(teams.contains("status-critical\" href=\"/services/recorder-api\"><span class=\"dot\" "
                + "aria-hidden=\"true\"></span>Critical</a> <span class=\"status-reason\">recorder-api: budget spent</span>"),
                "recording owns recorder-api: " + teams);
        assertTrue(teams.contains("<span class=\"status-reason\">auth-service: 30 % of the budget left</span>"), teams);
        assertFalse(teams.contains(">—<"), "no dash for a team without signals");

        String programs = server.getPage("/programs").body();
        assertTrue(programs.contains("<span class=\"status-reason\">recorder-api: budget spent (2 of 2 services need "
                + "attention)</span>"), "availability has recorder-api and auth-service in scope: " + programs);
    }

    @Test
    void aTeamPageNamesItsContactsAndWhatChangedSinceLastMonth() {
        String team = server.getPage("/teams/recording").body();

        assertTrue(team.contains("<li>Lead: <a href=\"/catalog/user/ana.silva\">Ana Silva</a></li>"), team);
        assertTrue(team.contains("<li>Chat: #team-recording</li>"), team);
        assertTrue(team.contains("<a href=\"https://oncall.example.com/schedules/recording\" rel=\"noopener noreferrer\">"
                + "Who is on call</a>"), team);
        assertTrue(team.contains("mailto:recording@example.com"), team);
        assertTrue(team.contains("<h2 id=\"change-heading\">Since last month</h2>"), team);
        assertTrue(team.contains("<a href=\"/services/recorder-api\">recorder-api</a></th>") && team.contains("↓ worse"),
                "recorder-api had no signal a month ago and is critical now: " + team);
    }

    @Test
    void aProgramPageNamesTheTeamsToInvolveAndAddsOneInOneClick() {
        String before = server.getPage("/programs/availability").body();
        assertTrue(before.contains("<h2 id=\"missing-heading\">Teams to involve</h2>"), before);
        assertTrue(before.contains("<button type=\"submit\">Add identity as a stakeholder</button>"), before);
        assertTrue(before.contains("<small>Talk to:</small>") && before.contains("Eli Haddad"),
                "auth-service is failing: its owner's lead is named: " + before);
        assertFalse(before.contains("<h2>Availability <small>"), "no plugin id beside a panel's heading");

        HttpResponse<String> added = server.send(HttpRequest.newBuilder(server.uri("/catalog/stakeholders"))
                .header("Authorization", "Bearer " + TestServer.ADMIN_TOKEN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("ref=program%3Adefault%2Favailability"
                        + "&team=platform&role=Engineering&team=recording&role=Engineering"
                        + "&team=web&role=Customer+Experience&team=group%3Adefault%2Fidentity&role=Engineering")));
        assertEquals(303, added.statusCode(), added.body());

        String after = server.getPage("/programs/availability").body();
        assertFalse(after.contains("Add identity as a stakeholder"), after);
        assertTrue(after.contains("value=\"group:default/identity\"") || after.contains("value=\"identity\""), after);
    }

    @Test
    void everyPageOfTheDemoOrganisationRendersAndLinksOnward() {
        for (String path : List.of("/", "/services", "/services?owner=group:default/web&text=api", "/teams", "/programs",
                "/systems", "/components", "/services/recorder-api", "/teams/recording", "/programs/availability",
                "/systems/media", "/components/web-recording", "/catalog/user/ana.silva", "/services/recorder-api?tab=overview")) {
            HttpResponse<String> page = server.getPage(path);
            assertEquals(200, page.statusCode(), path);
        }
        String team = server.getPage("/teams/recording").body();
        assertTrue(team.contains("href=\"/services/transcoder\"") && team.contains("Members"));
        assertTrue(team.contains("<strong>50</strong> / 100"),
                "recorder-api has a critical (0) and an OK (100) signal; the team's other services none: mean 50");
    }

    @Test
    void entityTextWithMarkupRendersAsInertTextOnEveryPage() {
        String payload = "<script>alert(1)</script>\" onmouseover=\"alert(2)\" hx-get=\"/admin/plugins\" hx-trigger=\"load";
        HttpResponse<String> imported = server.asAdmin("POST", "/api/catalog/import?source=hostile", """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: hostile
                  title: '%s'
                  description: '%s'
                spec: {type: service, lifecycle: production, owner: recording}
                """.formatted(payload.replace("'", "''"), payload.replace("'", "''")));
        assertEquals(200, imported.statusCode(), imported.body());
        for (String path : List.of("/", "/services", "/services/hostile", "/teams/recording", "/catalog/edit?ref=component:default/hostile")) {
            String body = server.send(HttpRequest.newBuilder(server.uri(path)).header("Accept", "text/html")
                    .header("Authorization", "Bearer " + TestServer.ADMIN_TOKEN)).body();
            assertFalse(body.contains("<script>alert(1)"), path + " lets a script through");
            // Every '<' of the payload is escaped, so a match here would be an attribute inside a real tag.
            assertFalse(java.util.regex.Pattern.compile("<[^<>]*\\sonmouseover=").matcher(body).find(),
                    path + " lets an attribute through");
            assertFalse(java.util.regex.Pattern.compile("<[^<>]*\\shx-get=\"/admin/plugins").matcher(body).find(),
                    path + " lets an htmx attribute through");
            assertTrue(body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), path + " shows the text");
        }
    }

    @Test
    void anEditIsSavedAndAudited() {
        HttpResponse<String> saved = server.send(HttpRequest.newBuilder(server.uri("/catalog/edit"))
                .header("Authorization", "Bearer " + TestServer.ADMIN_TOKEN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("ref=component%3Adefault%2Ftax-rates&title=Tax+rates"
                        + "&description=Rates+per+country&tags=java%2C+finance")));
        assertEquals(303, saved.statusCode(), saved.body());
        String page = server.getPage("/services/tax-rates").body();
        assertTrue(page.contains("<title>Tax rates · Vitals</title>") && page.contains("Rates per country")
                && page.contains(">finance</a>"));
        AuditEntry entry = server.vitals().audit().recent(10).stream()
                .filter(e -> e.action().equals("catalog.edit")).findFirst().orElseThrow();
        assertEquals("component:default/tax-rates", entry.subject());
        assertTrue(entry.before().orElseThrow().contains("\"description\": \"Tax rates service of the Payments team\""));
        assertTrue(entry.after().orElseThrow().contains("\"description\": \"Rates per country\""));
    }

    @Test
    void aSaveIsConfirmedOnceOnThePageItLeadsTo() {
        HttpResponse<String> saved = server.send(HttpRequest.newBuilder(server.uri("/catalog/edit"))
                .header("Authorization", "Bearer " + TestServer.ADMIN_TOKEN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("ref=component%3Adefault%2Fsearch-api&title=Search+API")));
        assertEquals(303, saved.statusCode(), saved.body());
        String cookie = saved.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("vitals-flash="))
                .findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Max-Age=120"),
                cookie);

        HttpResponse<String> next = server.send(HttpRequest.newBuilder(server.uri("/services/search-api"))
                .header("Authorization", "Bearer " + TestServer.ADMIN_TOKEN).header("Accept", "text/html")
                .header("Cookie", cookie.substring(0, cookie.indexOf(';'))));

        assertTrue(next.body().contains("<p class=\"flash\" role=\"status\">Saved the title, description and tags "
                + "of search-api.</p>"), next.body());
        assertTrue(next.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("vitals-flash=;")
                && c.contains("Max-Age=0")), "shown once: the page clears it");
        assertFalse(server.getPage("/services/search-api").body().contains("class=\"flash\""));
    }

    @Test
    void aConfirmationCookieNoRouteWroteShowsNothing() {
        HttpResponse<String> page = server.send(HttpRequest.newBuilder(server.uri("/services"))
                .header("Authorization", "Bearer " + TestServer.ADMIN_TOKEN).header("Accept", "text/html")
                .header("Cookie", "vitals-flash=%%%not-base64"));

        assertEquals(200, page.statusCode());
        assertFalse(page.body().contains("class=\"flash\""));
    }

    @Test
    void anInvalidEditNamesTheFieldAndKeepsTheEntity() {
        HttpResponse<String> refused = server.send(HttpRequest.newBuilder(server.uri("/catalog/edit"))
                .header("Authorization", "Bearer " + TestServer.ADMIN_TOKEN).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("ref=component%3Adefault%2Fspellcheck&title=x&tags=Not+Valid")));
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("tags[0]") && refused.body().contains("is not a valid tag"));
        assertFalse(server.getPage("/services/spellcheck").body().contains("<title>x · Vitals</title>"));
    }

    @Test
    void programStakeholdersAreEditedAndTheirTeamsChecked() throws Exception {
        HttpResponse<String> saved = server.send(HttpRequest.newBuilder(server.uri("/catalog/stakeholders"))
                .header("Authorization", "Bearer " + TestServer.ADMIN_TOKEN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("ref=program%3Adefault%2Fcost-optimization"
                        + "&team=data&role=Engineering&team=group%3Adefault%2Fsearch&role=Product")));
        assertEquals(303, saved.statusCode(), saved.body());
        JsonNode program = json(server.get("/api/catalog/programs/cost-optimization"));
        List<String> stakeholders = new java.util.ArrayList<>();
        program.get("relations").forEach(r -> {
            if (r.get("type").asText().equals("hasStakeholder")) {
                stakeholders.add(r.get("ref").asText());
            }
        });
        assertEquals(List.of("group:default/data", "group:default/search"), stakeholders.stream().sorted().toList());
        HttpResponse<String> unknownTeam = server.send(HttpRequest.newBuilder(server.uri("/catalog/stakeholders"))
                .header("Authorization", "Bearer " + TestServer.ADMIN_TOKEN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("ref=program%3Adefault%2Fcost-optimization&team=nobody&role=Legal")));
        assertEquals(422, unknownTeam.statusCode());
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new java.util.ArrayList<>();
        page.get("items").forEach(i -> names.add(i.get("name").asText()));
        return names;
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
