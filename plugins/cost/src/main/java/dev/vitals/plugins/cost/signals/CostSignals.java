package dev.vitals.plugins.cost.signals;

import dev.vitals.api.EntityRef;
import dev.vitals.api.SignalStatus;
import dev.vitals.api.Signals;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jdbi.v3.core.Jdbi;

/**
 * Signal {@value #KIND} per service, published when its status changes: WARNING while the service's latest day of
 * cost has an open anomaly or alert, CRITICAL when each of its last {@value #CRITICAL_DAYS} days has one whose impact
 * is above twice its team's floor, OK once that clears (a normal day arrives, or it is dismissed). A service that was
 * never anything but OK gets no signal.
 */
public final class CostSignals {

    /** The signal's kind. */
    public static final String KIND = "cost-anomaly";
    /** The days in a row of large impact that make a signal critical. */
    public static final int CRITICAL_DAYS = 3;

    private final Jdbi jdbi;
    private final Signals signals;
    private final Clock clock;

    public CostSignals(Jdbi jdbi, Signals signals, Clock clock) {
        this.jdbi = jdbi;
        this.signals = signals;
        this.clock = clock;
    }

    /**
     * @param service the service
     * @param latestDay its latest day with cost
     * @param open its open findings of the last days up to {@code latestDay}
     * @param floorPerDay its team's floor
     * @param pageLink where to look when nothing is open
     * @return the status now
     */
    public SignalStatus assess(EntityRef service, LocalDate latestDay, List<Finding> open, BigDecimal floorPerDay,
            String pageLink) {
        return assess(service, latestDay, open, floorPerDay, pageLink, jdbi.withHandle(h -> h.createQuery(
                "SELECT status FROM signal_states WHERE service = :service")
                .bind("service", service.toString()).mapTo(String.class).findOne())
                .map(SignalStatus::valueOf).orElse(SignalStatus.OK));
    }

    /** @return the status last published per service, for assessing many services without a read each */
    public Map<EntityRef, SignalStatus> published() {
        Map<EntityRef, SignalStatus> states = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT service, status FROM signal_states")
                .map((rs, ctx) -> Map.entry(EntityRef.parse(rs.getString("service")),
                        SignalStatus.valueOf(rs.getString("status"))))
                .forEach(e -> states.put(e.getKey(), e.getValue())));
        return states;
    }

    /**
     * As {@link #assess(EntityRef, LocalDate, List, BigDecimal, String)}, with the status last published known.
     *
     * @param before the status last published, OK when none was
     * @return the status now
     */
    public SignalStatus assess(EntityRef service, LocalDate latestDay, List<Finding> open, BigDecimal floorPerDay,
            String pageLink, SignalStatus before) {
        BigDecimal large = floorPerDay.multiply(BigDecimal.valueOf(2));
        boolean critical = true;
        for (int back = 0; back < CRITICAL_DAYS; back++) {
            LocalDate day = latestDay.minusDays(back);
            critical &= open.stream().anyMatch(f -> f.day().equals(day) && f.impact().compareTo(large) > 0);
        }
        Optional<Finding> latest = open.stream().filter(f -> f.day().equals(latestDay))
                .max(Comparator.comparing(Finding::impact));
        SignalStatus status = critical ? SignalStatus.CRITICAL : latest.isPresent() ? SignalStatus.WARN
                : SignalStatus.OK;
        if (status != before) {
            String summary = switch (status) {
                case CRITICAL -> "Cost above expectation by more than " + large.stripTrailingZeros().toPlainString()
                        + " a day for " + CRITICAL_DAYS + " days";
                case WARN -> "Cost " + latest.get().impact().stripTrailingZeros().toPlainString()
                        + " above expectation on " + latestDay;
                default -> "Cost back within its expected band";
            };
            signals.publish(service, KIND, status, summary,
                    latest.map(f -> OptionalDouble.of(f.impact().doubleValue())).orElse(OptionalDouble.empty()),
                    Optional.of(latest.map(Finding::link).orElse(pageLink)));
            jdbi.useHandle(h -> h.createUpdate("""
                    INSERT INTO signal_states (service, status, since) VALUES (:service, :status, :now)
                    ON CONFLICT (service) DO UPDATE SET status = excluded.status, since = excluded.since""")
                    .bind("service", service.toString()).bind("status", status.name()).bind("now", clock.instant())
                    .execute());
        }
        return status;
    }
}
