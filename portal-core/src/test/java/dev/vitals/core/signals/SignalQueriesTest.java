package dev.vitals.core.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vitals.api.EntityRef;
import dev.vitals.api.Signal;
import dev.vitals.api.SignalFilter;
import dev.vitals.api.SignalStatus;
import dev.vitals.core.Vitals;
import dev.vitals.core.pluginhost.PluginSource;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What plugins read of the signals: the latest per (plugin, subject, kind), and the history of a period. */
class SignalQueriesTest {

    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
    private static final EntityRef A = EntityRef.parse("component:default/a");
    private static final EntityRef B = EntityRef.parse("component:default/b");
    private static Vitals portal;
    private static SignalStore store;

    private static Signal signal(String plugin, EntityRef subject, String kind, SignalStatus status, int hours) {
        return new Signal(plugin, subject, kind, status, plugin + " " + kind + " " + hours, OptionalDouble.empty(),
                Optional.empty(), T0.plus(Duration.ofHours(hours)));
    }

    @BeforeAll
    static void publish() {
        portal = TestPortal.start(TestPostgres.freshDatabase(), PluginSource.none());
        store = portal.signals();
        store.save(signal("slo", A, "error-budget", SignalStatus.OK, 0));
        store.save(signal("slo", A, "error-budget", SignalStatus.WARN, 1));
        store.save(signal("slo", B, "error-budget", SignalStatus.CRITICAL, 2));
        store.save(signal("deploys", A, "change-failure", SignalStatus.OK, 3));
        store.save(signal("slo", A, "latency", SignalStatus.OK, 4));
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    private static List<String> summaries(List<Signal> signals) {
        return signals.stream().map(Signal::summary).toList();
    }

    @Test
    void theLatestOfEachPluginSubjectAndKindComeBySubjectPluginAndKind() {
        assertEquals(List.of("deploys change-failure 3", "slo error-budget 1", "slo latency 4", "slo error-budget 2"),
                summaries(store.latest(SignalFilter.any())));
    }

    @Test
    void theLatestAreFilteredBySubjectPluginAndKind() {
        assertEquals(List.of("deploys change-failure 3", "slo error-budget 1", "slo latency 4"),
                summaries(store.latest(SignalFilter.about(A))));
        assertEquals(List.of("slo error-budget 1", "slo latency 4", "slo error-budget 2"),
                summaries(store.latest(SignalFilter.any().plugin("slo"))));
        assertEquals(List.of("slo error-budget 1", "slo error-budget 2"),
                summaries(store.latest(SignalFilter.any().kind("error-budget"))));
        assertEquals(List.of("slo error-budget 1"),
                summaries(store.latest(SignalFilter.about(A).plugin("slo").kind("error-budget"))));
        assertEquals(List.of(), store.latest(SignalFilter.any().plugin("cost")));
    }

    @Test
    void theHistoryComesNewestFirstAndEndsBeforeThePeriodsEnd() {
        assertEquals(List.of("deploys change-failure 3", "slo error-budget 2", "slo error-budget 1",
                        "slo error-budget 0"),
                summaries(store.history(SignalFilter.any(), T0, T0.plus(Duration.ofHours(4)), 10)));
    }

    @Test
    void theHistoryStartsAtThePeriodsStartAndKeepsTheNewestUpToTheLimit() {
        assertEquals(List.of("slo latency 4", "slo error-budget 2"),
                summaries(store.history(SignalFilter.any().plugin("slo"), T0, T0.plus(Duration.ofHours(5)), 2)));
        assertEquals(List.of("slo error-budget 1"), summaries(store.history(
                SignalFilter.about(A).kind("error-budget"), T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(5)),
                10)));
        assertEquals(List.of(), store.history(SignalFilter.any(), T0, T0, 10), "an empty period holds nothing");
    }

    @Test
    void theHistoryRefusesANonPositiveLimitAndAReversedPeriod() {
        assertThrows(IllegalArgumentException.class, () -> store.history(SignalFilter.any(), T0, T0.plusSeconds(1), 0));
        assertThrows(IllegalArgumentException.class, () -> store.history(SignalFilter.any(), T0.plusSeconds(1), T0, 5));
    }

    @Test
    void aSignalReadBackKeepsItsSubjectAsAReference() {
        Signal latest = store.latest(SignalFilter.about(B)).get(0);

        assertEquals(B, latest.subject());
        assertEquals(T0.plus(Duration.ofHours(2)), latest.observedAt());
        assertEquals(SignalStatus.CRITICAL, latest.status());
    }
}
