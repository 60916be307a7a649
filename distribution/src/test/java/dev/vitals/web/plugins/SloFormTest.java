package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.plugins.slo.SloPlugin;
import dev.vitals.web.browser.Browser;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SLO forms over HTTP, without JavaScript, and in headless Chromium, behind a trusted proxy: pat edits for team
 * Payments (billing-api), rita for team Recording, vera only views.
 */
class SloFormTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;

    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static Browser browser;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestPlugins.of().with("slo", SloPlugin::new).source(), Map.of("VITALS_DEMO", "true",
                "VITALS_AUTH", "proxy", "VITALS_PROXY_ADDRESSES", "127.0.0.1,::1"));
        browser = Browser.launch();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
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

    @Test
    void aPercentageTypedInTheFormIsShownAsTypedAndGivenExactlyByTheApi() throws Exception {
        Map<String, String> form = checkout("checkout-exact");
        form.put("objective", "99.95");
        assertEquals(303, submit("pat", "team-payments", "/p/slo/new", form).statusCode());

        String detail = page("pat", "team-payments", "/p/slo/slos/checkout-exact").body();
        HttpResponse<String> api = server.send(HttpRequest.newBuilder(server.uri("/api/slo/slos/checkout-exact"))
                .header("X-Forwarded-User", "vera"));

        assertTrue(detail.contains("objective 99.95 % over 28d"), detail);
        assertTrue(page("pat", "team-payments", "/p/slo/slos/checkout-exact/edit").body().contains("value=\"99.95\""));
        assertTrue(api.body().contains("\"objective\":0.9995,"), api.body());
    }

    @Test
    void aPercentageWithMoreThanFourDecimalPlacesIsRefusedBesideTheField() throws Exception {
        Map<String, String> form = checkout("checkout-too-fine");
        form.put("objective", "99.99999");

        HttpResponse<String> refused = submit("pat", "team-payments", "/p/slo/new", form);

        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("id=\"objective-error\">must have at most 4 decimal places as a "
                + "percentage, e.g. 99.9999, got '99.99999'"), refused.body());
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
    void anEditFormWithAMistakeComesBackUnderItsNameAndAShareTypedAsAPercentageIsCaught() throws Exception {
        assertEquals(303, submit("pat", "team-payments", "/p/slo/new", checkout("checkout-share")).statusCode());
        Map<String, String> form = checkout("checkout-share");
        form.remove("name");
        form.put("objective", "0.999");

        HttpResponse<String> refused = submit("pat", "team-payments", "/p/slo/slos/checkout-share/edit", form);

        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("Name: <strong>checkout-share</strong>"), refused.body());
        assertTrue(refused.body().contains("id=\"objective-error\">is a percentage: 0.999 would mean under 1 %; for "
                + "99.9 % type 99.9"), refused.body());
        assertEquals(0.999, slo("checkout-share").get("objective").asDouble(), "unchanged");
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

    private static Locator field(Page page, String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    @Test
    void inABrowserAnEditorCreatesAnSloThroughTheFormFixingAMistakeOnTheWay() {
        Page page = browser.newContext(Map.of("X-Forwarded-User", "pat", "X-Forwarded-Groups", "team-payments"))
                .newPage();
        page.navigate(server.uri("/p/slo/").toString());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New SLO")).click();
        assertEquals("New SLO · Vitals", page.title());

        field(page, "Name").fill("browser-checkout");
        field(page, "Service (catalog name)").fill("billing-api");
        field(page, "Objective (%)").fill("100");
        field(page, "Window").selectOption("28d");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create SLO")).click();

        assertEquals("New SLO · Vitals", page.title(), "the form comes back");
        assertTrue(page.locator("#objective-error").innerText().contains("between 0 and 100 exclusive"));
        assertEquals("browser-checkout", field(page, "Name").inputValue(), "typed values are kept");
        assertEquals("28d", field(page, "Window").inputValue());
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("slo-form-error.png"))
                .setFullPage(true));

        field(page, "Objective (%)").fill("99.9");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create SLO")).click();

        assertEquals("SLO browser-checkout · Vitals", page.title());
        assertTrue(page.locator("main").innerText().contains("objective 99.9 % over 28d"),
                page.locator("main").innerText());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit this SLO")).click();
        assertEquals("99.9", field(page, "Objective (%)").inputValue());
    }
}
