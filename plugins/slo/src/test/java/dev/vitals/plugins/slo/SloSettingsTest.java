package dev.vitals.plugins.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.Setting;
import dev.vitals.core.Vitals;
import dev.vitals.core.pluginhost.PluginState;
import dev.vitals.core.pluginhost.PluginStatus;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The plugin's settings are typed and declared, so the host checks them before the plugin starts. */
class SloSettingsTest {

    @Test
    void thePluginDeclaresItsTwoSettingsUnderTheirEnvironmentVariables() {
        List<Setting<?>> settings = new SloPlugin().settings();

        assertEquals(List.of("VITALS_SLO_PROMETHEUS_URL", "VITALS_SLO_WEBHOOKS"),
                settings.stream().map(s -> s.environmentVariable("slo")).toList());
        assertEquals(List.of(Setting.Type.URL, Setting.Type.STRING), settings.stream().map(Setting::type).toList());
        assertEquals(Optional.empty(), SloPlugin.PROMETHEUS_URL.defaultValue());
        assertEquals(Optional.of(""), SloPlugin.WEBHOOKS.defaultValue());
        assertEquals(URI.create("http://prometheus:9090"), SloPlugin.PROMETHEUS_URL.parse("http://prometheus:9090"));
    }

    @Test
    void aPrometheusAddressThatIsNoHttpUrlKeepsThePluginFromStartingNamingTheSetting() {
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabase(),
                TestPlugins.of().with("slo", SloPlugin::new).source(),
                Map.of("VITALS_SLO_PROMETHEUS_URL", "prometheus:9090"))) {
            PluginStatus status = portal.plugins().plugin("slo").orElseThrow().status();

            assertEquals(PluginState.FAILED, status.state());
            String reason = status.reason().orElseThrow();
            assertTrue(reason.contains("prometheus_url") && reason.contains("VITALS_SLO_PROMETHEUS_URL"), reason);
        }
    }
}
