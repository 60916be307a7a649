package dev.vitals.core.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vitals.api.EntityRef;
import dev.vitals.api.Signal;
import dev.vitals.api.SignalStatus;
import dev.vitals.core.Vitals;
import dev.vitals.core.database.DatabaseSettings;
import dev.vitals.core.pluginhost.PluginSource;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * signal_status_counts, which a trigger keeps as signals are saved, holds the count of latest signals per status and
 * subject kind (the home page counted its totals from it until it began counting services by their worst verdict).
 * Its services' counts must equal a count over the latest signals whatever happened to them.
 */
class SignalStatusCountsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private static Signal signal(String plugin, String subject, String kind, SignalStatus status) {
        return new Signal(plugin, EntityRef.parse(subject), kind, status, status.name().toLowerCase(), OptionalDouble.empty(),
                Optional.empty(), NOW);
    }

    private static Map<SignalStatus, Long> gridCounts(Vitals portal) {
        Map<SignalStatus, Long> counts = new EnumMap<>(SignalStatus.class);
        portal.database().jdbi().useHandle(h -> h.createQuery("SELECT status, n FROM core.signal_status_counts "
                        + "WHERE subject_kind = 'component' AND n > 0")
                .map((rs, ctx) -> Map.entry(SignalStatus.valueOf(rs.getString(1)), rs.getLong(2)))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }

    private static Map<SignalStatus, Long> countedDirectly(Jdbi jdbi) {
        Map<SignalStatus, Long> counts = new EnumMap<>(SignalStatus.class);
        jdbi.useHandle(h -> h.createQuery("SELECT status, count(*) FROM core.signal_latest "
                        + "WHERE subject LIKE 'component:%' GROUP BY status")
                .map((rs, ctx) -> Map.entry(SignalStatus.valueOf(rs.getString(1)), rs.getLong(2)))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }

    @Test
    void theTotalsFollowASignalFromCriticalToOkAndCountOnlyServices() {
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabase(), PluginSource.none())) {
            SignalStore store = portal.signals();
            store.save(signal("slo", "component:default/a", "error-budget", SignalStatus.CRITICAL));
            store.save(signal("slo", "component:default/b", "error-budget", SignalStatus.CRITICAL));
            store.save(signal("deploys", "component:default/a", "dora", SignalStatus.WARN));
            store.save(signal("deploys", "component:default/b", "dora", SignalStatus.UNKNOWN));
            store.save(signal("slo", "group:default/team-a", "error-budget", SignalStatus.CRITICAL));
            assertEquals(Map.of(SignalStatus.CRITICAL, 2L, SignalStatus.WARN, 1L, SignalStatus.UNKNOWN, 1L),
                    gridCounts(portal));

            store.save(signal("slo", "component:default/a", "error-budget", SignalStatus.OK));
            store.save(signal("deploys", "component:default/a", "dora", SignalStatus.WARN)); // the same again

            assertEquals(Map.of(SignalStatus.CRITICAL, 1L, SignalStatus.WARN, 1L, SignalStatus.UNKNOWN, 1L,
                    SignalStatus.OK, 1L), gridCounts(portal));

            store.save(signal("slo", "component:default/b", "error-budget", SignalStatus.OK));

            assertEquals(Map.of(SignalStatus.WARN, 1L, SignalStatus.UNKNOWN, 1L, SignalStatus.OK, 2L), gridCounts(portal),
                    "a status no signal has any more is not shown as zero");
        }
    }

    @Test
    void deletedSignalsLeaveTheTotals() {
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabase(), PluginSource.none())) {
            portal.signals().save(signal("slo", "component:default/a", "error-budget", SignalStatus.CRITICAL));
            portal.signals().save(signal("slo", "component:default/b", "error-budget", SignalStatus.WARN));

            portal.database().jdbi().useHandle(h -> h.execute(
                    "DELETE FROM core.signal_latest WHERE subject = 'component:default/a'"));
            assertEquals(Map.of(SignalStatus.WARN, 1L), gridCounts(portal));

            portal.database().jdbi().useHandle(h -> h.execute("TRUNCATE core.signal_latest"));
            assertEquals(Map.of(), gridCounts(portal));
        }
    }

    @Test
    void concurrentSavesThatSwapStatusesKeepTheTotalsExact() throws Exception {
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabase(), PluginSource.none())) {
            SignalStore store = portal.signals();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> saves = new ArrayList<>();
                for (int worker = 0; worker < 4; worker++) {
                    int w = worker;
                    saves.add(pool.submit(() -> {
                        for (int i = 0; i < 100; i++) {
                            SignalStatus status = (i + w) % 2 == 0 ? SignalStatus.CRITICAL : SignalStatus.OK;
                            store.save(signal("slo", "component:default/s" + (i % 10), "kind-" + w, status));
                        }
                    }));
                }
                for (Future<?> save : saves) {
                    save.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }

            // 4 workers × 10 services, one latest signal each.
            assertEquals(40L, gridCounts(portal).values().stream().mapToLong(Long::longValue).sum());
            assertEquals(countedDirectly(portal.database().jdbi()), gridCounts(portal));
        }
    }

    @Test
    void signalsSavedBeforeTheCountsExistedAreCountedByTheMigration() {
        DatabaseSettings database = TestPostgres.freshDatabase();
        Flyway flyway = Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .schemas("core").createSchemas(true).locations("classpath:db/migration/core").target("5").load();
        flyway.migrate();
        Jdbi.create(database.url(), database.user(), database.password()).useHandle(h -> h.execute("""
                INSERT INTO core.signal_latest (plugin, subject, kind, status, summary, observed_at) VALUES
                  ('slo', 'component:default/a', 'error-budget', 'CRITICAL', '', now()),
                  ('deploys', 'component:default/a', 'dora', 'UNKNOWN', '', now()),
                  ('deploys', 'component:default/b', 'dora', 'UNKNOWN', '', now()),
                  ('slo', 'program:default/p', 'error-budget', 'CRITICAL', '', now())"""));

        try (Vitals portal = TestPortal.start(database, PluginSource.none())) {
            assertEquals(Map.of(SignalStatus.CRITICAL, 1L, SignalStatus.UNKNOWN, 2L), gridCounts(portal));
            portal.signals().save(signal("slo", "component:default/a", "error-budget", SignalStatus.OK));
            assertEquals(Map.of(SignalStatus.OK, 1L, SignalStatus.UNKNOWN, 2L), gridCounts(portal));
        }
    }

}
