package dev.vitals.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

class PluginApiVersionTest {

    @Test
    void theApiVersionIsTheMavenVersionOfPluginApi() {
        String maven = System.getProperty("vitals.api.maven.version");
        assertNotNull(maven, "surefire passes the project version as vitals.api.maven.version");

        assertEquals(maven, PluginApiVersion.CURRENT);
    }
}
