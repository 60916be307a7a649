package dev.vitals.plugins.cost.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.core.Vitals;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import dev.vitals.plugins.cost.CostPlugin;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo's billing: a daily row per service of the demo catalog and a shared one, weekends cheaper than weekdays,
 * and a portal restarted on the same database adds nothing.
 */
class DemoCostTest {

    @Test
    void theDemoBillsEveryServiceWithAWeeklyRhythmAndASecondStartAddsNothing() {
        var db = TestPostgres.freshDatabase();
        Map<String, String> demo = Map.of("VITALS_DEMO", "true", "VITALS_TIMEZONE", "Europe/Berlin");
        long first;
        try (Vitals portal = TestPortal.start(db, TestPlugins.of().with("cost", CostPlugin::new).source(), demo)) {
            first = count(portal, "SELECT count(*) FROM cost.charges");
            long services = portal.catalog().all(java.util.Set.of("Component")).size();
            long days = count(portal, "SELECT count(DISTINCT charge_period_start) FROM cost.charges");
            assertTrue(days >= 60, "days: " + days);
            assertEquals((services + 1) * days, first, "one row per service and day, and one shared");
            assertEquals(days, count(portal, "SELECT count(*) FROM cost.charges WHERE allocation_tag IS NULL"));
            List<BigDecimal[]> rhythm = portal.database().jdbi().withHandle(h -> h.createQuery("""
                    SELECT avg(cost) FILTER (WHERE extract(isodow FROM charge_period_start AT TIME ZONE
                               'Europe/Berlin') >= 6),
                           avg(cost) FILTER (WHERE extract(isodow FROM charge_period_start AT TIME ZONE
                               'Europe/Berlin') < 6)
                    FROM cost.charges GROUP BY allocation_tag""")
                    .map((rs, ctx) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)}).list());
            rhythm.forEach(r -> assertTrue(r[0].compareTo(r[1]) < 0, "weekend " + r[0] + ", weekday " + r[1]));
        }
        try (Vitals again = TestPortal.start(db, TestPlugins.of().with("cost", CostPlugin::new).source(), demo)) {
            assertEquals(first, count(again, "SELECT count(*) FROM cost.charges"));
        }
    }

    private static long count(Vitals portal, String sql) {
        return portal.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
