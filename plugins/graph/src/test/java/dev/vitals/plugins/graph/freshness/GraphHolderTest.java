package dev.vitals.plugins.graph.freshness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.CatalogEntity;
import dev.vitals.api.CatalogRelation;
import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import dev.vitals.plugins.graph.model.CatalogGraph;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A rebuild never blocks a read: readers keep the old snapshot until the new one is whole. */
class GraphHolderTest {

    /** A catalog whose relations can be held back while a rebuild reads them. */
    private static final class HeldCatalog implements CatalogView {
        final AtomicLong version = new AtomicLong(1);
        final AtomicReference<List<CatalogRelation>> relations = new AtomicReference<>(List.of());
        final Semaphore gate = new Semaphore(Integer.MAX_VALUE);
        final AtomicReference<CountDownLatch> reading = new AtomicReference<>(new CountDownLatch(1));

        @Override
        public List<CatalogRelation> relations() {
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

    @Test
    void readersKeepTheOldGraphWhileARebuildIsUnderWayAndSeeTheNewOneWhole() throws Exception {
        HeldCatalog catalog = new HeldCatalog();
        try (GraphHolder holder = new GraphHolder(new CatalogGraph(catalog), List::of,
                Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC))) {
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
            GraphSnapshot after = holder.current();
            for (int i = 0; i < 400 && after.catalogVersion() != 2; i++) {
                Thread.sleep(25);
                after = holder.current();
            }
            assertEquals(2, after.catalogVersion());
            assertEquals(2, after.graph().size());
            assertEquals(1, after.graph().edges().size());
        }
    }
}
