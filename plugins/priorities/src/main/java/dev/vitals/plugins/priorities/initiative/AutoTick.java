package dev.vitals.plugins.priorities.initiative;

import dev.vitals.api.MeasurePoint;
import dev.vitals.api.Measures;
import dev.vitals.api.Signal;
import dev.vitals.api.SignalFilter;
import dev.vitals.api.Signals;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ticks initiatives by their rules, from what other plugins publish about each service: the latest value of a
 * measure (within the last 31 days) or the latest signal. A rule decides both ways for a service it has a reading
 * for (a service moved back to the release train is not done any more); a service without a reading keeps the state
 * people gave it.
 */
public final class AutoTick {

    private static final String SERVICE = "component";
    private static final int MEASURE_DAYS = 31;

    private final Checklist checklist;
    private final Measures measures;
    private final Signals signals;
    private final Clock clock;
    private final ZoneId zone;

    public AutoTick(Checklist checklist, Measures measures, Signals signals, Clock clock, ZoneId zone) {
        this.checklist = checklist;
        this.measures = measures;
        this.signals = signals;
        this.clock = clock;
        this.zone = zone;
    }

    /** Applies every initiative's rule: the hourly job. */
    public void applyAll() {
        checklist.rules().forEach(this::apply);
    }

    /** Applies one initiative's rule to every service of its checklist. */
    public void apply(long item, TickRule rule) {
        Map<String, Boolean> readings = readings(rule);
        for (String service : checklist.services(item)) {
            Boolean done = readings.get(service);
            if (done != null) {
                checklist.tick(item, service, done, rule.describe(), clock.instant());
            }
        }
    }

    /** A new signal: ticks the service in every initiative whose rule reads that signal. */
    public void hear(Signal signal) {
        if (!signal.subject().kind().equals(SERVICE)) {
            return;
        }
        checklist.rules().forEach((item, rule) -> {
            if (rule.signal() != null && rule.signal().plugin().equals(signal.plugin())
                    && rule.signal().kind().equals(signal.kind())) {
                checklist.tick(item, signal.subject().key(),
                        signal.status().name().equals(rule.signal().status()), rule.describe(), clock.instant());
            }
        });
    }

    private Map<String, Boolean> readings(TickRule rule) {
        Map<String, Boolean> done = new HashMap<>();
        if (rule.measure() != null) {
            LocalDate today = LocalDate.now(clock.withZone(zone));
            // Ordered by entity then day: the last point of an entity is its latest.
            List<MeasurePoint> points = measures.read(rule.measure().name(), today.minusDays(MEASURE_DAYS), today);
            for (MeasurePoint point : points) {
                if (point.entity().kind().equals(SERVICE)) {
                    done.put(point.entity().key(), point.value().compareTo(rule.measure().atLeast()) >= 0);
                }
            }
        } else {
            for (Signal signal : signals.latest(SignalFilter.any().plugin(rule.signal().plugin())
                    .kind(rule.signal().kind()))) {
                if (signal.subject().kind().equals(SERVICE)) {
                    done.put(signal.subject().key(), signal.status().name().equals(rule.signal().status()));
                }
            }
        }
        return done;
    }
}
