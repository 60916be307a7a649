package dev.vitals.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PluginModuleTest {

    @Test
    void aModuleWhoseClassesHoldNoPluginPropertiesIsRefusedSayingWhereItLooked() {
        // The kit's own module is no plugin: its target/classes hold the kit, not a plugin.properties.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, PluginModule::underTest);
        assertTrue(e.getMessage().startsWith("no plugin.properties in " + Path.of("target/classes")
                .toAbsolutePath()), e.getMessage());
    }

    @Test
    void thePluginIdIsReadFromItsPluginProperties() {
        assertEquals("sample", SamplePluginModule.get().pluginId());
    }
}
