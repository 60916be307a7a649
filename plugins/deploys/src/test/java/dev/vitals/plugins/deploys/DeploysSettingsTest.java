package dev.vitals.plugins.deploys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.Setting;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The plugin's settings are read, typed, from the same environment variables as before, and a bad one stops it. */
class DeploysSettingsTest {

    /** An admin sets a variable to a value the plugin cannot use: the plugin does not start, and says which. */
    private static VitalsPortalExtension portalWith(String variable, String value) {
        return VitalsPortalExtension.forPluginUnderTest().environment(variable, value).allowFailedStart().build();
    }

    private static void assertStoppedNaming(VitalsPortal portal, String variable) {
        assertFalse(portal.pluginIsRunning(), portal.pluginState());
        assertTrue(portal.pluginState().startsWith("FAILED"), portal.pluginState());
        assertTrue(portal.pluginState().contains(variable), portal.pluginState());
    }

    @Nested
    class AGateErrorBudgetPolicyItDoesNotKnow {

        @RegisterExtension
        static final VitalsPortalExtension VITALS = portalWith("VITALS_DEPLOYS_GATE_ERROR_BUDGET", "maybe");

        @Test
        void stopsThePluginNamingTheVariable(VitalsPortal portal) {
            assertStoppedNaming(portal, "VITALS_DEPLOYS_GATE_ERROR_BUDGET");
        }
    }

    @Nested
    class BreakGlassOpenForNoMinutes {

        @RegisterExtension
        static final VitalsPortalExtension VITALS = portalWith("VITALS_DEPLOYS_BREAK_GLASS_OPEN_MINUTES", "0");

        @Test
        void stopsThePluginNamingTheVariable(VitalsPortal portal) {
            assertStoppedNaming(portal, "VITALS_DEPLOYS_BREAK_GLASS_OPEN_MINUTES");
        }
    }

    @Nested
    class ANegativeLeadTimeThreshold {

        @RegisterExtension
        static final VitalsPortalExtension VITALS = portalWith("VITALS_DEPLOYS_LEAD_TIME_ELITE_HOURS", "-2");

        @Test
        void stopsThePluginNamingTheVariable(VitalsPortal portal) {
            assertStoppedNaming(portal, "VITALS_DEPLOYS_LEAD_TIME_ELITE_HOURS");
        }
    }

    @Nested
    class AMigrationTargetThatIsNoDate {

        @RegisterExtension
        static final VitalsPortalExtension VITALS = portalWith("VITALS_DEPLOYS_MIGRATION_TARGET", "next summer");

        @Test
        void stopsThePluginNamingTheVariable(VitalsPortal portal) {
            assertStoppedNaming(portal, "VITALS_DEPLOYS_MIGRATION_TARGET");
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
}
