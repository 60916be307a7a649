package dev.vitals.plugins.slo.measures;

import dev.vitals.api.EntityRef;
import dev.vitals.api.MeasurePoint;
import dev.vitals.api.Measures;
import dev.vitals.plugins.slo.objectives.BudgetingMethod;
import dev.vitals.plugins.slo.objectives.Slo;
import dev.vitals.plugins.slo.objectives.SloRepository;
import dev.vitals.plugins.slo.samples.Counts;
import dev.vitals.plugins.slo.samples.MinuteRetention;
import dev.vitals.plugins.slo.samples.Sample;
import dev.vitals.plugins.slo.samples.SampleRepository;
import dev.vitals.plugins.slo.samples.TimeRange;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Publishes each service's daily request totals as the measures {@value #REQUESTS} and {@value #BAD_REQUESTS}, so
 * that other plugins (cost per request, deploys against traffic) read them without knowing this plugin's tables.
 *
 * <p>A service's requests of a day are the events its occurrences SLOs counted in the minutes that start on that day
 * in the organisation's time zone (23 or 25 hours on a DST change day); its bad requests are those events minus the
 * good ones. Two SLOs of one service often count the same requests (availability and latency of one endpoint), so
 * when a service has several, each day takes the SLO that counted the most events that day (by name on a tie), and
 * both measures come from that SLO. Timeslices SLOs count minutes, not requests, and availability components are
 * journeys, not services: neither is published. A day without events has no value.
 *
 * <p>Publishing a day again replaces its values, so the days that received minutes are simply published anew.
 */
public final class RequestMeasures {

    /** Requests per service and day. */
    public static final String REQUESTS = "slo.requests";
    /** Requests that failed their SLO, per service and day. */
    public static final String BAD_REQUESTS = "slo.bad_requests";
    /** How many points one call to the host stores: a backfill of many services is many small transactions. */
    private static final int POINTS_PER_PUBLISH = 2000;

    private final SloRepository slos;
    private final SampleRepository samples;
    private final Measures measures;
    private final ZoneId zone;
    private final Executor statements;
    private final AtomicBoolean backfilled = new AtomicBoolean();

    /** @param statements runs the sums of many SLOs side by side, as the minute job's */
    public RequestMeasures(SloRepository slos, SampleRepository samples, Measures measures, ZoneId zone,
            Executor statements) {
        this.slos = slos;
        this.samples = samples;
        this.measures = measures;
        this.zone = zone;
        this.statements = statements;
    }

    /**
     * @param arrived minutes just stored
     * @return what {@link #publishChanged} takes for them: one key per SLO and local day
     */
    public List<String> changedDays(Collection<Sample> arrived) {
        return arrived.stream().map(s -> s.minute().atZone(zone).toLocalDate() + " " + s.slo()).distinct().toList();
    }

    /**
     * Publishes the days of {@link #changedDays} anew, for the services of the SLOs named there.
     *
     * @param keys from {@link #changedDays}, possibly gathered from several batches
     */
    public void publishChanged(List<String> keys) {
        Set<String> names = new TreeSet<>();
        Set<LocalDate> days = new TreeSet<>();
        for (String key : keys) {
            int space = key.indexOf(' ');
            days.add(LocalDate.parse(key.substring(0, space)));
            names.add(key.substring(space + 1));
        }
        Set<String> services = slos.findAll(names).values().stream().flatMap(s -> s.service().stream())
                .collect(Collectors.toSet());
        publish(counted(slos.all().stream().filter(s -> s.service().map(services::contains).orElse(false)).toList()),
                List.copyOf(days));
    }

    /**
     * Publishes every service's values of the days from {@code from} to {@code to}, both included: the periodic
     * catch-up, and the backfill of the days stored before measures were published.
     */
    public void publishDays(LocalDate from, LocalDate to) {
        List<LocalDate> days = from.datesUntil(to.plusDays(1)).toList();
        publish(counted(slos.all()), days);
    }

    /**
     * The hourly catch-up: publishes yesterday and today for every service, so that values stay right when a
     * refresh after new minutes was lost (a restart, a failure) or minutes came in another way. Its first run after
     * the plugin starts publishes every day the minute data still holds whole, which fills the days stored before
     * these measures were published.
     */
    public void catchUp(Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        if (backfilled.get()) {
            publishDays(today.minusDays(1), today);
        } else {
            publishDays(now.minus(MinuteRetention.KEEP).atZone(zone).toLocalDate().plusDays(1), today);
            backfilled.set(true);
        }
    }

    /** @return the SLOs whose events are requests of a service */
    private static List<Slo> counted(List<Slo> all) {
        return all.stream().filter(s -> s.service().isPresent() && s.method() == BudgetingMethod.OCCURRENCES)
                .toList();
    }

    private void publish(List<Slo> counted, List<LocalDate> days) {
        if (counted.isEmpty() || days.isEmpty()) {
            return;
        }
        List<TimeRange> ranges = days.stream().map(d -> new TimeRange(d.atStartOfDay(zone).toInstant(),
                d.plusDays(1).atStartOfDay(zone).toInstant())).toList();
        Map<String, List<Counts>> counts = samples.counts(counted, ranges, statements).join();
        Map<String, List<Slo>> byService = new TreeMap<>();
        counted.forEach(s -> byService.computeIfAbsent(s.service().orElseThrow(), k -> new ArrayList<>()).add(s));
        List<MeasurePoint> points = new ArrayList<>();
        byService.forEach((service, own) -> {
            EntityRef ref = EntityRef.ofKey("component", service);
            for (int d = 0; d < days.size(); d++) {
                int day = d;
                own.stream().map(s -> counts.get(s.name()).get(day))
                        .filter(c -> c.total() > 0)
                        // A tie keeps the earlier: the SLOs come sorted by name.
                        .reduce((a, b) -> b.total() > a.total() ? b : a)
                        .ifPresent(c -> {
                            points.add(new MeasurePoint(REQUESTS, ref, days.get(day), BigDecimal.valueOf(c.total())));
                            points.add(new MeasurePoint(BAD_REQUESTS, ref, days.get(day),
                                    BigDecimal.valueOf(c.total() - c.good())));
                        });
            }
        });
        for (int i = 0; i < points.size(); i += POINTS_PER_PUBLISH) {
            measures.publish(points.subList(i, Math.min(points.size(), i + POINTS_PER_PUBLISH)));
        }
    }
}
