package dev.vitals.plugins.deploys.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.EntityRef;
import dev.vitals.api.SignalFilter;
import dev.vitals.api.SignalStatus;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The demo organisation's 90 days, as a visitor of a demo portal meets them: a weekly train, then independence. */
class DemoStoryTest {

    /** The portal seeds the demo organisation and asks every plugin for its demo data, as VITALS_DEMO=true does. */
    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .environment("VITALS_DEMO", "true")
            .build();

    private static long count(VitalsPortal portal, String sql) {
        return portal.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    /** Counted deployments per ISO week of the days in [from, to), in the organisation's zone (UTC here). */
    private static List<Long> weeklyDeployments(VitalsPortal portal, LocalDate from, LocalDate to) {
        return portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT sum(deployments) FROM deploys.deploy_days WHERE day >= :from AND day < :to
                GROUP BY date_trunc('week', day) ORDER BY date_trunc('week', day)""")
                .bind("from", from).bind("to", to).mapTo(Long.class).list());
    }

    @Test
    void ninetyDaysMoveFromAWeeklyTrainToIndependentDeploys(VitalsPortal portal) {
        assertTrue(count(portal, "SELECT count(*) FROM deploys.deployments") > 500);
        assertTrue(count(portal, "SELECT count(*) FROM deploys.incidents") > 10);
        portal.awaitSignals(SignalFilter.about(EntityRef.of("component", "recorder-api")).plugin(portal.pluginId())
                .kind("dora"), found -> found.stream().anyMatch(s -> s.status() != SignalStatus.UNKNOWN));

        String tracker = portal.viewer().page("/p/deploys/migration").expect(200).body();
        Matcher share = Pattern.compile("(\\d+) of (\\d+) services deploy independently").matcher(tracker);
        assertTrue(share.find(), tracker);
        assertEquals(32, Integer.parseInt(share.group(1)), share.group());
        long services = Long.parseLong(share.group(2));

        LocalDate today = LocalDate.ofInstant(portal.clock().instant(), ZoneOffset.UTC);
        // The train: at most one deploy per service per week, all on Tuesdays.
        List<Long> trainWeeks = weeklyDeployments(portal, today.minusDays(88), today.minusDays(46));
        assertTrue(!trainWeeks.isEmpty() && trainWeeks.stream().allMatch(w -> w <= services),
                trainWeeks + " for " + services + " services");
        assertEquals(0, count(portal, """
                SELECT count(*) FROM deploys.deployments WHERE finished_at < now() - interval '46 days'
                  AND extract(isodow FROM finished_at AT TIME ZONE 'UTC') <> 2"""));
        // Afterwards most services ship on their own, several times a week: two whole weeks, whatever today's
        // weekday, since a week cut short at either end of the period counts fewer.
        LocalDate monday = today.minusDays(21).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<Long> laterWeeks = weeklyDeployments(portal, monday, monday.plusWeeks(2));
        assertEquals(2, laterWeeks.size(), laterWeeks.toString());
        assertTrue(laterWeeks.stream().mapToLong(Long::longValue).min().orElse(0)
                > 2 * trainWeeks.stream().mapToLong(Long::longValue).max().orElse(0),
                trainWeeks + " then " + laterWeeks);
    }
}
