package dev.vitals.core.pluginhost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiCompatibilityTest {

    @Test
    void aPluginBuiltAgainstANewerMinorIsToldToUpgradeThePortalOrBuildAgainstThisOne() {
        assertEquals(Optional.of("built for plugin API >=2.1.0 & <3.0.0, but this portal provides 2.0.0; "
                + "upgrade the portal or build the plugin against 2.0"),
                ApiCompatibility.refusal(">=2.1.0 & <3.0.0", "2.0.0"));
    }

    @Test
    void aPluginOfTheNextMajorIsToldTheSame() {
        assertEquals(Optional.of("built for plugin API >=3.0.0 & <4.0.0, but this portal provides 2.4.1; "
                + "upgrade the portal or build the plugin against 2.4"),
                ApiCompatibility.refusal(">=3.0.0 & <4.0.0", "2.4.1"));
    }

    @Test
    void aPluginOfAnOlderMajorIsToldToBuildAgainstThisPortalsApi() {
        assertEquals(Optional.of("built for plugin API >=1.3.0 & <2.0.0, but this portal provides 2.0.0; "
                + "build the plugin against 2.0"),
                ApiCompatibility.refusal(">=1.3.0 & <2.0.0", "2.0.0"));
    }

    @Test
    void aRangeThatAdmitsThisPortalOrNoRangeAtAllRefusesNothing() {
        assertEquals(Optional.empty(), ApiCompatibility.refusal(">=2.0.0 & <3.0.0", "2.0.0"));
        assertEquals(Optional.empty(), ApiCompatibility.refusal(">=2.0.0 & <3.0.0", "2.7.3"));
        assertEquals(Optional.empty(), ApiCompatibility.refusal("", "2.0.0"));
    }

    @Test
    void aRangeThatIsNoRangeSaysWhatARangeLooksLike() {
        String reason = ApiCompatibility.refusal("${vitals.plugin.requires}", "2.0.0").orElseThrow();

        assertTrue(reason.startsWith("plugin.requires '${vitals.plugin.requires}' is not a version range like "
                + ">=2.0.0 & <3.0.0"), reason);
    }
}
