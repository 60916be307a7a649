package dev.vitals.core.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.EntityRef;
import dev.vitals.api.PluginContext;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.Signal;
import dev.vitals.api.SignalFilter;
import dev.vitals.api.SignalStatus;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.core.Vitals;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SignalsTest {

    private static final EntityRef ARTIST_LOOKUP = EntityRef.parse("component:default/artist-lookup");

    static final class Publisher implements VitalsPlugin {
        volatile PluginContext context;

        @Override
        public RunningPlugin create(PluginContext started) {
            context = started;
            return new RunningPlugin() { };
        }
    }

    static final class Listener implements VitalsPlugin {
        final List<Signal> received = new CopyOnWriteArrayList<>();

        @Override
        public RunningPlugin create(PluginContext context) {
            return new RunningPlugin() {
                @Override
                public void onSignal(Signal signal) {
                    received.add(signal);
                }
            };
        }
    }

    static final class BrokenListener implements VitalsPlugin {
        @Override
        public RunningPlugin create(PluginContext context) {
            return new RunningPlugin() {
                @Override
                public void onSignal(Signal signal) {
                    throw new IllegalStateException("listener bug");
                }
            };
        }
    }

    @Test
    void aPublishedSignalIsStoredAsLatestAndDeliveredToOtherPluginsDespiteABrokenListener() {
        Publisher publisher = new Publisher();
        Listener listener = new Listener();
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabase(), TestPlugins.of()
                .with("alpha", () -> publisher).with("beta", BrokenListener::new).with("gamma", () -> listener)
                .source())) {
            publisher.context.signals().publish(ARTIST_LOOKUP, "error-budget", SignalStatus.WARN,
                    "30 % of the budget left", OptionalDouble.of(0.3), Optional.of("/p/alpha/x"));
            publisher.context.signals().publish(ARTIST_LOOKUP, "error-budget",
                    SignalStatus.CRITICAL, "budget spent", OptionalDouble.of(-0.1), Optional.empty());

            List<Signal> latest = portal.signals().latestFor("component:default/artist-lookup");
            assertEquals(1, latest.size());
            assertEquals(SignalStatus.CRITICAL, latest.get(0).status());
            assertEquals("alpha", latest.get(0).plugin());
            assertEquals(OptionalDouble.of(-0.1), latest.get(0).value());
            assertEquals(Optional.empty(), latest.get(0).link());
            assertEquals(latest, publisher.context.signals().latest(SignalFilter.about(ARTIST_LOOKUP)),
                    "a plugin reads what the portal shows");
            assertEquals(Integer.valueOf(2), portal.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM core.signal_history").mapTo(Integer.class).one()));
            assertEquals(List.of(SignalStatus.WARN, SignalStatus.CRITICAL),
                    listener.received.stream().map(Signal::status).toList());
            assertEquals("signal listener",
                    portal.plugins().plugin("beta").orElseThrow().status().lastError().orElseThrow().during());
        }
    }

    @Test
    void aPastVerdictJoinsTheHistoryAtItsMomentLeavesTheLatestAndIsDeliveredToNoOne() {
        Publisher publisher = new Publisher();
        Listener listener = new Listener();
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabase(), TestPlugins.of()
                .with("alpha", () -> publisher).with("gamma", () -> listener).source())) {
            publisher.context.signals().publish(ARTIST_LOOKUP, "error-budget", SignalStatus.OK, "budget left",
                    OptionalDouble.of(0.9), Optional.empty());
            Instant lastWeek = portal.clock().instant().minus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS);

            publisher.context.signals().publishPast(ARTIST_LOOKUP, "error-budget", SignalStatus.CRITICAL,
                    "budget spent", OptionalDouble.of(-0.2), Optional.empty(), lastWeek);

            assertEquals(SignalStatus.OK, portal.signals().latestFor("component:default/artist-lookup").get(0).status(),
                    "the latest stays");
            List<Signal> past = publisher.context.signals().history(SignalFilter.about(ARTIST_LOOKUP),
                    lastWeek, lastWeek.plusSeconds(1), 10);
            assertEquals(List.of(SignalStatus.CRITICAL), past.stream().map(Signal::status).toList());
            assertEquals(lastWeek, past.get(0).observedAt());
            assertEquals(List.of(SignalStatus.OK), listener.received.stream().map(Signal::status).toList(),
                    "only the current verdict is delivered");
        }
    }

    @Test
    void aPastVerdictDatedInTheFutureIsRefused() {
        Publisher publisher = new Publisher();
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabase(), TestPlugins.of()
                .with("alpha", () -> publisher).source())) {
            Instant tomorrow = portal.clock().instant().plus(Duration.ofDays(1));

            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> publisher.context.signals().publishPast(ARTIST_LOOKUP, "error-budget", SignalStatus.OK,
                            "fine", OptionalDouble.empty(), Optional.empty(), tomorrow));

            assertTrue(refused.getMessage().contains("in the future"), refused.getMessage());
        }
    }
}
