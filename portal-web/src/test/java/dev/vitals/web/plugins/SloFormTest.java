package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.plugins.slo.SloPlugin;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SLO forms over HTTP, without JavaScript, behind a trusted proxy: pat edits for team Payments (billing-api),
 * rita for team Recording, vera only views.
 */
class SloFormTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestPlugins.of().with("slo", SloPlugin::new).source(), Map.of("VITALS_DEMO", "true",
                "VITALS_AUTH", "proxy", "VITALS_PROXY_ADDRESSES", "127.0.0.1,::1"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpRequest.Builder as(String user, String groups, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).header("X-Forwarded-User", user)
                .header("Accept", "text/html");
        return groups.isEmpty() ? request : request.header("X-Forwarded-Groups", groups);
    }

    private static HttpResponse<String> page(String user, String groups, String path) {
        return server.send(as(user, groups, path).GET());
    }

    private static HttpResponse<String> submit(String user, String groups, String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return server.send(as(user, groups, path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static JsonNode slo(String name) throws Exception {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/api/slo/slos/" + name))
                .header("X-Forwarded-User", "vera"));
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static Map<String, String> checkout(String name) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("service", "billing-api");
        form.put("component", "");
        form.put("objective", "99.9");
        form.put("window", "28d");
        form.put("method", "occurrences");
        form.put("sliceThreshold", "");
        form.put("description", "Checkout requests that succeed");
        return form;
    }

    @Test
    void anEditorCreatesAnSloThroughTheFormAndIsSentToIt() throws Exception {
        HttpResponse<String> blank = page("pat", "team-payments", "/p/slo/new?service=billing-api");
        assertEquals(200, blank.statusCode(), blank.body());
        assertTrue(blank.body().contains("<label for=\"objective\">Objective (%)</label>"), blank.body());
        assertTrue(blank.body().contains("value=\"billing-api\""), "the service it was opened from is filled in");

        HttpResponse<String> created = submit("pat", "team-payments", "/p/slo/new", checkout("checkout-success"));

        assertEquals(303, created.statusCode(), created.body());
        assertEquals("/p/slo/slos/checkout-success", created.headers().firstValue("Location").orElseThrow());
        JsonNode slo = slo("checkout-success");
        assertEquals(0.999, slo.get("objective").asDouble());
        assertEquals("28d", slo.get("window").asText());
        assertEquals("payments", slo.get("team").asText());
        assertEquals("Checkout requests that succeed", slo.get("description").asText());
    }

    @Test
    void anEditorChangesAnSloThroughTheEditFormThatShowsItsValues() throws Exception {
        assertEquals(303, submit("pat", "team-payments", "/p/slo/new", checkout("checkout-latency")).statusCode());
        String detail = page("pat", "team-payments", "/p/slo/slos/checkout-latency").body();
        assertTrue(detail.contains("href=\"/p/slo/slos/checkout-latency/edit\""), "the owner's editor sees Edit");
        HttpResponse<String> edit = page("pat", "team-payments", "/p/slo/slos/checkout-latency/edit");
        assertEquals(200, edit.statusCode(), edit.body());
        assertTrue(edit.body().contains("value=\"99.9\""), "the objective as a percentage: " + edit.body());
        assertTrue(edit.body().contains("<option value=\"28d\" selected>"), edit.body());

        Map<String, String> form = checkout("checkout-latency");
        form.remove("name");
        form.put("objective", "99.5");
        form.put("window", "month");
        form.put("method", "timeslices");
        form.put("sliceThreshold", "300");
        HttpResponse<String> saved = submit("pat", "team-payments", "/p/slo/slos/checkout-latency/edit", form);

        assertEquals(303, saved.statusCode(), saved.body());
        assertEquals("/p/slo/slos/checkout-latency", saved.headers().firstValue("Location").orElseThrow());
        JsonNode slo = slo("checkout-latency");
        assertEquals(0.995, slo.get("objective").asDouble());
        assertEquals("month", slo.get("window").asText());
        assertEquals("timeslices", slo.get("method").asText());
        assertEquals(300, slo.get("sliceThreshold").asDouble());
    }

    @Test
    void aFormWithMistakesComesBackWithEachMistakeBesideItsFieldAndTheTypedValues() throws Exception {
        Map<String, String> form = checkout("Checkout Errors");
        form.put("objective", "150");
        form.put("method", "timeslices");
        form.put("sliceThreshold", "fast");

        HttpResponse<String> refused = submit("pat", "team-payments", "/p/slo/new", form);

        assertEquals(422, refused.statusCode(), refused.body());
        String body = refused.body();
        assertTrue(body.contains("value=\"Checkout Errors\""), "the typed name is kept");
        assertTrue(body.contains("value=\"150\"") && body.contains("value=\"fast\""), "the typed numbers are kept");
        assertTrue(body.contains("Checkout requests that succeed"), "the description is kept");
        assertTrue(body.contains("id=\"name-error\">is required: 1 to 100 lower case letters"), body);
        assertTrue(body.contains("id=\"objective-error\">must be a percentage between 0 and 100 exclusive, e.g. 99.9, "
                + "got '150'"), body);
        assertTrue(body.contains("id=\"sliceThreshold-error\">must be a number such as 300, got 'fast'"), body);
        assertTrue(body.contains("aria-describedby=\"objective-error\""), "the field points at its error");
        assertTrue(body.contains("<option value=\"timeslices\" selected>"), body);
        assertFalse(body.contains("id=\"window-error\""), "a right field has no error");

        HttpResponse<String> taken = submit("pat", "team-payments", "/p/slo/new", checkout("checkout-taken"));
        assertEquals(303, taken.statusCode());
        HttpResponse<String> again = submit("pat", "team-payments", "/p/slo/new", checkout("checkout-taken"));
        assertEquals(409, again.statusCode(), again.body());
        assertTrue(again.body().contains("id=\"name-error\">is taken by another SLO"), again.body());
    }

    @Test
    void aViewerSeesNoEditControlsAndIsRefusedTheForms() {
        assertEquals(303, submit("pat", "team-payments", "/p/slo/new", checkout("checkout-viewed")).statusCode());
        String overview = page("vera", "", "/p/slo/").body();
        assertFalse(overview.contains("href=\"/p/slo/new\""), overview);
        String detail = page("vera", "", "/p/slo/slos/checkout-viewed").body();
        assertFalse(detail.contains("/edit\""), detail);

        assertEquals(403, page("vera", "", "/p/slo/new").statusCode());
        assertEquals(403, page("vera", "", "/p/slo/slos/checkout-viewed/edit").statusCode());
        assertEquals(403, submit("vera", "", "/p/slo/new", checkout("by-a-viewer")).statusCode());
        assertEquals(403, submit("vera", "", "/p/slo/slos/checkout-viewed/edit", checkout("checkout-viewed"))
                .statusCode());
        assertTrue(page("pat", "team-payments", "/p/slo/").body().contains("href=\"/p/slo/new\""), "editors see New");
    }

    @Test
    void anotherTeamsEditorIsRefusedTheSloOfAServiceTheyDoNotOwn() throws Exception {
        assertEquals(303, submit("pat", "team-payments", "/p/slo/new", checkout("checkout-owned")).statusCode());

        assertFalse(page("rita", "team-recording", "/p/slo/slos/checkout-owned").body().contains("/edit\""));
        assertEquals(403, page("rita", "team-recording", "/p/slo/slos/checkout-owned/edit").statusCode());
        Map<String, String> change = checkout("checkout-owned");
        change.put("objective", "90");
        HttpResponse<String> edit = submit("rita", "team-recording", "/p/slo/slos/checkout-owned/edit", change);
        assertEquals(403, edit.statusCode(), edit.body());
        change.put("service", "recorder-api");
        assertEquals(403, submit("rita", "team-recording", "/p/slo/slos/checkout-owned/edit", change).statusCode(),
                "moving another team's SLO to one's own service needs the right to edit it first");
        assertEquals(403, submit("rita", "team-recording", "/p/slo/new", checkout("not-theirs")).statusCode());
        assertEquals(0.999, slo("checkout-owned").get("objective").asDouble(), "nothing changed");
        assertEquals(404, server.send(HttpRequest.newBuilder(server.uri("/api/slo/slos/not-theirs"))
                .header("X-Forwarded-User", "vera")).statusCode());
    }
}
