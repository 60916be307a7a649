package dev.vitals.plugins.graph.freshness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.CatalogChange;
import dev.vitals.api.CatalogChanges;
import dev.vitals.api.CatalogEntity;
import dev.vitals.api.CatalogRelation;
import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import dev.vitals.plugins.graph.model.CatalogGraph;
import dev.vitals.plugins.graph.model.ObservedEdge;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** A rebuild never blocks a read: readers keep the old snapshot until the new one is whole. */
class GraphHolderTest {

    /** A catalog whose relations can be held back while a rebuild reads them. */
    private static final class HeldCatalog implements CatalogView {
        final AtomicLong version = new AtomicLong(1);
        final AtomicReference<List<CatalogRelation>> relations = new AtomicReference<>(List.of());
        final Semaphore gate = new Semaphore(Integer.MAX_VALUE);
        final AtomicReference<CountDownLatch> reading = new AtomicReference<>(new CountDownLatch(1));
        final AtomicInteger reads = new AtomicInteger();
        final AtomicReference<Optional<CatalogChanges>> changes = new AtomicReference<>(Optional.empty());
        final AtomicReference<Long> changesAskedFrom = new AtomicReference<>();

        @Override
        public Optional<CatalogChanges> changesSince(long since) {
            changesAskedFrom.set(since);
            return changes.get();
        }

        @Override
        public List<CatalogRelation> relations() {
            reads.incrementAndGet();
            reading.get().countDown();
            gate.acquireUninterruptibly();
            gate.release();
            return relations.get();
        }

        @Override
        public long version() {
            return version.get();
        }

        @Override
        public Optional<CatalogEntity> entity(EntityRef ref) {
            return Optional.empty();
        }

        @Override
        public List<CatalogEntity> services() {
            return List.of();
        }

        @Override
        public List<CatalogEntity> servicesOf(EntityRef ref) {
            return List.of();
        }

        @Override
        public List<CatalogEntity> entities(String kind) {
            return List.of();
        }

        @Override
        public List<CatalogEntity> availabilityComponentsOf(EntityRef program) {
            return List.of();
        }
    }

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);

    private static CatalogRelation dependsOn(String from, String to) {
        return new CatalogRelation(EntityRef.of("component", from), "dependsOn", EntityRef.of("component", to), false,
                Optional.empty());
    }

    /** Rebuilds run on the holder's own thread: waits (10 s at most) for the snapshot it swaps in. */
    private static GraphSnapshot awaitSnapshot(GraphHolder holder, Predicate<GraphSnapshot> wanted)
            throws InterruptedException {
        GraphSnapshot snapshot = holder.current();
        for (int i = 0; i < 400 && !wanted.test(snapshot); i++) {
            Thread.sleep(25);
            snapshot = holder.current();
        }
        assertTrue(wanted.test(snapshot), "the rebuild's snapshot was swapped in");
        return snapshot;
    }

    @Test
    void observedEdgesAloneAreAddedWithoutReadingTheCatalogAgainAndACatalogChangeIsReadAgain() throws Exception {
        HeldCatalog catalog = new HeldCatalog();
        catalog.relations.set(List.of(dependsOn("a", "b")));
        AtomicReference<List<ObservedEdge>> observed = new AtomicReference<>(List.of());
        try (GraphHolder holder = new GraphHolder(new CatalogGraph(catalog), observed::get, CLOCK)) {
            GraphSnapshot first = holder.current();
            assertEquals(1, catalog.reads.get());
            ObservedEdge call = new ObservedEdge(EntityRef.of("component", "a"), EntityRef.of("component", "c"), 100L,
                    2L, LocalDate.parse("2026-12-05"));
            observed.set(List.of(call));

            holder.requestRebuild();
            GraphSnapshot withCall = awaitSnapshot(holder, snapshot -> snapshot != first);

            assertEquals(List.of(call), withCall.observed());
            assertEquals(1, catalog.reads.get(), "the catalog was read once, at the start");
            assertSame(first.graph(), withCall.graph());
            assertSame(first.teamMap(), withCall.teamMap());

            catalog.relations.set(List.of(dependsOn("a", "b"), dependsOn("b", "c")));
            catalog.version.set(2);
            holder.rebuildIfStale();
            GraphSnapshot changed = awaitSnapshot(holder, snapshot -> snapshot.catalogVersion() == 2);

            assertEquals(2, catalog.reads.get(), "the changed catalog was read again");
            assertEquals(3, changed.graph().size());
            assertEquals(2, changed.graph().edges().size());
            assertEquals(List.of(call), changed.observed());
        }
    }

    @Test
    void aCatalogChangeIsAppliedToTheKeptGraphAndTheWholeCatalogIsReadWhenTheHostCannotSayWhatChanged()
            throws Exception {
        HeldCatalog catalog = new HeldCatalog();
        catalog.relations.set(List.of(dependsOn("a", "b")));
        try (GraphHolder holder = new GraphHolder(new CatalogGraph(catalog), List::of, CLOCK)) {
            catalog.changes.set(Optional.of(new CatalogChanges(1, 3, List.of(new CatalogChange(
                    EntityRef.of("component", "b"), Optional.empty(), List.of(dependsOn("b", "c")))))));
            catalog.version.set(3);

            holder.rebuildIfStale();
            GraphSnapshot applied = awaitSnapshot(holder, snapshot -> snapshot.catalogVersion() == 3);

            assertEquals(1, catalog.reads.get(), "the relations were read once, at the start");
            assertEquals(1L, catalog.changesAskedFrom.get());
            assertEquals(List.of("component:default/a", "component:default/b", "component:default/c"),
                    applied.graph().nodes().stream().map(node -> node.ref().toString()).toList());
            assertEquals(2, applied.graph().edges().size());

            catalog.changes.set(Optional.empty());
            catalog.relations.set(List.of(dependsOn("a", "c")));
            catalog.version.set(4);
            holder.rebuildIfStale();
            GraphSnapshot reread = awaitSnapshot(holder, snapshot -> snapshot.catalogVersion() == 4);

            assertEquals(3L, catalog.changesAskedFrom.get(), "asked from the version the changes brought it to");
            assertEquals(2, catalog.reads.get(), "too old: the whole catalog was read again");
            assertEquals(1, reread.graph().edges().size());
        }
    }

    @Test
    void readersKeepTheOldGraphWhileARebuildIsUnderWayAndSeeTheNewOneWhole() throws Exception {
        HeldCatalog catalog = new HeldCatalog();
        try (GraphHolder holder = new GraphHolder(new CatalogGraph(catalog), List::of, CLOCK)) {
            catalog.gate.drainPermits();
            CountDownLatch rebuildReading = new CountDownLatch(1);
            catalog.reading.set(rebuildReading);
            catalog.relations.set(List.of(new CatalogRelation(EntityRef.of("component", "a"), "dependsOn",
                    EntityRef.of("component", "b"), false, Optional.empty())));
            catalog.version.set(2);

            GraphSnapshot during = holder.current();
            assertTrue(rebuildReading.await(10, TimeUnit.SECONDS), "the read started a rebuild");
            GraphSnapshot stillDuring = holder.current();

            assertEquals(1, during.catalogVersion());
            assertEquals(0, stillDuring.graph().size());
            assertFalse(holder.fresh());

            catalog.gate.release(Integer.MAX_VALUE);
            GraphSnapshot after = awaitSnapshot(holder, snapshot -> snapshot.catalogVersion() == 2);

            assertEquals(2, after.graph().size());
            assertEquals(1, after.graph().edges().size());
        }
    }
}
