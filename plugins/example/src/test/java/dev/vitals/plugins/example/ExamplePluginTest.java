package dev.vitals.plugins.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.api.Signal;
import dev.vitals.api.SignalStatus;
import dev.vitals.core.Vitals;
import dev.vitals.core.pluginhost.PluginState;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The example plugin in a real host against a real database, the way every plugin should test itself. */
class ExamplePluginTest {

    @Test
    void demoDataIsSeededOnceHoweverOftenThePortalStartsAndCountsArePublishedAsSignals() {
        var db = TestPostgres.freshDatabase();
        Map<String, String> demo = Map.of("VITALS_DEMO", "true");
        try (Vitals first = TestPortal.start(db, TestPlugins.of().with("example", ExamplePlugin::new).source(), demo)) {
            assertEquals(PluginState.STARTED, first.plugins().plugin("example").orElseThrow().state());
        }
        try (Vitals again = TestPortal.start(db, TestPlugins.of().with("example", ExamplePlugin::new).source(), demo)) {
            assertEquals(Integer.valueOf(3), again.database().jdbi().withHandle(h ->
                    h.createQuery("SELECT count(*) FROM example.notes").mapTo(Integer.class).one()));
            List<Signal> signals = again.signals().latestFor("component:default/recorder-api");
            assertEquals(1, signals.size());
            assertEquals(SignalStatus.OK, signals.get(0).status());
            assertEquals("2 notes", signals.get(0).summary());
            assertEquals(OptionalDouble.of(2), signals.get(0).value());
        }
    }

    @Test
    void aNoteWithoutServiceOrBodyIsRefusedNamingBothFields() {
        ProblemException e = assertThrows(ProblemException.class, () -> new NewNote(" ", null).validate());
        assertEquals(422, e.status());
        assertEquals(List.of("service", "body"), e.errors().stream().map(FieldError::field).toList());
        ProblemException tooLong = assertThrows(ProblemException.class,
                () -> new NewNote("artist-lookup", "x".repeat(2001)).validate());
        assertEquals("must be at most 2000 characters, got 2001", tooLong.errors().get(0).reason());
    }
}
