package dev.vitals.plugins.slo.measures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vitals.api.EntityRef;
import dev.vitals.api.MeasurePoint;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.plugins.slo.SloTestPortal;
import dev.vitals.plugins.slo.objectives.BudgetingMethod;
import dev.vitals.plugins.slo.objectives.Slo;
import dev.vitals.plugins.slo.objectives.SloWindow;
import dev.vitals.plugins.slo.refresh.AfterNewMinutes;
import dev.vitals.plugins.slo.samples.CarriedSums;
import dev.vitals.plugins.slo.samples.Sample;
import dev.vitals.plugins.slo.samples.SampleWrites;
import dev.vitals.plugins.slo.signals.BudgetSignals;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Daily request totals per service, in the organisation's time zone (Berlin), around the autumn DST change: 25 October
 * 2026 runs from 00:00 CEST (24 Oct 22:00Z) to 00:00 CET (25 Oct 23:00Z), 25 hours. Every total is worked out by hand
 * in the comments.
 */
class RequestMeasuresTest {

    private static final LocalDate OCT_24 = LocalDate.of(2026, 10, 24);
    private static final LocalDate OCT_25 = LocalDate.of(2026, 10, 25);
    private static final LocalDate OCT_26 = LocalDate.of(2026, 10, 26);
    private static final EntityRef BILLING = EntityRef.of("component", "billing-api");
    private static final EntityRef SEARCH = EntityRef.of("component", "search-api");
    private static SloTestPortal plugin;
    private static RequestMeasures measures;

    @BeforeAll
    static void start() {
        plugin = SloTestPortal.start(Map.of("VITALS_TIMEZONE", "Europe/Berlin"));
        // Both jobs run at start: retention could drop these minutes, the measure job publish them alongside.
        TestPortal.awaitFirstRun(plugin.portal(), "slo", "prune-minute-data");
        TestPortal.awaitFirstRun(plugin.portal(), "slo", "publish-request-measures");
        measures = new RequestMeasures(plugin.slos(), plugin.samples(), plugin.context().measures(),
                plugin.context().orgTimeZone(), Runnable::run);
        slo("checkout-availability", Optional.of("billing-api"), Optional.empty(), BudgetingMethod.OCCURRENCES);
        slo("checkout-latency", Optional.of("billing-api"), Optional.empty(), BudgetingMethod.OCCURRENCES);
        slo("checkout-p99", Optional.of("billing-api"), Optional.empty(), BudgetingMethod.TIMESLICES);
        slo("search-availability", Optional.of("search-api"), Optional.empty(), BudgetingMethod.OCCURRENCES);
        slo("checkout-journey", Optional.empty(), Optional.of("checkout"), BudgetingMethod.OCCURRENCES);
        plugin.samples().store(List.of(
                events("checkout-availability", "2026-10-24T21:59:00Z", 99, 100),   // 23:59 CEST on the 24th
                events("checkout-availability", "2026-10-24T22:00:00Z", 190, 200),  // 00:00 CEST on the 25th
                events("checkout-availability", "2026-10-25T00:30:00Z", 300, 300),  // the first 02:30 (CEST)
                events("checkout-availability", "2026-10-25T01:30:00Z", 350, 400),  // the second 02:30 (CET)
                events("checkout-availability", "2026-10-25T22:59:00Z", 495, 500),  // 23:59 CET on the 25th
                events("checkout-availability", "2026-10-25T23:00:00Z", 600, 600),  // 00:00 on the 26th
                events("checkout-latency", "2026-10-24T12:00:00Z", 0, 150),         // more than availability's 100
                events("checkout-latency", "2026-10-25T12:00:00Z", 900, 1000),      // fewer than availability's 1400
                new Sample("checkout-p99", Instant.parse("2026-10-25T12:00:00Z"), null, null, 900.0),
                events("search-availability", "2026-10-25T10:00:00Z", 10, 10),
                events("checkout-journey", "2026-10-25T10:00:00Z", 0, 5000)));
    }

    @AfterAll
    static void stop() {
        plugin.close();
    }

    private static void slo(String name, Optional<String> service, Optional<String> component,
            BudgetingMethod method) {
        plugin.slos().create(new Slo(name, service, component, Optional.of("payments"), new BigDecimal("0.99"),
                SloWindow.ROLLING_30D, method, method == BudgetingMethod.TIMESLICES
                        ? Optional.of(new BigDecimal("300")) : Optional.empty(), Optional.empty(),
                Instant.parse("2026-10-01T00:00:00Z")));
    }

    private static Sample events(String slo, String minute, long good, long total) {
        return new Sample(slo, Instant.parse(minute), good, total, null);
    }

    /** @return the stored values of a measure from the 23rd to the 27th, as "day=value" */
    private static List<String> stored(String name, EntityRef service) {
        return plugin.context().measures().read(name, service, OCT_24.minusDays(1), OCT_26.plusDays(1)).stream()
                .map(RequestMeasuresTest::written).toList();
    }

    private static String written(MeasurePoint point) {
        return point.day() + "=" + point.value().stripTrailingZeros().toPlainString();
    }

    @Test
    void eachLocalDayCountsTheEventsOfItsMinutesAcrossTheDstChangeFromTheServicesBusiestSlo() {
        measures.publishDays(OCT_24, OCT_26);

        // billing-api, 24th: availability counted 100, latency 150, so latency's: 150 requests, all 150 bad.
        // 25th, all 25 hours: availability 200 + 300 + 400 + 500 = 1400 requests (latency's 1000 are fewer), bad
        // 10 + 0 + 50 + 5 = 65. 26th: 600 requests, none bad. The timeslices SLO counts minutes, not requests.
        assertEquals(List.of("2026-10-24=150", "2026-10-25=1400", "2026-10-26=600"),
                stored(RequestMeasures.REQUESTS, BILLING));
        assertEquals(List.of("2026-10-24=150", "2026-10-25=65", "2026-10-26=0"),
                stored(RequestMeasures.BAD_REQUESTS, BILLING));
        // search-api had events on the 25th only: the other days have no value, not zero.
        assertEquals(List.of("2026-10-25=10"), stored(RequestMeasures.REQUESTS, SEARCH));
        assertEquals(List.of("2026-10-25=0"), stored(RequestMeasures.BAD_REQUESTS, SEARCH));
        // An availability component's journey is not a service's requests.
        assertEquals(List.of(), stored(RequestMeasures.REQUESTS, EntityRef.of("availabilitycomponent", "checkout")));
    }

    @Test
    void minutesThatArriveRepublishTheirDayAfterTheAnswerAndLeaveTheOtherDaysAsTheyWere() throws Exception {
        EntityRef ledger = EntityRef.of("component", "ledger-api");
        slo("ledger-availability", Optional.of("ledger-api"), Optional.empty(), BudgetingMethod.OCCURRENCES);
        plugin.samples().store(List.of(events("ledger-availability", "2026-10-25T22:30:00Z", 40, 40))); // 23:30 CET
        measures.publishDays(OCT_24, OCT_26);
        assertEquals(List.of("2026-10-25=40"), stored(RequestMeasures.REQUESTS, ledger));
        BudgetSignals signals = new BudgetSignals(plugin.slos(), plugin.evaluator(), plugin.alerts(),
                plugin.latestStatuses(), plugin.context().catalog(), plugin.context().signals(),
                plugin.context().clock(), new CarriedSums(plugin.samples(), new SampleWrites(plugin.jdbi()),
                        Runnable::run), Runnable::run, plugin.stores().links());
        try (AfterNewMinutes refresh = new AfterNewMinutes(signals, measures)) {
            // An hour later it is 00:30 on the 26th: 100 requests, 20 of them bad, the 26th's first.
            List<Sample> arrived = List.of(events("ledger-availability", "2026-10-25T23:30:00Z", 80, 100));
            plugin.samples().store(arrived);

            refresh.minutesArrived(arrived);

            awaitStored(RequestMeasures.BAD_REQUESTS, ledger, "2026-10-26=20");
            assertEquals(List.of("2026-10-25=40", "2026-10-26=100"), stored(RequestMeasures.REQUESTS, ledger));
            assertEquals(List.of("2026-10-25=0", "2026-10-26=20"), stored(RequestMeasures.BAD_REQUESTS, ledger));
        }

        // Publishing the same days again replaces each value with itself.
        measures.publishDays(OCT_24, OCT_26);
        assertEquals(List.of("2026-10-25=40", "2026-10-26=100"), stored(RequestMeasures.REQUESTS, ledger));
    }

    private static void awaitStored(String name, EntityRef service, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!stored(name, service).contains(expected)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(expected + " was not published within 20 s: " + stored(name, service));
            }
            Thread.sleep(50);
        }
    }
}
