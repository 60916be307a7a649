package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The migration, as the portal runs it before the plugin starts. */
class GreetingsMigrationTest {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest().build();

    @Test
    void theGreetingsTableIsCreatedInThePluginsOwnSchema(VitalsPortal portal) {
        List<String> schemas = portal.jdbi().withHandle(h -> h.createQuery(
                        "SELECT table_schema FROM information_schema.tables WHERE table_name = 'greetings'")
                .mapTo(String.class).list());
        assertEquals(List.of("${pluginId}"), schemas);
    }
}
