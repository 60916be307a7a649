package dev.vitals.core.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vitals.api.SignalStatus;
import dev.vitals.core.Vitals;
import dev.vitals.core.pluginhost.PluginSource;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class HealthHistoryTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void theScoreIsTheMeanOfKnownStatusesAndUnknownIsLeftOut() {
        assertEquals(OptionalDouble.of(50.0), HealthScore.of(List.of(SignalStatus.OK, SignalStatus.CRITICAL)));
        assertEquals(OptionalDouble.of(75.0), HealthScore.of(List.of(SignalStatus.OK, SignalStatus.WARN, SignalStatus.UNKNOWN)));
        assertEquals(OptionalDouble.empty(), HealthScore.of(List.of(SignalStatus.UNKNOWN)));
        assertEquals(OptionalDouble.empty(), HealthScore.of(List.of()));
    }

    @Test
    void eachDayScoresTheLastStatusBeforeItEndedInTheOrgTimeZoneAcrossADstChange() {
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabase(), PluginSource.none())) {
            // Berlin leaves summer time on 2026-10-25 (that day has 25 hours).
            insert(portal, "a", "component:default/x", "OK", "2026-10-24T10:00:00Z");
            insert(portal, "a", "component:default/y", "CRITICAL", "2026-10-25T22:30:00Z"); // 23:30 in Berlin, still the 25th
            insert(portal, "a", "component:default/x", "WARN", "2026-10-25T23:30:00Z");     // 00:30 on the 26th in Berlin
            insert(portal, "b", "component:default/x", "UNKNOWN", "2026-10-26T08:00:00Z");

            List<HealthHistory.DailyScore> days = new HealthHistory(portal.database().jdbi()).lastDays(
                    List.of("component:default/x", "component:default/y"), 4, LocalDate.parse("2026-10-26"), BERLIN);

            assertEquals(List.of(
                    new HealthHistory.DailyScore(LocalDate.parse("2026-10-23"), OptionalDouble.empty()),
                    new HealthHistory.DailyScore(LocalDate.parse("2026-10-24"), OptionalDouble.of(100)),
                    new HealthHistory.DailyScore(LocalDate.parse("2026-10-25"), OptionalDouble.of(50)),   // OK + CRITICAL
                    new HealthHistory.DailyScore(LocalDate.parse("2026-10-26"), OptionalDouble.of(25))),  // WARN + CRITICAL, UNKNOWN left out
                    days);
        }
    }

    private static void insert(Vitals portal, String plugin, String subject, String status, String at) {
        portal.database().jdbi().useHandle(h -> h.createUpdate("INSERT INTO core.signal_history (plugin, subject, kind, "
                        + "status, summary, observed_at) VALUES (:p, :s, 'k', :st, 'x', :at)")
                .bind("p", plugin).bind("s", subject).bind("st", status).bind("at", Instant.parse(at)).execute());
    }
}
