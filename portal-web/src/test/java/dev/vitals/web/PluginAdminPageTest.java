package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.api.PluginDependency;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.Setting;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.core.testing.TestPlugins;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An admin sees each plugin's settings, where their values come from, and what it waits for; never a secret. */
class PluginAdminPageTest {

    private static final String SECRET = "s3cr3t-billing-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;

    /** A factory that declares settings and dependencies and serves nothing. */
    record Declaring(List<Setting<?>> settings, List<PluginDependency> dependencies) implements VitalsPlugin {
        @Override
        public RunningPlugin create(dev.vitals.api.PluginContext context) {
            settings.forEach(setting -> context.settings().find(setting));
            return new RunningPlugin() { };
        }
    }

    static VitalsPlugin billing() {
        return new Declaring(List.of(
                Setting.string("api_key", "Key for the billing API").secret().required(),
                Setting.duration("pull_every", "How often to pull invoices").withDefault(Duration.ofMinutes(5)),
                Setting.url("billing_url", "Where the billing API answers"),
                Setting.string("region", "Which region's invoices")), List.of());
    }

    static VitalsPlugin ledger() {
        return new Declaring(List.of(Setting.string("account", "The ledger account").required()), List.of());
    }

    static VitalsPlugin report() {
        return new Declaring(List.of(), List.of(PluginDependency.required("ledger"),
                PluginDependency.optional("billing")));
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(TestPlugins.of().with("billing", PluginAdminPageTest::billing)
                .with("ledger", PluginAdminPageTest::ledger).with("report", PluginAdminPageTest::report).source(),
                Map.of("VITALS_BILLING_API_KEY", SECRET, "VITALS_BILLING_REGION", "eu-west"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void thePluginPageShowsEachSettingWithItsVariableAndValueAndASecretOnlyAsSet() {
        HttpResponse<String> page = server.getPage("/admin/plugins/billing");

        assertEquals(200, page.statusCode(), page.body());
        String html = page.body();
        assertFalse(html.contains(SECRET), "a secret's value never reaches a page");
        assertTrue(html.contains("<code>VITALS_BILLING_API_KEY</code>"), html);
        assertTrue(html.contains("set (hidden)"), html);
        assertTrue(html.contains("<code>VITALS_BILLING_PULL_EVERY</code>"), html);
        assertTrue(html.contains("default: "), html);
        assertTrue(html.contains(">eu-west<"), html);
        assertTrue(html.contains("not set"), "billing_url is neither set nor defaulted: " + html);
        assertTrue(html.contains("How often to pull invoices"), html);
        assertTrue(html.contains("STARTED"), html);
    }

    @Test
    void neitherTheListNorTheAdminApiCarriesASecret() {
        HttpResponse<String> list = server.getPage("/admin/plugins");
        assertEquals(200, list.statusCode());
        assertFalse(list.body().contains(SECRET));
        assertTrue(list.body().contains("href=\"/admin/plugins/billing\""), list.body());

        HttpResponse<String> api = server.get("/api/admin/plugins/billing");
        assertEquals(200, api.statusCode(), api.body());
        assertFalse(api.body().contains(SECRET), api.body());
        JsonNode settings = json(api).get("settings");
        assertEquals(4, settings.size(), api.body());
        assertFalse(server.get("/api/admin/plugins").body().contains(SECRET));
    }

    @Test
    void aPluginMissingARequiredSettingSaysWhichOnItsPage() {
        String html = server.getPage("/admin/plugins/ledger").body();

        assertTrue(html.contains("FAILED"), html);
        assertTrue(html.contains("<code>VITALS_LEDGER_ACCOUNT</code>"), html);
        assertTrue(html.contains("class=\"plugin-error\">not set"), html);
        assertTrue(server.getPage("/admin/plugins").body().contains("a required one is not set"));
    }

    @Test
    void aPluginWaitingForARequiredDependencyShowsWhichAndItsState() {
        String html = server.getPage("/admin/plugins/report").body();

        assertTrue(html.contains("needs plugin ledger"), "the reason it is not started: " + html);
        assertTrue(html.contains("href=\"/admin/plugins/ledger\""), html);
        assertTrue(html.contains("FAILED — this plugin cannot start until it does"), html);
        assertTrue(html.contains("optional: used when it runs"), html);
        JsonNode dependencies = json(server.get("/api/admin/plugins/report")).get("dependencies");
        assertEquals("ledger", dependencies.get(0).get("pluginId").asText());
        assertEquals("FAILED", dependencies.get(0).get("state").asText());
    }

    @Test
    void anUnknownPluginsPageIs404() {
        assertEquals(404, server.getPage("/admin/plugins/nosuch").statusCode());
        assertEquals(404, server.get("/api/admin/plugins/nosuch").statusCode());
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(response.body(), e);
        }
    }
}
