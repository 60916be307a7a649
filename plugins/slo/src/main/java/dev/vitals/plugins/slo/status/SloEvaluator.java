package dev.vitals.plugins.slo.status;

import dev.vitals.plugins.slo.objectives.Slo;
import dev.vitals.plugins.slo.objectives.SloWindow;
import dev.vitals.plugins.slo.samples.CarriedSums;
import dev.vitals.plugins.slo.samples.Counts;
import dev.vitals.plugins.slo.samples.SampleRepository;
import dev.vitals.plugins.slo.samples.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Computes an SLO's status at a moment from its samples. */
public final class SloEvaluator {

    /** The windows the status reports burn rates over, whatever the SLO's window. */
    public static final List<Duration> BURN_WINDOWS = List.of(Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(3));

    private final SampleRepository samples;
    private final ZoneId zone;
    /** Runs the statements of an evaluation of many SLOs side by side. */
    private final Executor statements;

    /**
     * @param statements runs the statements of an evaluation of many SLOs; PostgreSQL sums each statement on one
     *     core, so with one thread the minute job over every SLO would leave the other cores idle
     */
    public SloEvaluator(SampleRepository samples, ZoneId zone, Executor statements) {
        this.samples = samples;
        this.zone = zone;
        this.statements = statements;
    }

    public SloStatus status(Slo slo, Instant at) {
        return status(slo, at, samples.counts(slo, ranges(slo.window(), at)));
    }

    /**
     * The status of many SLOs at one moment, read together: SLOs with the same window share their ranges, so each
     * kind of window costs one statement per fifty SLOs instead of one per SLO, and those statements run side by
     * side.
     *
     * @return per SLO name, its status
     */
    public Map<String, SloStatus> statuses(List<Slo> slos, Instant at) {
        Map<SloWindow, List<Slo>> byWindow = new java.util.EnumMap<>(SloWindow.class);
        slos.forEach(s -> byWindow.computeIfAbsent(s.window(), w -> new ArrayList<>()).add(s));
        List<CompletableFuture<Map<String, List<Counts>>>> reads = new ArrayList<>();
        byWindow.forEach((window, group) -> reads.add(samples.counts(group, ranges(window, at), statements)));
        Map<String, List<Counts>> counts = new java.util.HashMap<>();
        reads.forEach(r -> counts.putAll(r.join()));
        return statuses(slos, at, counts);
    }

    /**
     * The status of many SLOs at one moment, as {@link #statuses(List, Instant)} gives it, from counts carried on
     * from the previous call: for the minute job, which evaluates every SLO each minute.
     *
     * @return per SLO name, its status
     */
    public Map<String, SloStatus> statuses(List<Slo> slos, Instant at, CarriedSums carried) {
        return statuses(slos, at, carried.counts(slos, at, window -> ranges(window, at)));
    }

    private Map<String, SloStatus> statuses(List<Slo> slos, Instant at, Map<String, List<Counts>> counts) {
        Map<String, SloStatus> result = new java.util.HashMap<>();
        slos.forEach(s -> result.put(s.name(), status(s, at, counts.get(s.name()))));
        return result;
    }

    /** The window, then each burn window, then each alert's long and short window, all ending at {@code at}. */
    private List<TimeRange> ranges(SloWindow window, Instant at) {
        List<TimeRange> ranges = new ArrayList<>();
        ranges.add(new TimeRange(window.start(at, zone), at));
        BURN_WINDOWS.forEach(d -> ranges.add(new TimeRange(at.minus(d), at)));
        BurnRateAlert.forWindow(window).forEach(r -> {
            ranges.add(new TimeRange(at.minus(r.longWindow()), at));
            ranges.add(new TimeRange(at.minus(r.shortWindow()), at));
        });
        return ranges;
    }

    private SloStatus status(Slo slo, Instant at, List<Counts> counts) {
        Instant windowStart = slo.window().start(at, zone);
        List<BurnRateAlert> rules = BurnRateAlert.forWindow(slo.window());
        Counts window = counts.get(0);
        Map<String, OptionalDouble> burnRates = new LinkedHashMap<>();
        for (int i = 0; i < BURN_WINDOWS.size(); i++) {
            burnRates.put(BurnRateAlert.label(BURN_WINDOWS.get(i)), counts.get(1 + i).burnRate(slo.objective()));
        }
        List<AlertState> alerts = new ArrayList<>();
        int next = 1 + BURN_WINDOWS.size();
        for (BurnRateAlert rule : rules) {
            alerts.add(new AlertState(rule, counts.get(next).burnRate(slo.objective()),
                    counts.get(next + 1).burnRate(slo.objective())));
            next += 2;
        }
        Optional<ErrorBudget> budget = ErrorBudget.of(window, slo.objective());
        Optional<Instant> runsOut = budget.flatMap(b -> runsOut(b, burnRates.get("1d"),
                slo.window().periodLength(at, zone), at));
        return new SloStatus(slo, at, windowStart, window, budget, burnRates, alerts, runsOut);
    }

    /**
     * At burn rate b the budget of a window of length W drains at b ÷ W per unit of time, so what remains lasts
     * remaining × W ÷ b.
     */
    static Optional<Instant> runsOut(ErrorBudget budget, OptionalDouble dailyBurn, Duration period, Instant at) {
        if (budget.spent() || dailyBurn.isEmpty() || dailyBurn.getAsDouble() <= 0) {
            return Optional.empty();
        }
        double seconds = budget.remaining() * period.toSeconds() / dailyBurn.getAsDouble();
        if (seconds > Duration.ofDays(365 * 100).toSeconds()) {
            return Optional.empty();
        }
        return Optional.of(at.plusSeconds(Math.round(seconds)));
    }
}
