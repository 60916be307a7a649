package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vitals.testkit.PortalResponse;
import dev.vitals.testkit.TestCatalog;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The API route, called over HTTP as people of different teams call it. */
class GreetingsApiTest {

    /** A real portal with this plugin in it; teams green and blue own services green-api and blue-api. */
    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .setting("greeting", "Howdy")
            .catalog(TestCatalog.twoTeams())
            .build();

    @Test
    void anEditorOfTheServicesTeamGreetsItAndAnEditorOfAnotherTeamCannot(VitalsPortal portal) {
        Greeting greeting = portal.editorOf("green").post("/api/${pluginId}/greetings",
                new NewGreeting("green-api", "world")).expect(201).as(Greeting.class);
        assertEquals("Howdy, world!", greeting.message());
        assertEquals("green-editor", greeting.author());

        PortalResponse stranger = portal.editorOf("blue").post("/api/${pluginId}/greetings",
                new NewGreeting("green-api", "intruder"));
        assertEquals(403, stranger.status(), stranger.body());

        GreetingList list = portal.viewer().get("/api/${pluginId}/greetings").expect(200).as(GreetingList.class);
        assertEquals(1, list.greetings().size());
    }
}
