package dev.vitals.plugins.deploys.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vitals.api.CatalogChanges;
import dev.vitals.api.CatalogEntity;
import dev.vitals.api.CatalogRelation;
import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.testing.MovableClock;
import dev.vitals.plugins.deploys.DeploysTestPortal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which services' keys are kept, and what it costs the catalog: the host's real catalog view, with its reads counted
 * on the way through.
 */
class KnownServicesTest {

    private static DeploysTestPortal portal;

    @BeforeAll
    static void start() {
        portal = DeploysTestPortal.start("UTC", Map.of());
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void everyServiceIsReadOnceAndAfterACatalogEditOnlyWhatChangedIsApplied() {
        CountedCatalog catalog = new CountedCatalog(portal.context().catalog());
        MovableClock clock = new MovableClock();
        KnownServices known = new KnownServices(catalog, clock);
        try {
            assertEquals(Map.of("alpha", Optional.of("alpha")), known.keys(List.of("alpha")));
            assertEquals(1, catalog.wholeReads.get(), "every service read at the first use");

            assertEquals(Map.of("beta", Optional.of("beta"), "gamma", Optional.of("gamma"),
                    "streaming", Optional.empty()), known.keys(List.of("beta", "gamma", "streaming")));
            assertEquals(1, catalog.lookUps.get(), "only the name that is no service was looked up");

            // The catalog's edit: alpha gone, delta new. Kept keys are not read again, alpha is dropped.
            portal.vitals().catalogSources().importText("deploys-test",
                    DeploysTestPortal.catalog().replace("name: alpha", "name: delta"),
                    new Actor("test", Optional.empty()));
            portal.vitals().database().jdbi().useHandle(h -> h.execute(
                    "DELETE FROM core.catalog_entities WHERE ref = 'component:default/alpha'"));
            clock.moveOn(KnownServices.RECHECK);

            assertEquals(Map.of("alpha", Optional.empty(), "beta", Optional.of("beta"),
                    "delta", Optional.of("delta")), known.keys(List.of("alpha", "beta", "delta")));
            assertEquals(1, catalog.wholeReads.get(), "the changes applied, not every service read again");
            assertEquals(2, catalog.lookUps.get(), "alpha and delta, not kept, were looked up together");
            assertEquals(Map.of("delta", Optional.of("delta")), known.keys(List.of("delta")));
            assertEquals(2, catalog.lookUps.get(), "delta is kept once found");
        } finally {
            portal.vitals().catalogSources().importText("deploys-test", DeploysTestPortal.catalog(),
                    new Actor("test", Optional.empty()));
        }
    }

    @Test
    void aCatalogThatCannotTellWhatChangedHasEveryServiceReadAgain() {
        CountedCatalog catalog = new CountedCatalog(portal.context().catalog());
        catalog.tellsChanges = false;
        MovableClock clock = new MovableClock();
        KnownServices known = new KnownServices(catalog, clock);
        known.keys(List.of("alpha"));
        portal.vitals().catalogSources().importText("deploys-test",
                DeploysTestPortal.catalog().replace("name: gamma", "name: epsilon"),
                new Actor("test", Optional.empty()));
        try {
            clock.moveOn(KnownServices.RECHECK);
            assertEquals(Map.of("epsilon", Optional.of("epsilon")), known.keys(List.of("epsilon")));
            assertEquals(2, catalog.wholeReads.get());
            assertEquals(0, catalog.lookUps.get());
        } finally {
            portal.vitals().catalogSources().importText("deploys-test", DeploysTestPortal.catalog(),
                    new Actor("test", Optional.empty()));
        }
    }

    /** The host's view, counting whole reads of the services and look-ups by reference. */
    private static final class CountedCatalog implements CatalogView {

        private final CatalogView host;
        private final AtomicInteger wholeReads = new AtomicInteger();
        private final AtomicInteger lookUps = new AtomicInteger();
        private volatile boolean tellsChanges = true;

        CountedCatalog(CatalogView host) {
            this.host = host;
        }

        @Override
        public Optional<CatalogEntity> entity(EntityRef ref) {
            lookUps.incrementAndGet();
            return host.entity(ref);
        }

        @Override
        public Map<EntityRef, CatalogEntity> entities(Collection<EntityRef> refs) {
            lookUps.incrementAndGet();
            return host.entities(refs);
        }

        @Override
        public List<CatalogEntity> services() {
            wholeReads.incrementAndGet();
            return host.services();
        }

        @Override
        public List<CatalogEntity> servicesOf(EntityRef ref) {
            return host.servicesOf(ref);
        }

        @Override
        public List<CatalogEntity> entities(String kind) {
            return host.entities(kind);
        }

        @Override
        public List<CatalogEntity> availabilityComponentsOf(EntityRef program) {
            return host.availabilityComponentsOf(program);
        }

        @Override
        public List<CatalogRelation> relations() {
            return host.relations();
        }

        @Override
        public Optional<CatalogChanges> changesSince(long version) {
            return tellsChanges ? host.changesSince(version) : Optional.empty();
        }

        @Override
        public long version() {
            return host.version();
        }
    }
}
