package dev.vitals.plugins.deploys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.Setting;
import dev.vitals.core.Vitals;
import dev.vitals.core.pluginhost.PluginState;
import dev.vitals.core.pluginhost.PluginStatus;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The plugin's settings are read, typed, from the same environment variables as before, and a bad one stops it. */
class DeploysSettingsTest {

    @Test
    void aValueThePluginCannotUseStopsItNamingTheVariable() {
        var db = TestPostgres.freshDatabase();
        for (Map.Entry<String, String> bad : Map.of(
                "VITALS_DEPLOYS_GATE_ERROR_BUDGET", "maybe",
                "VITALS_DEPLOYS_BREAK_GLASS_OPEN_MINUTES", "0",
                "VITALS_DEPLOYS_LEAD_TIME_ELITE_HOURS", "-2",
                "VITALS_DEPLOYS_MIGRATION_TARGET", "next summer").entrySet()) {
            try (Vitals portal = TestPortal.start(db, TestPlugins.of().with("deploys", DeploysPlugin::new).source(),
                    Map.of(bad.getKey(), bad.getValue()))) {
                PluginStatus status = deploys(portal);
                assertEquals(PluginState.FAILED, status.state(), bad.toString());
                assertTrue(status.reason().orElse("").contains(bad.getKey()), bad + " → " + status.reason());
            }
        }
    }

    @Test
    void theSecretsAreDeclaredSecretAndEveryVariableKeepsItsName() {
        DeploysPlugin plugin = new DeploysPlugin();
        Map<String, Setting<?>> byName = plugin.settings().stream()
                .collect(Collectors.toMap(Setting::name, s -> s));
        assertTrue(byName.get("github_secret").isSecret());
        assertTrue(byName.get("pagerduty_secret").isSecret());
        assertEquals("VITALS_DEPLOYS_GITHUB_SECRET", byName.get("github_secret").environmentVariable("deploys"));
        assertEquals("VITALS_DEPLOYS_CHANGE_FAILURE_RATE_WARN",
                byName.get("change_failure_rate_warn").environmentVariable("deploys"));
        assertEquals(22, byName.size(), byName.keySet().toString());
        assertEquals("slo", plugin.dependencies().get(0).pluginId());
        assertFalse(plugin.dependencies().get(0).required(), "the gate does without it");
    }

    private static PluginStatus deploys(Vitals portal) {
        return portal.plugins().statuses().stream().filter(s -> s.id().equals("deploys")).findFirst().orElseThrow();
    }
}
