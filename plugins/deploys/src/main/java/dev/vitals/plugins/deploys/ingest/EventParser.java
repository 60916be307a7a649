package dev.vitals.plugins.deploys.ingest;

import dev.vitals.api.CatalogView;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.plugins.deploys.catalog.ServiceRefs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns sent deployments and incidents into events, or refuses the whole body with every field at fault named by row
 * ({@code [3].finishedAt}). Services must exist in the catalog; an event names its service by catalog key.
 */
public final class EventParser {

    static final int MAX_EVENTS = 10_000;
    /**
     * How far ahead of this portal's clock a sender's may run. Anything later did not happen yet: counted, it would
     * sit in tomorrow's figures and show as "in 3 h" on the lists.
     */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private final CatalogView catalog;
    private final KnownServices known;
    private final Clock clock;

    /**
     * A parser that asks the catalog's version again on the system clock's second.
     *
     * @param catalog the catalog services are checked against
     */
    public EventParser(CatalogView catalog) {
        this(catalog, Clock.systemUTC());
    }

    /**
     * @param catalog the catalog services are checked against
     * @param clock what is now, for times that must not be later, and how often the catalog's version is asked, so
     *     that services found need not be read again
     */
    public EventParser(CatalogView catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
        this.known = new KnownServices(catalog, clock);
    }

    /** @param sent the body's array, in order @return the events, in order */
    public List<DeploymentEvent> deployments(List<SentDeployment> sent) {
        limit(sent.size());
        List<FieldError> errors = new ArrayList<>();
        List<DeploymentEvent> events = new ArrayList<>();
        Map<String, Optional<String>> known = known(sent.stream().map(d -> d == null ? null : d.service()).toList());
        for (int i = 0; i < sent.size(); i++) {
            String prefix = "[" + i + "]";
            if (InputRow.present(sent.get(i), prefix, errors)) {
                deployment(sent.get(i), new InputRow(prefix, errors), known).ifPresent(events::add);
            }
        }
        refuseIfAny(errors, "deployment");
        return events;
    }

    /**
     * @param sent the incidents, in order
     * @param single true when the body was one object rather than an array, so fields are named without a row
     * @return the incidents, in order
     */
    public List<IncidentEvent> incidents(List<SentIncident> sent, boolean single) {
        limit(sent.size());
        List<FieldError> errors = new ArrayList<>();
        List<IncidentEvent> events = new ArrayList<>();
        Map<String, Optional<String>> known = known(sent.stream().map(i -> i == null ? null : i.service()).toList());
        for (int i = 0; i < sent.size(); i++) {
            String prefix = single ? "" : "[" + i + "]";
            if (InputRow.present(sent.get(i), prefix, errors)) {
                incident(sent.get(i), new InputRow(prefix, errors), known).ifPresent(events::add);
            }
        }
        refuseIfAny(errors, "incident");
        return events;
    }

    private static void limit(int size) {
        if (size > MAX_EVENTS) {
            throw ProblemException.unprocessable("send at most 10,000 events per request, got " + size, List.of());
        }
    }

    private Optional<DeploymentEvent> deployment(SentDeployment sent, InputRow row,
            Map<String, Optional<String>> known) {
        int before = row.errors().size();
        String id = row.requiredText("id", sent.id(), "\"deploy-4711\"");
        String service = service(row, sent.service(), known);
        String environment = row.requiredText("environment", sent.environment(), "\"production\"");
        String statusText = row.requiredText("status", sent.status(), "\"success\"");
        DeploymentStatus status = null;
        if (statusText != null) {
            status = DeploymentStatus.fromWire(statusText).orElse(null);
            if (status == null) {
                row.error("status", "must be success, failure or rolled_back, got " + statusText);
            }
        }
        Instant startedAt = row.requiredInstant("startedAt", sent.startedAt());
        Instant finishedAt = row.requiredInstant("finishedAt", sent.finishedAt());
        if (startedAt != null && finishedAt != null && finishedAt.isBefore(startedAt)) {
            row.error("finishedAt", "must not be before startedAt (" + startedAt + "), got " + finishedAt);
        } else if (finishedAt != null) {
            notLater(row, "finishedAt", finishedAt);
        }
        Optional<String> version = row.optionalText("version", sent.version());
        Optional<String> pipeline = row.optionalText("pipeline", sent.pipeline());
        List<Commit> commits = new ArrayList<>();
        List<SentCommit> listed = sent.commits() == null ? List.of() : sent.commits();
        for (int c = 0; c < listed.size(); c++) {
            String prefix = row.path("commits") + "[" + c + "]";
            if (InputRow.present(listed.get(c), prefix, row.errors())) {
                InputRow commit = new InputRow(prefix, row.errors());
                String sha = commit.requiredText("sha", listed.get(c).sha(), "\"9fceb02\"");
                Instant committedAt = commit.requiredInstant("committedAt", listed.get(c).committedAt());
                if (sha != null && committedAt != null) {
                    commits.add(new Commit(sha, committedAt));
                }
            }
        }
        if (commits.stream().map(Commit::sha).distinct().count() < commits.size()) {
            row.error("commits", "lists a sha twice");
        }
        if (row.errors().size() > before) {
            return Optional.empty();
        }
        return Optional.of(new DeploymentEvent(id, service, environment, status, startedAt, finishedAt, version,
                List.copyOf(commits), pipeline));
    }

    private Optional<IncidentEvent> incident(SentIncident sent, InputRow row, Map<String, Optional<String>> known) {
        int before = row.errors().size();
        String id = row.requiredText("id", sent.id(), "\"INC-1234\"");
        String service = service(row, sent.service(), known);
        Instant startedAt = row.requiredInstant("startedAt", sent.startedAt());
        Optional<Instant> resolvedAt = row.optionalInstant("resolvedAt", sent.resolvedAt());
        if (startedAt != null) {
            notLater(row, "startedAt", startedAt);
        }
        if (startedAt != null && resolvedAt.isPresent() && resolvedAt.get().isBefore(startedAt)) {
            row.error("resolvedAt", "must not be before startedAt (" + startedAt + "), got " + resolvedAt.get());
        } else if (resolvedAt.isPresent()) {
            notLater(row, "resolvedAt", resolvedAt.get());
        }
        Optional<String> severity = row.optionalText("severity", sent.severity());
        Optional<String> deployment = row.optionalText("deployment", sent.deployment());
        if (row.errors().size() > before) {
            return Optional.empty();
        }
        return Optional.of(new IncidentEvent(id, service, startedAt, resolvedAt, severity, deployment));
    }

    /** Records an error when {@code at} is later than now, give or take {@link #CLOCK_SKEW}. */
    private void notLater(InputRow row, String field, Instant at) {
        Instant now = clock.instant();
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            row.error(field, "must not be in the future: it is " + now.truncatedTo(ChronoUnit.SECONDS)
                    + " here (a clock up to 5 minutes ahead is allowed), got " + at);
        }
    }

    /** @return the service's catalog key, or {@code null} after recording that the catalog has no such service */
    private String service(InputRow row, String value, Map<String, Optional<String>> known) {
        String service = row.requiredText("service", value, "\"recorder-api\"");
        if (service == null) {
            return null;
        }
        Optional<String> key = known.computeIfAbsent(service, this::serviceKey);
        if (key.isEmpty()) {
            row.error("service", "is not a service in the catalog: " + service);
            return null;
        }
        return key.get();
    }

    private Optional<String> serviceKey(String key) {
        return ServiceRefs.service(catalog, key).map(e -> e.ref().key());
    }

    /**
     * The catalog keys of the services a batch names, those not known already read in one go: a batch of 1,000
     * events over 1,000 services would otherwise ask the catalog 1,000 times. Texts that are no reference are left
     * to {@link #service}.
     */
    private Map<String, Optional<String>> known(List<String> named) {
        return new HashMap<>(known.keys(named));
    }

    private static void refuseIfAny(List<FieldError> errors, String what) {
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("no " + what + " was stored: fix the fields named and send the"
                    + " whole batch again", errors.size() > 200 ? errors.subList(0, 200) : errors);
        }
    }
}
