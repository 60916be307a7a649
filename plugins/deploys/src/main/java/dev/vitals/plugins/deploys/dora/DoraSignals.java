package dev.vitals.plugins.deploys.dora;

import dev.vitals.api.CatalogView;
import dev.vitals.api.PluginUrls;
import dev.vitals.api.SignalStatus;
import dev.vitals.api.SignalVerdict;
import dev.vitals.api.Signals;
import dev.vitals.plugins.deploys.catalog.ServiceRefs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes a verdict per service over {@link DoraWindow} (the last 30 days), the window the deploys pages show too: WARN when any key is in the low band or the change failure
 * rate is above the warning threshold, UNKNOWN without data, OK otherwise.
 *
 * <p>Only services that ever had a counted deployment or an incident get a signal. The host keeps the latest signal
 * of a subject until it is published again and has no way to withdraw one, so a service whose data ages out of the
 * 30 days still gets its UNKNOWN; a service that never had data gets nothing, instead of one UNKNOWN row per catalog
 * service every hour.
 */
public final class DoraSignals {

    public static final String KIND = "dora";
    /** Services per transaction of signals: short enough that no other publisher waits long for a subject. */
    static final int CHUNK = 1_000;
    private final DoraQuery query;
    private final DoraThresholds thresholds;
    private final Signals signals;
    private final PluginUrls urls;
    private final CatalogView catalog;
    private final Clock clock;
    private final ZoneId zone;
    /** The verdict this portal last published per service, kept while it runs: at most one per catalog service. */
    private final Map<String, SignalVerdict> published = new ConcurrentHashMap<>();

    public DoraSignals(DoraQuery query, DoraThresholds thresholds, Signals signals, PluginUrls urls,
            CatalogView catalog, Clock clock, ZoneId zone) {
        this.query = query;
        this.urls = urls;
        this.thresholds = thresholds;
        this.signals = signals;
        this.catalog = catalog;
        this.clock = clock;
        this.zone = zone;
    }

    /** Every service in the catalog that has data. */
    public void publishAll() {
        publish(ServiceRefs.keys(catalog.services()));
    }

    /**
     * Reads the reports of many services at once and publishes their verdicts together, {@link #CHUNK} services at a
     * time: a batch over a thousand services costs the host one commit, not a thousand.
     *
     * @param services the catalog keys of the services; those without data are skipped
     */
    public void publish(Collection<String> services) {
        publish(services, false);
    }

    /**
     * As {@link #publish}, leaving out the verdicts that are what this portal last published for their service: after
     * an ingest, most services' verdicts stay as they were (a deployment older than the window, or one more in a week
     * that already had some), and publishing one again costs the host a history row and the grid's bookkeeping per
     * service, most of what a stream of events cost the database. The hourly {@link #publishAll} publishes every
     * verdict again, so one left out here because another portal instance published a different one meanwhile is
     * corrected within the hour.
     *
     * @param services the catalog keys of the services; those without data are skipped
     */
    public void publishChanged(Collection<String> services) {
        publish(services, true);
    }

    /**
     * The services whose verdict a change can move: those whose change reaches into the window a verdict judges now
     * (a day earlier, so that no zone's midnight is missed), and those this portal has published no verdict for yet,
     * which get their first. A backfill of deployments older than the window, as an import of last year's history
     * is, moves no verdict, and reading the reports of a thousand services a batch to learn so was most of the
     * refresh's cost.
     *
     * @param changedThrough per service, the latest time its change reaches
     * @return the services to refresh
     */
    public List<String> mayMove(Map<String, Instant> changedThrough) {
        Instant judgedFrom = DoraWindow.endingOn(LocalDate.now(clock.withZone(zone)), new OrgClock(clock, zone))
                .start().minus(Duration.ofDays(1));
        return changedThrough.entrySet().stream()
                .filter(e -> !published.containsKey(e.getKey()) || !e.getValue().isBefore(judgedFrom))
                .map(Map.Entry::getKey).toList();
    }

    private void publish(Collection<String> services, boolean onlyChanged) {
        Period last30 = DoraWindow.endingOn(LocalDate.now(clock.withZone(zone)), new OrgClock(clock, zone));
        // A service this portal published a verdict for had data then, and still has: deployments and incidents are
        // never deleted. Asking only about the others spares the refresh after a batch a probe per service it touched.
        List<String> unseen = onlyChanged ? services.stream().filter(s -> !published.containsKey(s)).toList()
                : List.copyOf(services);
        Set<String> withData = new HashSet<>(unseen.isEmpty() ? Set.of() : query.servicesWithData(unseen));
        if (onlyChanged) {
            services.stream().filter(published::containsKey).forEach(withData::add);
        }
        List<String> signalled = services.stream().filter(withData::contains).distinct().toList();
        for (int from = 0; from < signalled.size(); from += CHUNK) {
            Map<String, DoraReport> reports = query.perService(
                    signalled.subList(from, Math.min(signalled.size(), from + CHUNK)), last30);
            List<SignalVerdict> verdicts = new ArrayList<>(reports.size());
            Map<String, SignalVerdict> fresh = new LinkedHashMap<>();
            reports.forEach((service, report) -> {
                Verdict verdict = verdict(report, thresholds);
                SignalVerdict signal = new SignalVerdict(ServiceRefs.ref(service), KIND, verdict.status(),
                        verdict.summary(), report.perWeek(), Optional.of(urls.page("/services/{service}", service)));
                if (!onlyChanged || !signal.equals(published.get(service))) {
                    verdicts.add(signal);
                    fresh.put(service, signal);
                }
            });
            if (!verdicts.isEmpty()) {
                signals.publishAll(verdicts);
                published.putAll(fresh);
            }
        }
    }

    /**
     * Adds to the history the verdict every service with data had at the end of yesterday and of every seventh day
     * before it, as the hourly job would have published it then from the same deployments and incidents; the latest
     * signals stay. Weekly, not daily: a report per service and day made the demo's start several times slower, and
     * the team pages' daily health carries each verdict forward until the next.
     *
     * @param days how many days back, at most
     */
    public void publishPastWeeks(int days) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<String> services = ServiceRefs.keys(catalog.services());
        Set<String> withData = query.servicesWithData(services);
        for (String service : services) {
            if (!withData.contains(service)) {
                continue;
            }
            for (LocalDate day = today.minusDays(1); !day.isBefore(today.minusDays(days)); day = day.minusWeeks(1)) {
                DoraReport report = query.report(Optional.of(List.of(service)), DoraWindow.endingOn(day, new OrgClock(clock, zone)));
                Verdict verdict = verdict(report, thresholds);
                signals.publishPast(ServiceRefs.ref(service), KIND, verdict.status(), verdict.summary(),
                        report.perWeek(), Optional.of(urls.page("/services/{service}", service)),
                        day.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1));
            }
        }
    }

    /**
     * @param status the verdict
     * @param summary one line a person can read
     */
    record Verdict(SignalStatus status, String summary) {
    }

    static Verdict verdict(DoraReport report, DoraThresholds thresholds) {
        if (report.empty()) {
            return new Verdict(SignalStatus.UNKNOWN, "no production deployments or incidents (" + DoraWindow.LABEL + ")");
        }
        StringBuilder why = new StringBuilder();
        report.frequencyBand().filter(b -> b == Band.LOW).ifPresent(b -> why.append("deploys rarely; "));
        report.leadTimeBand().filter(b -> b == Band.LOW).ifPresent(b -> why.append("lead time low band; "));
        report.timeToRestoreBand().filter(b -> b == Band.LOW).ifPresent(b -> why.append("slow to restore; "));
        OptionalDouble rate = report.changeFailureRate();
        if (rate.isPresent() && (rate.getAsDouble() > thresholds.failureRateWarning()
                || report.changeFailureRateBand().orElse(Band.ELITE) == Band.LOW)) {
            why.append("change failure rate ").append(percent(rate.getAsDouble())).append("; ");
        }
        String counts = report.deployments() + " production deploys, " + DoraWindow.LABEL;
        if (why.length() > 0) {
            return new Verdict(SignalStatus.WARN, why.substring(0, why.length() - 2) + " (" + counts + ")");
        }
        return new Verdict(SignalStatus.OK, rate.stream().mapToObj(r -> "change failure rate " + percent(r) + "; ")
                .findFirst().orElse("") + counts);
    }

    /** As the pages write it, so the home page and the deploys pages show the same figure. */
    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f %%", rate * 100);
    }
}
