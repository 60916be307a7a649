package dev.vitals.plugins.deploys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.core.Vitals;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo data is seeded once: a portal restarted on the same database adds nothing. The story the data tells is
 * {@code demo.DemoStoryTest}'s; restarting on one database is what the test kit, a portal per class, does not do.
 */
class DemoDeploysTest {

    @Test
    void aSecondStartOnTheSameDatabaseAddsNothing() {
        var db = TestPostgres.freshDatabase();
        Map<String, String> demo = Map.of("VITALS_DEMO", "true");
        long first;
        try (Vitals portal = TestPortal.start(db, TestPlugins.of().with("deploys", DeploysPlugin::new).source(), demo)) {
            first = count(portal, "deploys.deployments");
            assertTrue(first > 500, "deployments: " + first);
        }
        try (Vitals again = TestPortal.start(db, TestPlugins.of().with("deploys", DeploysPlugin::new).source(), demo)) {
            assertEquals(first, count(again, "deploys.deployments"));
        }
    }

    @Test
    void theDemoKeepsAWeeklyVerdictOverItsNinetyDaysSoTeamsHaveAHealthHistory() {
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabase(),
                TestPlugins.of().with("deploys", DeploysPlugin::new).source(), Map.of("VITALS_DEMO", "true"))) {
            ZoneId zone = portal.config().orgTimeZone();
            LocalDate today = LocalDate.now(portal.clock().withZone(zone));
            List<LocalDate> days = portal.database().jdbi().withHandle(h -> h.createQuery("""
                            SELECT DISTINCT (observed_at AT TIME ZONE :zone)::date FROM core.signal_history
                             WHERE plugin = 'deploys' AND kind = 'dora' ORDER BY 1""")
                    .bind("zone", zone.getId()).mapTo(LocalDate.class).list());

            // Yesterday and every seventh day before it within the 90 days: 1, 8, ..., 85 days ago; and today's.
            assertEquals(14, days.size(), days.toString());
            assertEquals(today.minusDays(85), days.get(0));
            assertEquals(today.minusDays(78), days.get(1));
            assertEquals(today.minusDays(1), days.get(12));
            assertEquals(today, days.get(13));
        }
    }

    private static long count(Vitals portal, String table) {
        return portal.database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + table)
                .mapTo(Long.class).one());
    }
}
