package ${package};

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.testkit.TestCatalog;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The page, as a browser asks for it. */
class GreetingsPageTest {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .catalog(TestCatalog.twoTeams())
            .build();

    @Test
    void thePageListsTheGreetingsInThePortalsLayout(VitalsPortal portal) {
        portal.editorOf("blue").post("/api/${pluginId}/greetings", new NewGreeting("blue-api", "page")).expect(201);

        String html = portal.viewer().page("/p/${pluginId}/").expect(200).body();
        assertTrue(html.contains("<title>Greetings"), html);
        assertTrue(html.contains("Hello, page!"), html);
        assertTrue(html.contains("href=\"/services/blue-api\""), html);
    }
}
