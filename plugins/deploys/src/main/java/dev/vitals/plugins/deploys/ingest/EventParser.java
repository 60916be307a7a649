package dev.vitals.plugins.deploys.ingest;

import dev.vitals.api.CatalogView;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns posted JSON into deployment and incident events, or refuses the whole body with every field at fault named
 * by row ({@code [3].finishedAt}). Services must exist in the catalog.
 */
public final class EventParser {

    private final CatalogView catalog;

    public EventParser(CatalogView catalog) {
        this.catalog = catalog;
    }

    /** @param body the parsed JSON body, which must be an array @return the events, in order */
    public List<DeploymentEvent> deployments(Object body) {
        List<FieldError> errors = new ArrayList<>();
        List<DeploymentEvent> events = new ArrayList<>();
        Map<String, Boolean> known = new HashMap<>();
        List<?> rows = rows(body, true);
        for (int i = 0; i < rows.size(); i++) {
            String prefix = "[" + i + "]";
            JsonRow.of(rows.get(i), prefix, errors).flatMap(row -> deployment(row, known))
                    .ifPresent(events::add);
        }
        refuseIfAny(errors, "deployment");
        return events;
    }

    /** @param body one incident object or an array of them @return the incidents, in order */
    public List<IncidentEvent> incidents(Object body) {
        List<FieldError> errors = new ArrayList<>();
        List<IncidentEvent> events = new ArrayList<>();
        Map<String, Boolean> known = new HashMap<>();
        boolean single = body instanceof Map<?, ?>;
        List<?> rows = single ? List.of(body) : rows(body, false);
        for (int i = 0; i < rows.size(); i++) {
            String prefix = single ? "" : "[" + i + "]";
            JsonRow.of(rows.get(i), prefix, errors).flatMap(row -> incident(row, known)).ifPresent(events::add);
        }
        refuseIfAny(errors, "incident");
        return events;
    }

    private static List<?> rows(Object body, boolean arrayOnly) {
        if (body instanceof List<?> list) {
            if (list.size() > 10_000) {
                throw ProblemException.unprocessable("send at most 10,000 events per request, got " + list.size(),
                        List.of());
            }
            return list;
        }
        throw ProblemException.unprocessable("the body must be a JSON array of events"
                + (arrayOnly ? "" : " or one event object"), List.of(new FieldError("$", "must be an array")));
    }

    private Optional<DeploymentEvent> deployment(JsonRow row, Map<String, Boolean> known) {
        int before = errorCount(row);
        String id = row.requiredText("id", "\"deploy-4711\"");
        String service = service(row, known);
        String environment = row.requiredText("environment", "\"production\"");
        String statusText = row.requiredText("status", "\"success\"");
        DeploymentStatus status = null;
        if (statusText != null) {
            status = DeploymentStatus.fromWire(statusText).orElse(null);
            if (status == null) {
                row.error("status", "must be success, failure or rolled_back, got " + statusText);
            }
        }
        Instant startedAt = row.requiredInstant("startedAt");
        Instant finishedAt = row.requiredInstant("finishedAt");
        if (startedAt != null && finishedAt != null && finishedAt.isBefore(startedAt)) {
            row.error("finishedAt", "must not be before startedAt (" + startedAt + "), got " + finishedAt);
        }
        Optional<String> version = row.optionalText("version");
        Optional<String> pipeline = row.optionalText("pipeline");
        List<Commit> commits = new ArrayList<>();
        List<?> listed = row.list("commits");
        for (int c = 0; c < listed.size(); c++) {
            String prefix = row.path("commits") + "[" + c + "]";
            JsonRow.of(listed.get(c), prefix, row.errors()).ifPresent(commit -> {
                String sha = commit.requiredText("sha", "\"9fceb02\"");
                Instant committedAt = commit.requiredInstant("committedAt");
                if (sha != null && committedAt != null) {
                    commits.add(new Commit(sha, committedAt));
                }
            });
        }
        if (commits.stream().map(Commit::sha).distinct().count() < commits.size()) {
            row.error("commits", "lists a sha twice");
        }
        if (errorCount(row) > before) {
            return Optional.empty();
        }
        return Optional.of(new DeploymentEvent(id, service, environment, status, startedAt, finishedAt, version,
                List.copyOf(commits), pipeline));
    }

    private Optional<IncidentEvent> incident(JsonRow row, Map<String, Boolean> known) {
        int before = errorCount(row);
        String id = row.requiredText("id", "\"INC-1234\"");
        String service = service(row, known);
        Instant startedAt = row.requiredInstant("startedAt");
        Optional<Instant> resolvedAt = row.optionalInstant("resolvedAt");
        if (startedAt != null && resolvedAt.isPresent() && resolvedAt.get().isBefore(startedAt)) {
            row.error("resolvedAt", "must not be before startedAt (" + startedAt + "), got " + resolvedAt.get());
        }
        Optional<String> severity = row.optionalText("severity");
        Optional<String> deployment = row.optionalText("deployment");
        if (errorCount(row) > before) {
            return Optional.empty();
        }
        return Optional.of(new IncidentEvent(id, service, startedAt, resolvedAt, severity, deployment));
    }

    private String service(JsonRow row, Map<String, Boolean> known) {
        String service = row.requiredText("service", "\"recorder-api\"");
        if (service != null && !known.computeIfAbsent(service, this::isService)) {
            row.error("service", "is not a service in the catalog: " + service);
            return null;
        }
        return service;
    }

    private boolean isService(String key) {
        return catalog.entity(key).filter(e -> e.kind().equalsIgnoreCase("Component")).isPresent();
    }

    private static int errorCount(JsonRow row) {
        return row.errors().size();
    }

    private static void refuseIfAny(List<FieldError> errors, String what) {
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("no " + what + " was stored: fix the fields named and send the"
                    + " whole batch again", errors.size() > 200 ? errors.subList(0, 200) : errors);
        }
    }
}
