package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vitals.api.EntityRef;
import dev.vitals.api.Signal;
import dev.vitals.api.SignalFilter;
import dev.vitals.api.SignalStatus;
import dev.vitals.testkit.TestCatalog;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The signal, as the home page and other plugins read it. */
class GreetingCountSignalsTest {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .setting("publish_every", "1s")
            .catalog(TestCatalog.twoTeams())
            .build();

    @Test
    void eachServiceGetsASignalSayingHowManyGreetingsItHas(VitalsPortal portal) {
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
