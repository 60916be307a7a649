package dev.vitals.plugins.deploys.github;

import static dev.vitals.plugins.deploys.WebhookJson.instant;
import static dev.vitals.plugins.deploys.WebhookJson.map;
import static dev.vitals.plugins.deploys.WebhookJson.text;

import dev.vitals.api.CatalogEntity;
import dev.vitals.api.CatalogView;
import dev.vitals.plugins.deploys.ingest.DeploymentEvent;
import dev.vitals.plugins.deploys.ingest.DeploymentStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads GitHub {@code deployment_status} payloads as deployment events. A deployment is recorded once it reaches a
 * final state ({@code success}, or {@code failure}/{@code error}); queued, in-progress and inactive statuses, and the
 * {@code deployment} event itself, carry no outcome yet. The repository maps to the services whose catalog
 * annotation {@code github.com/project-slug} names it. GitHub sends no commit times, so these deployments count for
 * frequency and failure rate but not lead time.
 */
public final class GithubDeployments {

    public static final String SLUG = "github.com/project-slug";
    private final CatalogView catalog;

    public GithubDeployments(CatalogView catalog) {
        this.catalog = catalog;
    }

    /** @param repository {@code owner/name} @return the services built from it */
    public List<String> services(String repository) {
        return catalog.services().stream()
                .filter(s -> repository.equalsIgnoreCase(s.annotations().getOrDefault(SLUG, "").trim()))
                .map(CatalogEntity::name).toList();
    }

    /** @param payload a {@code deployment_status} payload @return the finished deployments it reports */
    public List<DeploymentEvent> fromStatus(Map<?, ?> payload) {
        Map<?, ?> status = map(payload.get("deployment_status"));
        Map<?, ?> deployment = map(payload.get("deployment"));
        Map<?, ?> repository = map(payload.get("repository"));
        Optional<DeploymentStatus> outcome = outcome(text(status.get("state")));
        Object id = deployment.get("id");
        String repo = text(repository.get("full_name"));
        Optional<Instant> started = instant(deployment.get("created_at"));
        Optional<Instant> finished = instant(status.get("created_at"));
        String environment = text(Optional.ofNullable(status.get("environment")).orElse(deployment.get("environment")));
        if (outcome.isEmpty() || id == null || repo.isEmpty() || started.isEmpty() || finished.isEmpty()
                || environment.isEmpty()) {
            return List.of();
        }
        Instant finishedAt = finished.get().isBefore(started.get()) ? started.get() : finished.get();
        Optional<String> version = Optional.of(text(deployment.get("ref"))).filter(s -> !s.isEmpty())
                .or(() -> Optional.of(text(deployment.get("sha"))).filter(s -> !s.isEmpty()));
        List<DeploymentEvent> events = new ArrayList<>();
        for (String service : services(repo)) {
            events.add(new DeploymentEvent("github:" + id + ":" + service, service, environment, outcome.get(),
                    started.get(), finishedAt, version, List.of(), Optional.of("github:" + repo)));
        }
        return events;
    }

    private static Optional<DeploymentStatus> outcome(String state) {
        return switch (state.toLowerCase(Locale.ROOT)) {
            case "success" -> Optional.of(DeploymentStatus.SUCCESS);
            case "failure", "error" -> Optional.of(DeploymentStatus.FAILURE);
            default -> Optional.empty();
        };
    }
}
