package dev.vitals.plugins.cost.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.EntityRef;
import dev.vitals.api.Signal;
import dev.vitals.api.SignalFilter;
import dev.vitals.api.SignalStatus;
import dev.vitals.plugins.cost.CostCatalog;
import dev.vitals.plugins.cost.DailyCosts;
import dev.vitals.plugins.cost.FocusCsv;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cost-anomaly signal as billing files arrive day by day: checkout costs 100 a day from 2 September 2024, 300 from
 * 30 September to 2 October, then 100 again. The team's floor is the default 50, so an impact of 200 is above twice
 * the floor; the team watches week-over-week and month-over-month changes (the defaults).
 */
class CostSignalsTest {

    private static final EntityRef CHECKOUT = EntityRef.of("component", "checkout");

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .catalog(CostCatalog.payments())
            .build();

    private static void importUpTo(VitalsPortal portal, String last, String normalAgainFrom) {
        LocalDate end = LocalDate.parse(last).plusDays(1);
        LocalDate spike = LocalDate.parse("2024-09-30");
        LocalDate normal = LocalDate.parse(normalAgainFrom);
        FocusCsv file = DailyCosts.daily(new FocusCsv(), "checkout", LocalDate.parse("2024-09-02"), end,
                ZoneOffset.UTC, day -> !day.isBefore(spike) && day.isBefore(normal) ? "300" : "100");
        portal.admin().send("POST", "/api/cost/imports", "text/csv", file.text(), Map.of()).expect(201);
        portal.runJob("detect-cost-anomalies");
    }

    private static Signal latest(VitalsPortal portal) {
        List<Signal> signals = portal.latestSignals(SignalFilter.about(CHECKOUT).plugin("cost")
                .kind(CostSignals.KIND));
        assertEquals(1, signals.size(), signals.toString());
        return signals.get(0);
    }

    @Test
    void aSpikeWarnsThreeLargeDaysAreCriticalAndItClearsOnceNeitherTheDayNorItsWeekIsOff(VitalsPortal portal) {
        importUpTo(portal, "2024-09-29", "2099-01-01");
        assertEquals(List.of(), portal.latestSignals(SignalFilter.about(CHECKOUT).plugin("cost")),
                "a service that was never off gets no signal");

        importUpTo(portal, "2024-09-30", "2099-01-01");
        Signal warn = latest(portal);
        assertEquals(SignalStatus.WARN, warn.status());
        assertEquals(200.0, warn.value().orElseThrow(), 1e-9);
        assertTrue(warn.link().orElseThrow().startsWith("/p/cost/anomalies/"), warn.link().toString());

        importUpTo(portal, "2024-10-01", "2099-01-01");
        assertEquals(SignalStatus.WARN, latest(portal).status(), "two days are not yet three");

        importUpTo(portal, "2024-10-02", "2099-01-01");
        assertEquals(SignalStatus.CRITICAL, latest(portal).status());

        importUpTo(portal, "2024-10-03", "2024-10-03");
        assertEquals(SignalStatus.WARN, latest(portal).status(), "back to 100, but the week to 3 October (1300) "
                + "still rose 600 over the week before (700): 86 a day, 86 %, an open week-over-week alert");

        importUpTo(portal, "2024-10-07", "2024-10-03");
        assertEquals(SignalStatus.OK, latest(portal).status(), "the week to 7 October (1100) rose 200 over the week "
                + "before (900): under the floor of 50 a day");
    }
}
