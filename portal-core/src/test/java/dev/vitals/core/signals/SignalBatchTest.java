package dev.vitals.core.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vitals.api.EntityRef;
import dev.vitals.api.Signal;
import dev.vitals.api.SignalFilter;
import dev.vitals.api.SignalStatus;
import dev.vitals.api.SignalVerdict;
import dev.vitals.core.Vitals;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Many verdicts published at once behave as the same verdicts published one by one. */
class SignalBatchTest {

    private static final EntityRef A = EntityRef.parse("component:default/a");
    private static final EntityRef B = EntityRef.parse("component:default/b");
    private static final EntityRef C = EntityRef.parse("component:default/c");

    private static SignalVerdict verdict(EntityRef subject, String kind, SignalStatus status, String summary) {
        return new SignalVerdict(subject, kind, status, summary, OptionalDouble.empty(), Optional.empty());
    }

    @Test
    void verdictsPublishedTogetherAreLatestHistoryDeliveredAndTheWorstCellAsOneByOne() throws Exception {
        SignalsTest.Publisher alpha = new SignalsTest.Publisher();
        SignalsTest.Publisher beta = new SignalsTest.Publisher();
        SignalsTest.Listener listener = new SignalsTest.Listener();
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabase(), TestPlugins.of()
                .with("alpha", () -> alpha).with("beta", () -> beta).with("gamma", () -> listener).source())) {
            Jdbi jdbi = portal.database().jdbi();

            List<Signal> stored = alpha.context.signals().publishAll(List.of(
                    verdict(A, "dora", SignalStatus.WARN, "deploys rarely"),
                    verdict(B, "dora", SignalStatus.OK, "daily"),
                    verdict(A, "latency", SignalStatus.OK, "p99 120 ms"),
                    verdict(A, "dora", SignalStatus.CRITICAL, "every deploy fails")));

            assertEquals(List.of("alpha", "alpha", "alpha", "alpha"), stored.stream().map(Signal::plugin).toList());
            assertEquals(List.of(SignalStatus.CRITICAL, SignalStatus.OK), alpha.context.signals()
                    .latest(SignalFilter.about(A)).stream().map(Signal::status).toList(),
                    "the last of two verdicts on (a, dora) is the latest; latency stays beside it");
            assertEquals(List.of(SignalStatus.OK), alpha.context.signals().latest(SignalFilter.about(B)).stream()
                    .map(Signal::status).toList());
            assertEquals(Integer.valueOf(4), jdbi.withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM core.signal_history").mapTo(Integer.class).one()), "each joins the history");
            assertEquals(List.of("deploys rarely", "daily", "p99 120 ms", "every deploy fails"),
                    listener.received.stream().map(Signal::summary).toList(), "delivered in the order given");
            assertEquals("CRITICAL", jdbi.withHandle(h -> h.createQuery("SELECT by_plugin -> 'alpha' ->> 'status'"
                    + " FROM core.worst_signals WHERE subject = 'component:default/a'").mapTo(String.class).one()));
            assertEquals(Integer.valueOf(2), jdbi.withHandle(h -> h.createQuery("SELECT (by_plugin -> 'alpha' ->>"
                    + " 'signals')::int FROM core.worst_signals WHERE subject = 'component:default/a'")
                    .mapTo(Integer.class).one()));

            // Two plugins publishing about the same subjects in opposite orders, at the same moment, never deadlock.
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 20; round++) {
                    CyclicBarrier together = new CyclicBarrier(2);
                    SignalStatus status = round % 2 == 0 ? SignalStatus.WARN : SignalStatus.OK;
                    List<Future<?>> publishes = new ArrayList<>();
                    publishes.add(pool.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        return alpha.context.signals().publishAll(List.of(verdict(A, "dora", status, "a"),
                                verdict(B, "dora", status, "b"), verdict(C, "dora", status, "c")));
                    }));
                    publishes.add(pool.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        return beta.context.signals().publishAll(List.of(verdict(C, "cost", status, "c"),
                                verdict(B, "cost", status, "b"), verdict(A, "cost", status, "a")));
                    }));
                    for (Future<?> publish : publishes) {
                        publish.get(60, TimeUnit.SECONDS);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(List.of("OK", "OK", "OK"), jdbi.withHandle(h -> h.createQuery("SELECT by_plugin -> 'beta'"
                    + " ->> 'status' FROM core.worst_signals ORDER BY subject").mapTo(String.class).list()));
        }
    }
}
