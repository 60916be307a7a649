package dev.vitals.plugins.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.Setting;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The plugin's settings are typed and declared, so the host checks them before the plugin starts. */
class SloSettingsTest {

    /** A portal whose admin wrote the Prometheus address without its scheme. */
    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .setting("prometheus_url", "prometheus:9090")
            .allowFailedStart()
            .build();

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
    void aPrometheusAddressThatIsNoHttpUrlKeepsThePluginFromStartingNamingTheSetting(VitalsPortal portal) {
        assertFalse(portal.pluginIsRunning());
        String state = portal.pluginState();
        assertTrue(state.startsWith("FAILED: "), state);
        assertTrue(state.contains("prometheus_url") && state.contains("VITALS_SLO_PROMETHEUS_URL"), state);
    }
}
