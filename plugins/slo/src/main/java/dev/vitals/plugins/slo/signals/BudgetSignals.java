package dev.vitals.plugins.slo.signals;

import dev.vitals.api.CatalogEntity;
import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import dev.vitals.api.SignalStatus;
import dev.vitals.api.Signals;
import dev.vitals.plugins.slo.alerts.AlertLog;
import dev.vitals.plugins.slo.links.SloLinks;
import dev.vitals.plugins.slo.objectives.Slo;
import dev.vitals.plugins.slo.objectives.SloRepository;
import dev.vitals.plugins.slo.samples.CarriedSums;
import dev.vitals.plugins.slo.status.BudgetPolicy;
import dev.vitals.plugins.slo.status.LatestStatuses;
import dev.vitals.plugins.slo.status.SloEvaluator;
import dev.vitals.plugins.slo.status.SloStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the error-budget policy as signals of kind {@code error-budget}: one per service with SLOs, and one per
 * availability component in the catalog that has SLOs of its own or whose services have SLOs, rolled up from all of
 * them, each on the entity's reference and linking to the detail of the SLO that decides it: the reader of "burning
 * fast" wants that SLO's burn rates, not the page the signal is already shown on. Each SLO evaluated on the way also
 * records the starts and ends of its burn-rate alerts and its latest status.
 */
public final class BudgetSignals {

    static final String KIND = "error-budget";
    private static final Logger LOG = LoggerFactory.getLogger(BudgetSignals.class);

    private final SloRepository slos;
    private final SloEvaluator evaluator;
    private final AlertLog alerts;
    private final LatestStatuses latest;
    private final CatalogView catalog;
    private final Signals signals;
    private final Clock clock;
    private final Executor workers;
    private final CarriedSums carried;
    private final SloLinks links;

    /**
     * @param carried the counts the minute job carries from one tick to the next
     * @param workers publishes signals side by side; each is a transaction of its own in the host
     */
    public BudgetSignals(SloRepository slos, SloEvaluator evaluator, AlertLog alerts, LatestStatuses latest,
            CatalogView catalog, Signals signals, Clock clock, CarriedSums carried, Executor workers, SloLinks links) {
        this.slos = slos;
        this.evaluator = evaluator;
        this.alerts = alerts;
        this.latest = latest;
        this.catalog = catalog;
        this.signals = signals;
        this.clock = clock;
        this.carried = carried;
        this.workers = workers;
        this.links = links;
    }

    public void publishAll() {
        publish(Optional.empty());
    }

    /** Publishes only the subjects the named SLOs count towards, after new data arrived for them. */
    public void publishFor(Set<String> sloNames) {
        publish(Optional.of(sloNames));
    }

    /**
     * After an SLO is deleted: what it counted towards is judged again without it, and a subject left with no SLO at
     * all says so, since the host keeps a subject's latest signal until it is published again.
     */
    public void publishWithout(Slo deleted) {
        publishAll();
        List<Slo> left = slos.all();
        deleted.service().filter(s -> left.stream().noneMatch(o -> o.service().equals(Optional.of(s))))
                .ifPresent(s -> noSloLeft(EntityRef.ofKey("component", s), deleted));
        deleted.component().filter(c -> left.stream().noneMatch(o -> o.component().equals(Optional.of(c)))
                        && catalog.servicesOf(EntityRef.ofKey("availabilitycomponent", c)).stream()
                                .noneMatch(s -> left.stream().anyMatch(o -> o.service().equals(Optional.of(
                                        s.ref().key())))))
                .ifPresent(c -> noSloLeft(EntityRef.ofKey("availabilitycomponent", c), deleted));
    }

    private void noSloLeft(EntityRef subject, Slo deleted) {
        signals.publish(subject, KIND, SignalStatus.UNKNOWN, "no SLO counts towards it since " + deleted.name()
                + " was deleted", OptionalDouble.empty(), Optional.of(links.overview()));
    }

    private void publish(Optional<Set<String>> changed) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        List<Slo> all = slos.all();
        Map<String, List<Slo>> byService = new TreeMap<>();
        Map<String, List<Slo>> byComponent = new TreeMap<>();
        for (Slo slo : all) {
            slo.service().ifPresent(s -> byService.computeIfAbsent(s, k -> new ArrayList<>()).add(slo));
            slo.component().ifPresent(c -> byComponent.computeIfAbsent(c, k -> new ArrayList<>()).add(slo));
        }
        // Subject and the SLOs it stands for: the services' own, then components' rolled up.
        List<Subject> subjects = new ArrayList<>();
        byService.forEach((service, own) -> {
            if (touches(own, changed)) {
                subjects.add(new Subject(EntityRef.ofKey("component", service), own));
            }
        });
        // Components without SLOs of their own roll up their services' SLOs too; an SLO may name a component the
        // catalog has since dropped, and it still gets its signal.
        Set<String> components = new TreeSet<>(byComponent.keySet());
        catalog.entities("AvailabilityComponent").forEach(c -> components.add(c.ref().key()));
        for (String component : components) {
            EntityRef ref = EntityRef.ofKey("availabilitycomponent", component);
            List<Slo> members = new ArrayList<>(byComponent.getOrDefault(component, List.of()));
            if (!byService.isEmpty()) {
                for (CatalogEntity service : catalog.servicesOf(ref)) {
                    members.addAll(byService.getOrDefault(service.ref().key(), List.of()));
                }
            }
            if (!members.isEmpty() && touches(members, changed)) {
                subjects.add(new Subject(ref, members));
            }
        }
        Map<String, Slo> needed = new LinkedHashMap<>();
        subjects.forEach(s -> s.members().forEach(m -> needed.put(m.name(), m)));
        long gathered = System.nanoTime();
        // Every SLO is read once and together with the others, and only alerts that changed are written.
        List<Slo> evaluated = List.copyOf(needed.values());
        // The minute job carries its counts from tick to tick; a refresh after new data reads its few SLOs afresh.
        Map<String, SloStatus> statuses = changed.isEmpty() ? evaluator.statuses(evaluated, now, carried)
                : evaluator.statuses(evaluated, now);
        long read = System.nanoTime();
        CompletableFuture<Void> saved = CompletableFuture.runAsync(() -> latest.saveAll(statuses.values()), workers);
        int changes = alerts.recordAll(statuses.values());
        saved.join();
        long recorded = System.nanoTime();
        CompletableFuture.allOf(subjects.stream().map(subject -> CompletableFuture.runAsync(
                () -> publish(subject, statuses), workers)).toArray(CompletableFuture[]::new)).join();
        long done = System.nanoTime();
        LOG.debug("Evaluated {} SLOs ({} read afresh), recorded {} alert changes and published {} signals in {} ms "
                + "(subjects {} ms, evaluation {} ms, alerts and statuses {} ms, signals {} ms)", statuses.size(),
                changed.isEmpty() ? carried.readAfresh() : statuses.size(), changes, subjects.size(),
                millis(started, done), millis(started, gathered), millis(gathered, read), millis(read, recorded),
                millis(recorded, done));
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    record Subject(EntityRef ref, List<Slo> members) {
    }

    private static boolean touches(List<Slo> members, Optional<Set<String>> changed) {
        return changed.isEmpty() || members.stream().anyMatch(s -> changed.get().contains(s.name()));
    }

    private void publish(Subject subject, Map<String, SloStatus> statuses) {
        Slo worstSlo = null;
        BudgetPolicy worst = null;
        OptionalDouble leastLeft = OptionalDouble.empty();
        for (Slo slo : subject.members()) {
            SloStatus status = statuses.get(slo.name());
            BudgetPolicy verdict = BudgetPolicy.of(status);
            if (worst == null || worse(verdict, worst)) {
                worst = verdict;
                worstSlo = slo;
            }
            if (status.budget().isPresent()) {
                double left = status.budget().get().remaining();
                leastLeft = OptionalDouble.of(leastLeft.isEmpty() ? left : Math.min(left, leastLeft.getAsDouble()));
            }
        }
        signals.publish(subject.ref(), KIND, worst.status(), summary(subject, worstSlo, worst), leastLeft,
                Optional.of(links.slo(worstSlo.name())));
    }

    /** The verdict with data beats the one without, then the graver one; among equals the first keeps its place. */
    private static boolean worse(BudgetPolicy candidate, BudgetPolicy current) {
        if (current.status() == SignalStatus.UNKNOWN) {
            return candidate.status() != SignalStatus.UNKNOWN;
        }
        return candidate.status() != SignalStatus.UNKNOWN && candidate.status().compareTo(current.status()) > 0;
    }

    /**
     * The worst SLO's verdict; on a component whose verdict comes from one of its services' SLOs, the summary names
     * that service first, so nobody reads a service's trouble as the component's own SLO.
     */
    static String summary(Subject subject, Slo worst, BudgetPolicy verdict) {
        boolean borrowed = subject.ref().kind().equals("availabilitycomponent") && worst.service().isPresent();
        return borrowed ? "via service " + worst.service().get() + ": " + verdict.summary() : verdict.summary();
    }
}
