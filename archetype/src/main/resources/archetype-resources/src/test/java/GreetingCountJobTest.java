package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vitals.api.EntityRef;
import dev.vitals.api.Signal;
import dev.vitals.api.SignalFilter;
import dev.vitals.testkit.TestCatalog;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The job, run by the portal's scheduler on its own. */
class GreetingCountJobTest {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .setting("publish_every", "1s")
            .catalog(TestCatalog.twoTeams())
            .build();

    @Test
    void theJobCountsGreetingsAddedSinceItsLastRun(VitalsPortal portal) {
        portal.awaitJobRun(Running${pluginName}.PUBLISH_COUNTS);
        portal.editorOf("green").post("/api/${pluginId}/greetings", new NewGreeting("green-api", "job")).expect(201);

        SignalFilter greenApi = SignalFilter.about(EntityRef.of("component", "green-api")).plugin("${pluginId}");
        List<Signal> counted = portal.awaitSignals(greenApi, signals -> !signals.isEmpty());
        assertEquals(OptionalDouble.of(1), counted.get(0).value());
    }
}
