package dev.vitals.plugins.slo;

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
 * counts are kept, and the next tick moves them along: minus what left the window at its start, plus what became
 * settled at its end, both usually a single minute. Minutes never change once stored, so this is exact as long as no
 * settled minute was written or dropped in between; {@link SampleWrites} tells which SLOs that happened to (late
 * data, a dropped SLO, a new slice threshold), and those are read afresh, as is an SLO whose definition changed.
 * A tick thus reads about ten single minutes per SLO instead of the day, hour and minute pieces of every window.
 */
final class CarriedSums {

    private static final int FRESH_MINUTES = 10;
    /** How close to the tick minutes count as still arriving. */
    static final Duration FRESH = Duration.ofMinutes(FRESH_MINUTES);

    private final SampleRepository samples;
    private final SampleWrites writes;
    private final Executor statements;
    private final Map<String, Carried> carried = new HashMap<>();
    private int readAfresh;

    CarriedSums(SampleRepository samples, SampleWrites writes, Executor statements) {
        this.samples = samples;
        this.writes = writes;
        this.statements = statements;
    }

    /**
     * What a tick kept of one SLO.
     *
     * @param slo the definition the counts were read for
     * @param xmin writes by transactions from this id on may be missing from the counts
     * @param settled the settled part of each range
     * @param counts the counts over each settled part
     */
    private record Carried(Slo slo, long xmin, List<TimeRange> settled, List<Counts> counts) {

        /** Short windows have no settled part; where their empty range sits says nothing. */
        Instant earliest() {
            return settled.stream().filter(r -> r.from().isBefore(r.to())).map(TimeRange::from)
                    .min(Instant::compareTo).orElse(Instant.MAX);
        }

        Instant latest() {
            return settled.stream().filter(r -> r.from().isBefore(r.to())).map(TimeRange::to)
                    .max(Instant::compareTo).orElse(Instant.MIN);
        }
    }

    /**
     * What one statement reads for SLOs alike: the ranges carried from before (none when read afresh), and this
     * tick's settled and fresh parts.
     */
    private record Plan(Optional<List<TimeRange>> before, List<TimeRange> settled, List<TimeRange> fresh) {

        /**
         * Afresh: the settled parts, then the fresh parts. Carried: what left each range at its start, what became
         * settled at its end (each as a forward range, negated when the end moved back), then the fresh parts.
         */
        List<TimeRange> reads() {
            List<TimeRange> reads = new ArrayList<>();
            if (before.isEmpty()) {
                reads.addAll(settled);
            } else {
                for (int i = 0; i < settled.size(); i++) {
                    reads.add(moved(before.get().get(i), settled.get(i), TimeRange::from));
                }
                for (int i = 0; i < settled.size(); i++) {
                    reads.add(moved(before.get().get(i), settled.get(i), TimeRange::to));
                }
            }
            reads.addAll(fresh);
            return reads;
        }

        /**
         * @return the minutes an end of a settled part passed over; none when the part was and is empty, as for
         *     windows shorter than the fresh part, whose ends move by the same minutes and cancel out
         */
        private static TimeRange moved(TimeRange was, TimeRange now, Function<TimeRange, Instant> end) {
            if (!was.from().isBefore(was.to()) && !now.from().isBefore(now.to())) {
                return new TimeRange(now.from(), now.from());
            }
            return forward(end.apply(was), end.apply(now));
        }

        /** @return per range: its counts now, and the counts of its settled part to carry on */
        List<Counts[]> compose(Optional<Carried> kept, List<Counts> read) {
            int n = settled.size();
            List<Counts[]> result = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Counts settledNow;
                if (kept.isEmpty()) {
                    settledNow = read.get(i);
                } else {
                    TimeRange was = before.get().get(i);
                    TimeRange now = settled.get(i);
                    Counts left = signed(read.get(i), was.from(), now.from());
                    Counts entered = signed(read.get(n + i), was.to(), now.to());
                    settledNow = kept.get().counts().get(i).minus(left).plus(entered);
                }
                result.add(new Counts[] {settledNow.plus(read.get(read.size() - n + i)), settledNow});
            }
            return result;
        }
    }

    /**
     * The counts of each SLO over the ranges {@code rangesOf} gives for its window, as
     * {@link SampleRepository#counts(List, List, Executor)} reads them afresh, and keeps what the next call needs.
     * Meant for one caller that evaluates every SLO at each tick: SLOs not named are forgotten.
     *
     * @return per SLO name, the counts per range in the order of its ranges
     */
    synchronized Map<String, List<Counts>> counts(List<Slo> slos, Instant at,
            Function<SloWindow, List<TimeRange>> rangesOf) {
        long readFrom = slos.stream().map(s -> carried.get(s.name())).filter(Objects::nonNull)
                .mapToLong(Carried::xmin).min().orElse(Long.MAX_VALUE);
        SampleWrites.Since since = writes.since(readFrom);
        Instant settledEnd = at.minus(FRESH);
        Map<Plan, List<Slo>> plans = new LinkedHashMap<>();
        Map<String, Carried> kept = new HashMap<>();
        for (Slo slo : slos) {
            List<TimeRange> ranges = rangesOf.apply(slo.window());
            List<TimeRange> settled = ranges.stream()
                    .map(r -> new TimeRange(r.from(), later(r.from(), settledEnd))).toList();
            List<TimeRange> fresh = settled.stream().map(r -> new TimeRange(r.to(), at)).toList();
            Carried before = carried.get(slo.name());
            boolean carry = before != null && before.slo().equals(slo) && before.settled().size() == settled.size()
                    && !since.touched(slo.name(), before.xmin(), before.earliest(), before.latest());
            if (carry) {
                kept.put(slo.name(), before);
            }
            plans.computeIfAbsent(new Plan(carry ? Optional.of(before.settled()) : Optional.empty(), settled, fresh),
                    p -> new ArrayList<>()).add(slo);
        }
        readAfresh = slos.size() - kept.size();
        Map<Plan, CompletableFuture<Map<String, List<Counts>>>> reads = new LinkedHashMap<>();
        plans.forEach((plan, group) -> reads.put(plan, samples.counts(group, plan.reads(), statements)));
        Map<String, List<Counts>> result = new HashMap<>();
        plans.forEach((plan, group) -> {
            Map<String, List<Counts>> read = reads.get(plan).join();
            for (Slo slo : group) {
                List<Counts[]> both = plan.compose(Optional.ofNullable(kept.get(slo.name())), read.get(slo.name()));
                result.put(slo.name(), both.stream().map(b -> b[0]).toList());
                carried.put(slo.name(), new Carried(slo, since.xmin(), plan.settled(),
                        both.stream().map(b -> b[1]).toList()));
            }
        });
        Set<String> named = slos.stream().map(Slo::name).collect(Collectors.toSet());
        carried.keySet().retainAll(named);
        return result;
    }

    /** @return how many SLOs the last call read afresh: new, redefined, or with settled minutes written since */
    synchronized int readAfresh() {
        return readAfresh;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static TimeRange forward(Instant a, Instant b) {
        return a.isAfter(b) ? new TimeRange(b, a) : new TimeRange(a, b);
    }

    /** @return the counts read for the minutes from a to b, negated when b is before a */
    private static Counts signed(Counts read, Instant a, Instant b) {
        return a.isAfter(b) ? Counts.NONE.minus(read) : read;
    }
}
