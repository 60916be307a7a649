package dev.vitals.plugins.slo.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.SignalStatus;
import dev.vitals.plugins.slo.SloStores;
import dev.vitals.plugins.slo.objectives.BudgetingMethod;
import dev.vitals.plugins.slo.objectives.Slo;
import dev.vitals.plugins.slo.objectives.SloWindow;
import dev.vitals.plugins.slo.samples.Sample;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The overview's table of latest statuses: what an evaluation stores, and how the overview sorts and pages it. */
class LatestStatusesTest {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .build();

    private static final double EPS = 1e-9;
    /** An hour ago, so that the plugin's own minute job evaluating at the wall clock finds the same windows. */
    private static final Instant T = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(1));
    private static SloStores plugin;

    @BeforeAll
    static void start(VitalsPortal portal) {
        plugin = SloStores.of(portal, ZoneOffset.UTC);
        // The job's first run comes at start; the next is a minute away, so it cannot store a status of an SLO
        // created below before its minute is.
        portal.awaitJobRun("evaluate-slos");
        // spent: 950 good of 1000 at 99.9 % → consumed 0.05 ÷ 0.001 = 50, remaining −49.
        // tight: 9995 of 10000 at 99.9 % → consumed 0.0005 ÷ 0.001 = 0.5, remaining 0.5.
        // healthy: 999 of 1000 at 99 % → consumed 0.001 ÷ 0.01 = 0.1, remaining 0.9.
        // quiet: no minutes, so no data.
        slo("spent", "payments", 0.999, 950, 1000);
        slo("healthy", "payments", 0.99, 999, 1000);
        slo("tight", "search", 0.999, 9995, 10000);
        slo("quiet", "search", 0.999, 0, 0);
    }

    private static void slo(String name, String team, double objective, long good, long total) {
        plugin.slos().create(new Slo(name, Optional.of(team + "-api"), Optional.empty(), Optional.of(team),
                BigDecimal.valueOf(objective),
                SloWindow.ROLLING_30D, BudgetingMethod.OCCURRENCES, Optional.empty(), Optional.empty(), T));
        if (total > 0) {
            plugin.samples().store(List.of(new Sample(name, T.minus(Duration.ofMinutes(5)), good, total, null)));
        }
    }

    private static List<StoredStatus> page(Optional<String> team, LatestStatuses.Order order, int page, int size) {
        return plugin.latestStatuses().page(team, Optional.empty(), Set.of(), order, page, size).rows();
    }

    @Test
    void theMinuteJobStoresEveryStatusAndTheOverviewSortsThemByBudgetLeftNoDataLast() {
        plugin.latestStatuses().saveAll(plugin.evaluator().statuses(plugin.slos().all(), T).values());

        List<StoredStatus> rows = page(Optional.empty(), LatestStatuses.Order.BUDGET, 1, 10);

        assertEquals(List.of("spent", "tight", "healthy", "quiet"), rows.stream().map(r -> r.slo().name()).toList());
        assertEquals(-49, rows.get(0).remainingShare().getAsDouble(), 1e-6);
        assertEquals(0.95, rows.get(0).attainmentShare().getAsDouble(), EPS);
        assertEquals(SignalStatus.CRITICAL, rows.get(0).verdict().orElseThrow().status());
        assertEquals(0.5, rows.get(1).remainingShare().getAsDouble(), 1e-6);
        assertEquals(0.9, rows.get(2).remainingShare().getAsDouble(), 1e-6);
        assertTrue(rows.get(3).remainingShare().isEmpty());
        assertEquals("no data", rows.get(3).remaining());
        assertEquals(SignalStatus.UNKNOWN, rows.get(3).verdict().orElseThrow().status());
        assertTrue(rows.get(0).evaluatedAt().orElseThrow().compareTo(T) >= 0);
    }

    @Test
    void theOverviewFiltersByTeamAndPagesInTheDatabase() {
        plugin.latestStatuses().saveAll(plugin.evaluator().statuses(plugin.slos().all(), T).values());

        assertEquals(List.of("tight", "quiet"), page(Optional.of("search"), LatestStatuses.Order.BUDGET, 1, 10)
                .stream().map(r -> r.slo().name()).toList());
        assertEquals(List.of("spent", "tight"), page(Optional.empty(), LatestStatuses.Order.NAME, 2, 2).stream()
                .map(r -> r.slo().name()).toList());
        assertEquals(2, plugin.latestStatuses().page(Optional.of("payments"), Optional.empty(), Set.of(),
                LatestStatuses.Order.NAME, 1, 1).total());
        // A component's SLOs are its own and its services'.
        assertEquals(List.of("spent", "healthy"), plugin.latestStatuses().page(Optional.empty(),
                Optional.of("checkout"), Set.of("payments-api"), LatestStatuses.Order.BUDGET, 1, 10).rows().stream()
                .map(r -> r.slo().name()).toList());
    }

    @Test
    void anEvaluationThatFinishesLateDoesNotOverwriteALaterOne() {
        Slo healthy = plugin.slos().find("healthy").orElseThrow();
        Instant later = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MINUTES);
        plugin.latestStatuses().saveAll(List.of(plugin.evaluator().status(healthy, later)));

        plugin.latestStatuses().saveAll(List.of(plugin.evaluator().status(healthy, T)));

        StoredStatus stored = page(Optional.of("payments"), LatestStatuses.Order.NAME, 1, 10).get(0);
        assertEquals("healthy", stored.slo().name());
        assertEquals(Optional.of(later), stored.evaluatedAt());
    }
}
