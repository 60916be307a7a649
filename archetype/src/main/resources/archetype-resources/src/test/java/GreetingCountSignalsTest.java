package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vitals.api.EntityRef;
import dev.vitals.api.Signal;
import dev.vitals.api.SignalFilter;
import dev.vitals.api.SignalStatus;
import dev.vitals.testkit.TestCatalog;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The job, run by the portal's scheduler on its own, and the signal it publishes, as other plugins read it. */
class GreetingCountSignalsTest {

    /** The job runs every second here, not every five minutes. */
    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .setting("publish_every", "1s")
            .catalog(TestCatalog.twoTeams())
            .build();

    @Test
    void theJobCountsGreetingsAddedAfterItsFirstRun(VitalsPortal portal) {
        portal.awaitJobRun(Running${pluginName}.PUBLISH_COUNTS);
        portal.editorOf("green").post("/api/${pluginId}/greetings", new NewGreeting("green-api", "job")).expect(201);

        SignalFilter greenApi = SignalFilter.about(EntityRef.of("component", "green-api")).plugin("${pluginId}");
        List<Signal> counted = portal.awaitSignals(greenApi, signals -> !signals.isEmpty());
        assertEquals(OptionalDouble.of(1), counted.get(0).value());
    }

    @Test
    void eachServicesSignalSaysHowManyGreetingsItHas(VitalsPortal portal) {
        portal.editorOf("blue").post("/api/${pluginId}/greetings", new NewGreeting("blue-api", "one")).expect(201);
        portal.editorOf("blue").post("/api/${pluginId}/greetings", new NewGreeting("blue-api", "two")).expect(201);

        SignalFilter blueApi = SignalFilter.about(EntityRef.of("component", "blue-api")).plugin("${pluginId}")
                .kind(GreetingCountSignals.KIND);
        Signal signal = portal.awaitSignals(blueApi, signals -> !signals.isEmpty()
                && signals.get(0).value().equals(OptionalDouble.of(2))).get(0);
        assertEquals(SignalStatus.OK, signal.status());
        assertEquals("2 greetings", signal.summary());
        assertEquals(Optional.of("/p/${pluginId}/"), signal.link());
    }
}
