package dev.vitals.core.pluginhost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.PluginContext;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.Setting;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.core.Vitals;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TypedSettingsTest {

    private static final Setting<URI> ENDPOINT = Setting.url("endpoint", "where the billing API answers").required();
    private static final Setting<Long> BATCH = Setting.integer("batch", "rows per batch").withDefault(100L);
    private static final Setting<String> TOKEN = Setting.string("token", "the billing API token").secret();
    private static final Setting<Duration> EVERY = Setting.duration("every", "how often to poll");

    private static EnvironmentSettings settings(Map<String, String> env) {
        return new EnvironmentSettings("billing", List.of(ENDPOINT, BATCH, TOKEN, EVERY), env);
    }

    @Test
    void aSettingIsReadFromItsVariableOrFallsBackToItsDefault() {
        EnvironmentSettings set = settings(Map.of("VITALS_BILLING_ENDPOINT", "https://billing.example.com",
                "VITALS_BILLING_EVERY", "5m"));

        assertEquals(URI.create("https://billing.example.com"), set.get(ENDPOINT));
        assertEquals(100L, set.get(BATCH));
        assertEquals(Optional.of(Duration.ofMinutes(5)), set.find(EVERY));
        assertEquals(Optional.empty(), set.find(TOKEN));
        assertEquals(Optional.empty(), set.problem());
    }

    @Test
    void readingAnUndeclaredSettingIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> settings(Map.of()).find(Setting.string("region", "where")));

        assertEquals("plugin billing did not declare setting region: add it to its settings()", e.getMessage());
    }

    @Test
    void aMisspeltVariableIsNamedWithTheSettingsThePluginHas() {
        EnvironmentSettings set = settings(Map.of("VITALS_BILLING_ENDPOINT", "https://b.example.com",
                "VITALS_BILLING_TOKNE", "s3cret"));

        assertEquals(Optional.of("VITALS_BILLING_TOKNE is set, but plugin billing has no setting tokne (its settings: "
                + "endpoint, batch, token, every)"), set.undeclared(List.of("billing")));
    }

    @Test
    void aVariableOfAnotherPluginWhoseIdExtendsThisOnesIsNotThisOnesBusiness() {
        EnvironmentSettings set = settings(Map.of("VITALS_BILLING_EXPORT_BUCKET", "s3://costs",
                "VITALS_BILLING_BATCH", "50"));

        assertEquals(Optional.empty(), set.undeclared(List.of("billing", "billing_export")));
        assertEquals(Optional.of("VITALS_BILLING_EXPORT_BUCKET is set, but plugin billing has no setting export_bucket "
                + "(its settings: endpoint, batch, token, every)"), set.undeclared(List.of("billing")));
    }

    @Test
    void aRequiredSettingLeftUnsetIsNamedWithItsVariableAndDescription() {
        assertEquals(Optional.of("setting endpoint (VITALS_BILLING_ENDPOINT) is required: where the billing API answers"),
                settings(Map.of("VITALS_BILLING_ENDPOINT", "  ")).problem());
    }

    @Test
    void aValueThatDoesNotParseIsNamedWithTheSetting() {
        assertEquals(Optional.of("setting batch must be a whole number, got 'lots' (VITALS_BILLING_BATCH)"),
                settings(Map.of("VITALS_BILLING_ENDPOINT", "https://b.example.com", "VITALS_BILLING_BATCH", "lots"))
                        .problem());
    }

    @Test
    void theStatusShowsWhereEachValueComesFromAndNeverASecret() {
        List<SettingView> views = settings(Map.of("VITALS_BILLING_ENDPOINT", "https://b.example.com",
                "VITALS_BILLING_TOKEN", "s3cr3t-value")).views();

        assertEquals(List.of(
                new SettingView("endpoint", "VITALS_BILLING_ENDPOINT", "url", "where the billing API answers", false,
                        true, Optional.of("https://b.example.com"), "environment"),
                new SettingView("batch", "VITALS_BILLING_BATCH", "integer", "rows per batch", false, false,
                        Optional.of("100"), "default"),
                new SettingView("token", "VITALS_BILLING_TOKEN", "string", "the billing API token", true, false,
                        Optional.of("set (hidden)"), "environment"),
                new SettingView("every", "VITALS_BILLING_EVERY", "duration", "how often to poll", false, false,
                        Optional.empty(), "unset")), views);
    }

    /** Counts its creates, so a test sees that a start refused for its settings never reached the plugin. */
    static final class Billing implements VitalsPlugin {
        final AtomicInteger creates = new AtomicInteger();
        private final List<Setting<?>> settings;

        Billing(Setting<?>... settings) {
            this.settings = List.of(settings);
        }

        @Override
        public List<Setting<?>> settings() {
            return settings;
        }

        @Override
        public RunningPlugin create(PluginContext context) {
            creates.incrementAndGet();
            settings.forEach(s -> context.settings().find(s));
            return new RunningPlugin() { };
        }
    }

    @Test
    void aPluginMissingARequiredSettingDoesNotStartAndSaysWhichVariableToSet() {
        Billing billing = new Billing(ENDPOINT);
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabase(),
                TestPlugins.of().with("billing", () -> billing).source())) {
            PluginStatus status = portal.plugins().plugin("billing").orElseThrow().status();

            assertEquals(PluginState.FAILED, status.state());
            assertEquals(Optional.of("setting endpoint (VITALS_BILLING_ENDPOINT) is required: where the billing API "
                    + "answers"), status.reason());
            assertEquals(0, billing.creates.get(), "the factory never runs on settings it cannot use");
        }
    }

    @Test
    void aPluginWithAMisspeltVariableDoesNotStartAndNamesTheSettingsItHas() {
        Billing billing = new Billing(BATCH);
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabase(),
                TestPlugins.of().with("billing", () -> billing).source(), Map.of("VITALS_BILLING_BACTH", "50"))) {
            PluginStatus status = portal.plugins().plugin("billing").orElseThrow().status();

            assertEquals(PluginState.FAILED, status.state());
            assertEquals(Optional.of("VITALS_BILLING_BACTH is set, but plugin billing has no setting bacth (its "
                    + "settings: batch)"), status.reason());
            assertEquals(0, billing.creates.get(), "the factory never runs with a setting the admin did not get");
        }
    }

    @Test
    void aPluginWithABadIntegerDoesNotStartAndNamesTheSetting() {
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabase(),
                TestPlugins.of().with("billing", () -> new Billing(BATCH)).source(),
                Map.of("VITALS_BILLING_BATCH", "12x"))) {
            PluginStatus status = portal.plugins().plugin("billing").orElseThrow().status();

            assertEquals(PluginState.FAILED, status.state());
            assertEquals(Optional.of("setting batch must be a whole number, got '12x' (VITALS_BILLING_BATCH)"),
                    status.reason());
        }
    }

    @Test
    void aSecretNeverAppearsInTheStatusNorInTheReason() {
        Setting<Long> secretNumber = Setting.integer("pin", "the vault pin").secret();
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabase(), TestPlugins.of()
                .with("billing", () -> new Billing(secretNumber))
                .with("ledger", () -> new Billing(TOKEN)).source(),
                Map.of("VITALS_BILLING_PIN", "hunter2", "VITALS_LEDGER_TOKEN", "tok-9f8e7d"))) {
            PluginStatus billing = portal.plugins().plugin("billing").orElseThrow().status();
            PluginStatus ledger = portal.plugins().plugin("ledger").orElseThrow().status();

            assertEquals(PluginState.FAILED, billing.state());
            assertEquals(Optional.of("setting pin is not a valid integer (value not shown: it is secret) "
                    + "(VITALS_BILLING_PIN)"), billing.reason());
            assertEquals(PluginState.STARTED, ledger.state());
            assertEquals(Optional.of("set (hidden)"), ledger.settings().get(0).shown());
            assertFalse(portal.plugins().statuses().toString().contains("hunter2"));
            assertFalse(portal.plugins().statuses().toString().contains("tok-9f8e7d"));
            assertTrue(billing.settings().get(0).secret());
        }
    }
}
