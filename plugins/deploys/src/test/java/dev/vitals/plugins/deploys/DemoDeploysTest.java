package dev.vitals.plugins.deploys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.SignalStatus;
import dev.vitals.core.Vitals;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import dev.vitals.plugins.deploys.dora.DoraQuery;
import dev.vitals.plugins.deploys.dora.DoraThresholds;
import dev.vitals.plugins.deploys.dora.Period;
import dev.vitals.plugins.deploys.migration.MigrationTracker;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The demo organisation's 90 days: a weekly train, then independent deploys; seeded once. */
class DemoDeploysTest {

    @Test
    void ninetyDaysMoveFromAWeeklyTrainToIndependentDeploysAndASecondStartAddsNothing() {
        var db = TestPostgres.freshDatabase();
        Map<String, String> demo = Map.of("VITALS_DEMO", "true");
        long first;
        try (Vitals portal = TestPortal.start(db, TestPlugins.of().with("deploys", DeploysPlugin::new).source(), demo)) {
            first = count(portal, "deploys.deployments");
            assertTrue(first > 500, "deployments: " + first);
            assertTrue(count(portal, "deploys.incidents") > 10);
            assertTrue(portal.signals().latestFor("component:default/recorder-api").stream()
                    .anyMatch(s -> s.kind().equals("dora") && s.status() != SignalStatus.UNKNOWN));
        }
        ObservedPlugin plugin = new ObservedPlugin();
        try (Vitals again = TestPortal.start(db, TestPlugins.of().with("deploys", () -> plugin).source(), demo)) {
            assertEquals(first, count(again, "deploys.deployments"));
            var ctx = plugin.context();
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            DoraQuery dora = new DoraQuery(ctx.jdbi(), DoraThresholds.DEFAULTS);
            // The train: at most one deploy per service per week, all on Tuesdays.
            Period train = new Period(today.minusDays(88), today.minusDays(46), ZoneOffset.UTC);
            long services = ctx.catalog().services().size();
            List<Long> trainWeeks = dora.weeklyDeployments(Optional.empty(), train);
            assertTrue(trainWeeks.stream().allMatch(w -> w <= services), trainWeeks.toString());
            long tuesdays = ctx.jdbi().withHandle(h -> h.createQuery("""
                    SELECT count(*) FROM deployments WHERE finished_at < now() - interval '46 days'
                      AND extract(isodow FROM finished_at AT TIME ZONE 'UTC') <> 2""").mapTo(Long.class).one());
            assertEquals(0, tuesdays);
            // Afterwards most services ship on their own, several times a week: two whole weeks, whatever today's
            // weekday, since a week cut short at either end of the period counts fewer.
            LocalDate monday = today.minusDays(21).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            Period independent = new Period(monday, monday.plusWeeks(2), ZoneOffset.UTC);
            List<Long> laterWeeks = dora.weeklyDeployments(Optional.empty(), independent);
            assertTrue(laterWeeks.stream().mapToLong(Long::longValue).min().orElse(0)
                    > 2 * trainWeeks.stream().mapToLong(Long::longValue).max().orElse(0),
                    trainWeeks + " then " + laterWeeks);
            long migrated = new MigrationTracker(ctx.jdbi()).modes(ctx.catalog().services().stream()
                    .map(s -> s.ref().key()).toList(), today).stream().filter(m -> m.independent()).count();
            assertEquals(32, migrated);
        }
    }

    private static long count(Vitals portal, String table) {
        return portal.database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + table)
                .mapTo(Long.class).one());
    }
}
