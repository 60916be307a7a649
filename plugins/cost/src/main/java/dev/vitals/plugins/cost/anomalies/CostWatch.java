package dev.vitals.plugins.cost.anomalies;

import dev.vitals.api.EntityRef;
import dev.vitals.api.PluginUrls;
import dev.vitals.api.SignalStatus;
import dev.vitals.plugins.cost.alerts.Alert;
import dev.vitals.plugins.cost.alerts.AlertRules;
import dev.vitals.plugins.cost.alerts.AlertSettings;
import dev.vitals.plugins.cost.alerts.AlertStore;
import dev.vitals.plugins.cost.alerts.PeriodChanges;
import dev.vitals.plugins.cost.allocation.Organisation;
import dev.vitals.plugins.cost.costs.CostLedger;
import dev.vitals.plugins.cost.notify.Outbox;
import dev.vitals.plugins.cost.signals.CostSignals;
import dev.vitals.plugins.cost.signals.Finding;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * Detection as it runs: over a period of days it assesses every service's cost against its band, stores the
 * anomalies, finds the period-over-period alerts of services and teams, queues a message for each new and recent one
 * to its team's webhook, and updates the services' signals. {@link #catchUp} is the job: it assesses the days of every
 * import since its last run, and once a day the last five weeks.
 */
public final class CostWatch {

    /** Findings older than this are stored and shown but not sent: a 13-month backfill is no news. */
    static final int NEWS_DAYS = 7;
    /** What the daily run re-assesses, and how far after an import's last day assessments can change. */
    static final int RECENT_DAYS = 35;

    private final Jdbi jdbi;
    private final CostLedger ledger;
    private final Organisation organisation;
    private final SeasonalBaseline baseline;
    private final AnomalyStore anomalies;
    private final AlertStore alerts;
    private final AlertSettings settings;
    private final Outbox outbox;
    private final CostSignals signals;
    private final PluginUrls urls;
    private final Clock clock;
    private final ZoneId zone;

    public CostWatch(Jdbi jdbi, CostLedger ledger, Organisation organisation, AnomalyStore anomalies,
            AlertStore alerts, AlertSettings settings, Outbox outbox, CostSignals signals, PluginUrls urls,
            Clock clock, ZoneId zone) {
        this.jdbi = jdbi;
        this.ledger = ledger;
        this.organisation = organisation;
        this.baseline = new SeasonalBaseline(zone);
        this.anomalies = anomalies;
        this.alerts = alerts;
        this.settings = settings;
        this.outbox = outbox;
        this.signals = signals;
        this.urls = urls;
        this.clock = clock;
        this.zone = zone;
    }

    /** The job: the days of new imports, and the recent weeks once a day. */
    public void catchUp() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Mark mark = jdbi.withHandle(h -> h.createQuery("SELECT import_id, day FROM detection_marks WHERE name = 'job'")
                .map((rs, ctx) -> new Mark(rs.getLong("import_id"), Optional.ofNullable(rs.getObject("day",
                        LocalDate.class))))
                .findOne()).orElse(new Mark(0, Optional.empty()));
        long newest = jdbi.withHandle(h -> h.createQuery("SELECT coalesce(max(id), 0) FROM imports")
                .mapTo(Long.class).one());
        LocalDate recent = today.minusDays(RECENT_DAYS);
        boolean recentDone = false;
        if (newest > mark.importId()) {
            Optional<Span> span = jdbi.withHandle(h -> h.createQuery("""
                    SELECT min(charge_period_start) AS first, max(charge_period_start) AS last FROM charges
                    WHERE import_id > :mark""").bind("mark", mark.importId())
                    .map((rs, ctx) -> new Span(rs.getObject("first", OffsetDateTime.class),
                            rs.getObject("last", OffsetDateTime.class)))
                    .findOne())
                    .filter(s -> s.first() != null);
            if (span.isPresent()) {
                LocalDate from = day(span.get().first());
                LocalDate to = min(day(span.get().last()).plusDays(RECENT_DAYS), today.plusDays(1));
                detect(from, to);
                // A backfill up to today has assessed the recent weeks already: the daily pass would repeat them.
                recentDone = !from.isAfter(recent) && !to.isBefore(today.plusDays(1));
            }
        }
        if (!recentDone && (mark.day().isEmpty() || mark.day().get().isBefore(today))) {
            detect(recent, today.plusDays(1));
        }
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO detection_marks (name, import_id, day) VALUES ('job', :id, :day)
                ON CONFLICT (name) DO UPDATE SET import_id = excluded.import_id, day = excluded.day""")
                .bind("id", newest).bind("day", today).execute());
    }

    /**
     * Assesses every service's days in [from, to).
     *
     * @return the anomalies found that were not stored before
     */
    public List<StoredAnomaly> detect(LocalDate from, LocalDate to) {
        Map<EntityRef, Map<LocalDate, BigDecimal>> costs = ledger.perServiceAndDay(
                from.minusDays(SeasonalBaseline.LOOKBACK_DAYS), to);
        Map<EntityRef, NavigableMap<LocalDate, BigDecimal>> series = new HashMap<>();
        Map<EntityRef, AlertRules> rules = new HashMap<>();
        Function<EntityRef, Optional<EntityRef>> teamOf = organisation.teams();
        List<Assessed> assessed = costs.entrySet().stream().map(service -> {
            NavigableMap<LocalDate, BigDecimal> days = new TreeMap<>(service.getValue());
            series.put(service.getKey(), days);
            return new Assessed(service.getKey(), days, rulesOf(rules, teamOf.apply(service.getKey())),
                    new ArrayList<>(), new ArrayList<>());
        }).toList();
        // Each service's band and changes are its own arithmetic, seconds of CPU over a year of thousands of
        // services: the cores share them.
        assessed.parallelStream().forEach(a -> {
            a.spikes().addAll(baseline.expectations(a.days(), from, to).stream().filter(Expectation::anomalous)
                    .toList());
            a.risen().addAll(PeriodChanges.of(a.service(), a.days(), a.rules(), from, to));
        });
        Map<EntityRef, List<Expectation>> found = new HashMap<>();
        List<Alert> risen = new ArrayList<>();
        for (Assessed a : assessed) {
            if (!a.spikes().isEmpty()) {
                found.put(a.service(), a.spikes());
            }
            risen.addAll(a.risen());
        }
        PeriodChanges.teams(series, teamOf).forEach((team, days) -> risen.addAll(PeriodChanges.of(
                team, days, rulesOf(rules, Optional.of(team)), from, to)));

        List<StoredAnomaly> added = anomalies.replace(from, to, found, clock.instant());
        List<Alert> newAlerts = alerts.replace(from, to, risen, teamOf, clock.instant());
        notify(added, newAlerts, teamOf);
        updateSignals(series, from, to, rules, teamOf);
        return added;
    }

    /** Re-weighs one service's signal, e.g. after one of its anomalies was dismissed. */
    public void reassess(EntityRef service) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Map<LocalDate, BigDecimal> days = ledger.perServiceAndDay(today.minusDays(RECENT_DAYS), today.plusDays(1))
                .getOrDefault(service, Map.of());
        updateSignals(Map.of(service, new TreeMap<>(days)), today.minusDays(RECENT_DAYS), today.plusDays(1),
                new HashMap<>(), organisation.teams());
    }

    /** The message key of an anomaly, also used to cancel its message when it is dismissed. */
    public static String key(EntityRef service, LocalDate day) {
        return "anomaly:" + service + ":" + day;
    }

    private void notify(List<StoredAnomaly> added, List<Alert> newAlerts,
            Function<EntityRef, Optional<EntityRef>> teamOf) {
        LocalDate news = LocalDate.now(clock.withZone(zone)).minusDays(NEWS_DAYS);
        Map<EntityRef, Boolean> hooked = new HashMap<>();
        java.util.function.Predicate<EntityRef> hasWebhook = team -> hooked.computeIfAbsent(team,
                t -> settings.webhook(t).isPresent());
        for (StoredAnomaly a : added) {
            Expectation e = a.expectation();
            Optional<EntityRef> team = teamOf.apply(a.service());
            if (e.day().isAfter(news) && team.isPresent() && hasWebhook.test(team.get())) {
                outbox.enqueue(key(a.service(), e.day()), team.get().toString(), "Cost anomaly: "
                        + a.service().key() + " cost " + cents(e.cost()) + " on " + e.day() + ", expected "
                        + cents(e.expected()) + " (band " + cents(e.low()) + " to " + cents(e.high()) + "). "
                        + urls.page("/anomalies/{id}", a.id()));
            }
        }
        for (Alert a : newAlerts) {
            Optional<EntityRef> team = a.aboutTeam() ? Optional.of(a.subject()) : teamOf.apply(a.subject());
            if (a.day().isAfter(news) && team.isPresent() && hasWebhook.test(team.get())) {
                outbox.enqueue("alert:" + a.subject() + ":" + a.period().word() + ":" + a.day(),
                        team.get().toString(), "Cost alert: " + (a.aboutTeam() ? "team " : "") + a.subject().key()
                        + " cost " + cents(a.current()) + " in the " + a.period().word() + " to " + a.day()
                        + ", up from " + cents(a.previous()) + ". " + urls.page("/anomalies/alerts"));
            }
        }
    }

    private void updateSignals(Map<EntityRef, NavigableMap<LocalDate, BigDecimal>> series, LocalDate from,
            LocalDate to, Map<EntityRef, AlertRules> rules, Function<EntityRef, Optional<EntityRef>> teamOf) {
        Map<EntityRef, List<Finding>> open = new HashMap<>();
        // A signal weighs only its service's last days: a backfill's year of findings is not read back.
        LocalDate since = series.values().stream().map(days -> days.lowerKey(to)).filter(java.util.Objects::nonNull)
                .filter(day -> !day.isBefore(from)).min(LocalDate::compareTo).orElse(from)
                .minusDays(CostSignals.CRITICAL_DAYS);
        for (StoredAnomaly a : anomalies.list(since, to, Optional.empty(), Optional.of(true))) {
            open.computeIfAbsent(a.service(), s -> new ArrayList<>()).add(new Finding(a.expectation().day(),
                    a.expectation().impact(), urls.page("/anomalies/{id}", a.id())));
        }
        for (Alert a : alerts.list(since, to, Optional.empty())) {
            if (!a.aboutTeam()) {
                open.computeIfAbsent(a.subject(), s -> new ArrayList<>()).add(new Finding(a.day(), a.risePerDay(),
                        urls.page("/anomalies/alerts")));
            }
        }
        Map<EntityRef, SignalStatus> published = signals.published();
        series.forEach((service, days) -> {
            NavigableMap<LocalDate, BigDecimal> inPeriod = days.subMap(from, true, to, false);
            if (!inPeriod.isEmpty()) {
                signals.assess(service, inPeriod.lastKey(), open.getOrDefault(service, List.of()),
                        rulesOf(rules, teamOf.apply(service)).floorPerDay(),
                        PluginUrls.withQuery(urls.page("/anomalies"), Map.of("service", service.key())),
                        published.getOrDefault(service, SignalStatus.OK));
            }
        });
    }

    private AlertRules rulesOf(Map<EntityRef, AlertRules> cache, Optional<EntityRef> team) {
        if (team.isEmpty()) {
            return settings.rules(team);
        }
        return cache.computeIfAbsent(team.get(), t -> settings.rules(Optional.of(t)));
    }

    private LocalDate day(OffsetDateTime instant) {
        return instant.atZoneSameInstant(zone).toLocalDate();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static String cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private record Assessed(EntityRef service, NavigableMap<LocalDate, BigDecimal> days, AlertRules rules,
            List<Expectation> spikes, List<Alert> risen) {
    }

    private record Mark(long importId, Optional<LocalDate> day) {
    }

    private record Span(OffsetDateTime first, OffsetDateTime last) {
    }
}
