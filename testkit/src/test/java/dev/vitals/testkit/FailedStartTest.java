package dev.vitals.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A plugin that cannot start is there to look at, with the reason its admin would see. */
class FailedStartTest {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPlugin(SamplePluginModule.get())
            .setting("marks_limit", "many")
            .allowFailedStart()
            .build();

    @Test
    void aSettingOfTheWrongTypeKeepsThePluginFromStartingNamingTheSetting() {
        VitalsPortal portal = VITALS.portal();
        assertFalse(portal.pluginIsRunning());
        assertTrue(portal.pluginState().startsWith("FAILED"), portal.pluginState());
        assertTrue(portal.pluginState().contains("marks_limit"), portal.pluginState());
        assertEquals(404, portal.viewer().get("/api/sample/about").status());
    }
}
