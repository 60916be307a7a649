package dev.vitals.plugins.slo.samples;

import dev.vitals.plugins.slo.objectives.Slo;
import dev.vitals.plugins.slo.objectives.SloWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The minute job's counts over every SLO's windows, carried from one tick to the next.
 *
 * <p>Each window [from, at) splits into a settled part [from, at − {@value #FRESH_MINUTES} min) and a fresh part up
 * to the tick. The fresh part is read every tick, since on-time data for it is still arriving. The settled part's
 * counts are kept, and the next tick moves them along: minus the minutes that left the window at its start, plus
 * those that became settled at its end, usually one minute each. The minutes about to leave are read
 * {@value #AHEAD_MINUTES} at a time and kept, so a tick reads one short run of minutes per SLO (what became settled
 * and the fresh part) and a twentieth of the SLOs' leaving minutes.
 *
 * <p>Minutes never change once stored, so this is exact as long as no settled minute was written or dropped in
 * between; {@link SampleWrites} tells which SLOs that happened to (late data, a dropped SLO, a new slice threshold),
 * and those are read afresh, as are new and edited SLOs, and SLOs after a tick that went back or jumped ahead.
 */
public final class CarriedSums {

    private static final int FRESH_MINUTES = 10;
    /** How close to the tick minutes count as still arriving. */
    static final Duration FRESH = Duration.ofMinutes(FRESH_MINUTES);
    private static final int AHEAD_MINUTES = 20;
    /** Ticks further apart than this read afresh: the minutes in between are more than a short run. */
    private static final Duration LONGEST_STEP = Duration.ofMinutes(50);

    private final SampleRepository samples;
    private final SampleWrites writes;
    private final Executor statements;
    private final Map<String, Carried> carried = new HashMap<>();
    private int readAfresh;

    public CarriedSums(SampleRepository samples, SampleWrites writes, Executor statements) {
        this.samples = samples;
        this.writes = writes;
        this.statements = statements;
    }

    /**
     * What a tick kept of one SLO.
     *
     * @param slo the definition the counts were read for
     * @param at the tick
     * @param xmin writes by transactions from this id on may be missing from what is kept
     * @param settled the settled part of each range
     * @param counts the counts over each settled part
     * @param ahead settled minutes read before they leave a window
     */
    private record Carried(Slo slo, Instant at, long xmin, List<TimeRange> settled, List<Counts> counts,
            List<Minutes> ahead) {

        /** Short windows have no settled part; where their empty range sits says nothing. */
        Instant earliest() {
            return settled.stream().filter(CarriedSums::nonEmpty).map(TimeRange::from)
                    .min(Instant::compareTo).orElse(Instant.MAX);
        }

        Instant latest() {
            return settled.stream().filter(CarriedSums::nonEmpty).map(TimeRange::to)
                    .max(Instant::compareTo).orElse(Instant.MIN);
        }
    }

    /**
     * The counts of every minute of a span that has data.
     *
     * @param span the minutes read
     * @param counts per minute start, those with data
     */
    private record Minutes(TimeRange span, Map<Instant, Counts> counts) {

        boolean covers(TimeRange range) {
            return !range.from().isBefore(span.from()) && !range.to().isAfter(span.to());
        }

        Counts sum(TimeRange range) {
            Counts sum = Counts.NONE;
            for (Instant m = RollupCover.ceilMinute(range.from()); m.isBefore(range.to());
                    m = m.plus(Duration.ofMinutes(1))) {
                Counts c = counts.get(m);
                if (c != null) {
                    sum = sum.plus(c);
                }
            }
            return sum;
        }
    }

    /** One SLO's ranges at this tick, split into settled and fresh parts. */
    private record Ranges(List<TimeRange> settled, List<TimeRange> fresh) {

        static Ranges of(List<TimeRange> ranges, Instant at) {
            Instant settledEnd = at.minus(FRESH);
            List<TimeRange> settled = ranges.stream()
                    .map(r -> new TimeRange(r.from(), r.from().isAfter(settledEnd) ? r.from() : settledEnd)).toList();
            return new Ranges(settled, settled.stream().map(r -> new TimeRange(r.to(), at)).toList());
        }

        /** Afresh: the settled parts, then the fresh parts, as sums. */
        List<TimeRange> reads() {
            List<TimeRange> reads = new ArrayList<>(settled);
            reads.addAll(fresh);
            return reads;
        }
    }

    /** What a carried SLO reads this tick as single minutes: the recent run, and leaving minutes not kept yet. */
    private record Step(Slo slo, Carried before, Ranges now, TimeRange recent, List<TimeRange> aheadReads) {
    }

    /**
     * The counts of each SLO over the ranges {@code rangesOf} gives for its window, equal to
     * {@link SampleRepository#counts(List, List, Executor)} reading them afresh, and keeps what the next call needs.
     * Meant for one caller that evaluates every SLO at each tick: SLOs not named are forgotten.
     *
     * @return per SLO name, the counts per range in the order of its ranges
     */
    public synchronized Map<String, List<Counts>> counts(List<Slo> slos, Instant at,
            Function<SloWindow, List<TimeRange>> rangesOf) {
        long readFrom = slos.stream().map(s -> carried.get(s.name())).filter(Objects::nonNull)
                .mapToLong(Carried::xmin).min().orElse(Long.MAX_VALUE);
        SampleWrites.Since since = writes.since(readFrom);
        Map<Ranges, List<Slo>> afresh = new LinkedHashMap<>();
        List<Step> steps = new ArrayList<>();
        for (Slo slo : slos) {
            Ranges now = Ranges.of(rangesOf.apply(slo.window()), at);
            Optional<Step> step = Optional.ofNullable(carried.get(slo.name()))
                    .filter(before -> before.slo().equals(slo) && before.settled().size() == now.settled().size()
                            && !since.touched(slo.name(), before.xmin(), before.earliest(), before.latest()))
                    .flatMap(before -> step(slo, before, now, at));
            step.ifPresentOrElse(steps::add, () -> afresh.computeIfAbsent(now, r -> new ArrayList<>()).add(slo));
        }
        readAfresh = slos.size() - steps.size();

        Map<Ranges, CompletableFuture<Map<String, List<Counts>>>> sums = new LinkedHashMap<>();
        afresh.forEach((ranges, group) -> sums.put(ranges, samples.counts(group, ranges.reads(), statements)));
        List<Slo> minuteSlos = new ArrayList<>();
        List<TimeRange> minuteRanges = new ArrayList<>();
        for (Step step : steps) {
            minuteSlos.add(step.slo());
            minuteRanges.add(step.recent());
            step.aheadReads().forEach(r -> {
                minuteSlos.add(step.slo());
                minuteRanges.add(r);
            });
        }
        CompletableFuture<List<Map<Instant, Counts>>> minutes = samples.minutes(minuteSlos, minuteRanges, statements);

        Map<String, List<Counts>> result = new HashMap<>();
        afresh.forEach((ranges, group) -> {
            Map<String, List<Counts>> read = sums.get(ranges).join();
            group.forEach(slo -> result.put(slo.name(), keep(slo, ranges, read.get(slo.name()), at, since.xmin())));
        });
        List<Map<Instant, Counts>> read = minutes.join();
        int next = 0;
        for (Step step : steps) {
            Minutes recent = new Minutes(step.recent(), read.get(next++));
            List<Minutes> ahead = new ArrayList<>(step.before().ahead());
            for (TimeRange span : step.aheadReads()) {
                ahead.add(new Minutes(span, read.get(next++)));
            }
            result.put(step.slo().name(), carryOn(step, recent, ahead, at, since.xmin()));
        }
        Set<String> named = slos.stream().map(Slo::name).collect(Collectors.toSet());
        carried.keySet().retainAll(named);
        return result;
    }

    /** @return the counts now of an SLO read afresh, after keeping its settled parts' counts */
    private List<Counts> keep(Slo slo, Ranges ranges, List<Counts> read, Instant at, long xmin) {
        int n = ranges.settled().size();
        List<Counts> settled = List.copyOf(read.subList(0, n));
        List<Counts> total = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            total.add(settled.get(i).plus(read.get(n + i)));
        }
        carried.put(slo.name(), new Carried(slo, at, xmin, ranges.settled(), settled, List.of()));
        return total;
    }

    /**
     * @return what the SLO reads to carry its counts on to {@code at}; empty when it must be read afresh: the tick
     *     went back or jumped ahead, or a calendar window started a new period
     */
    private static Optional<Step> step(Slo slo, Carried before, Ranges now, Instant at) {
        if (at.isBefore(before.at()) || Duration.between(before.at(), at).compareTo(LONGEST_STEP) > 0) {
            return Optional.empty();
        }
        List<TimeRange> aheadReads = new ArrayList<>();
        List<Minutes> known = new ArrayList<>(before.ahead());
        Instant settledEnd = at.minus(FRESH);
        for (int i = 0; i < now.settled().size(); i++) {
            TimeRange was = before.settled().get(i);
            TimeRange is = now.settled().get(i);
            if (!nonEmpty(was) && !nonEmpty(is)) {
                continue;
            }
            TimeRange left = new TimeRange(was.from(), is.from());
            if (is.from().isBefore(was.from())
                    || Duration.between(left.from(), left.to()).compareTo(LONGEST_STEP) > 0) {
                return Optional.empty();
            }
            if (nonEmpty(left) && known.stream().noneMatch(m -> m.covers(left))) {
                // Read ahead up to the settled end, which the log of writes vouches for until the next tick; the
                // first read of an SLO is cut short by a share of its name, so that the reads spread over ticks.
                int minutes = before.ahead().isEmpty()
                        ? 1 + Math.floorMod(slo.name().hashCode(), AHEAD_MINUTES) : AHEAD_MINUTES;
                Instant end = latest(left.to(), earliest(left.from().plus(Duration.ofMinutes(minutes)), settledEnd));
                TimeRange span = new TimeRange(left.from(), end);
                aheadReads.add(span);
                known.add(new Minutes(span, Map.of()));
            }
        }
        TimeRange recent = new TimeRange(earliest(before.at().minus(FRESH), at.minus(FRESH)), at);
        return Optional.of(new Step(slo, before, now, recent, aheadReads));
    }

    /** @return the counts now, after keeping the settled parts' counts and the leaving minutes still to come */
    private List<Counts> carryOn(Step step, Minutes recent, List<Minutes> ahead, Instant at, long xmin) {
        Ranges now = step.now();
        int n = now.settled().size();
        List<Counts> settledNow = new ArrayList<>(n);
        List<Counts> total = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            TimeRange was = step.before().settled().get(i);
            TimeRange is = now.settled().get(i);
            Counts settled = Counts.NONE;
            if (nonEmpty(was) || nonEmpty(is)) {
                TimeRange left = new TimeRange(was.from(), is.from());
                Counts leaving = nonEmpty(left)
                        ? ahead.stream().filter(m -> m.covers(left)).findFirst().orElseThrow().sum(left) : Counts.NONE;
                Counts entered = recent.sum(new TimeRange(was.to(), is.to()));
                settled = step.before().counts().get(i).minus(leaving).plus(entered);
            }
            settledNow.add(settled);
            total.add(settled.plus(recent.sum(now.fresh().get(i))));
        }
        // Minutes are of further use while a window's start has yet to pass them.
        List<Minutes> kept = ahead.stream()
                .filter(m -> now.settled().stream().anyMatch(r -> nonEmpty(r) && m.span().to().isAfter(r.from())
                        && !m.span().from().isAfter(r.from())))
                .toList();
        carried.put(step.slo().name(), new Carried(step.slo(), at, xmin, now.settled(), settledNow, kept));
        return total;
    }

    /** @return how many SLOs the last call read afresh: new, redefined, or with settled minutes written since */
    public synchronized int readAfresh() {
        return readAfresh;
    }

    private static boolean nonEmpty(TimeRange r) {
        return r.from().isBefore(r.to());
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
