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
 * Reads GitHub {@code deployment} and {@code deployment_status} payloads. The {@code deployment} event is kept as
 * created (see {@link GithubDeploymentStore}); a deployment is recorded as a deployment event once a status reaches a
 * final state ({@code success}, or {@code failure}/{@code error}), completed from the stored {@code deployment} event
 * where the status payload leaves something out. Queued, in-progress and inactive statuses carry no outcome yet. The
 * repository maps to the services whose catalog annotation {@code github.com/project-slug} names it. GitHub sends no
 * commit times, so these deployments count for frequency and failure rate but not lead time.
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

    /**
     * @param payload a {@code deployment} payload
     * @return the deployment it creates; empty for other actions or when the id, repository, environment, sha or
     *     creation time is missing
     */
    public Optional<GithubDeployment> fromDeployment(Map<?, ?> payload) {
        Map<?, ?> deployment = map(payload.get("deployment"));
        String action = text(payload.get("action"));
        Optional<Long> id = githubId(deployment.get("id"));
        String repo = text(map(payload.get("repository")).get("full_name")).toLowerCase(Locale.ROOT);
        String environment = text(deployment.get("environment"));
        String sha = text(deployment.get("sha"));
        Optional<Instant> created = instant(deployment.get("created_at"));
        if (!(action.isEmpty() || action.equals("created")) || id.isEmpty() || repo.isEmpty() || environment.isEmpty()
                || sha.isEmpty() || created.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new GithubDeployment(repo, id.get(), environment, sha, present(deployment.get("ref")),
                present(deployment.get("task")), present(map(deployment.get("creator")).get("login")),
                created.get()));
    }

    /** @param payload a {@code deployment_status} payload @return the finished deployments it reports */
    public List<DeploymentEvent> fromStatus(Map<?, ?> payload) {
        return fromStatus(payload, (repo, id, environment) -> Optional.empty());
    }

    /** Finds a stored {@code deployment} event. */
    @FunctionalInterface
    public interface Created {
        /** @param repository owner/name @param id GitHub's id @param environment GitHub's name @return it, if any */
        Optional<GithubDeployment> find(String repository, long id, String environment);
    }

    /**
     * @param payload a {@code deployment_status} payload
     * @param created the stored {@code deployment} events, to complete what the status leaves out
     * @return the finished deployments it reports
     */
    public List<DeploymentEvent> fromStatus(Map<?, ?> payload, Created created) {
        Map<?, ?> status = map(payload.get("deployment_status"));
        Map<?, ?> deployment = map(payload.get("deployment"));
        Map<?, ?> repository = map(payload.get("repository"));
        Optional<DeploymentStatus> outcome = outcome(text(status.get("state")));
        Optional<Long> id = githubId(deployment.get("id"));
        String repo = text(repository.get("full_name"));
        String environment = text(Optional.ofNullable(status.get("environment")).orElse(deployment.get("environment")));
        if (outcome.isEmpty() || id.isEmpty() || repo.isEmpty() || environment.isEmpty()) {
            return List.of();
        }
        Optional<GithubDeployment> stored = created.find(repo, id.get(), environment);
        Optional<Instant> started = instant(deployment.get("created_at"))
                .or(() -> stored.map(GithubDeployment::createdAt));
        Optional<Instant> finished = instant(status.get("created_at"));
        if (started.isEmpty() || finished.isEmpty()) {
            return List.of();
        }
        Instant finishedAt = finished.get().isBefore(started.get()) ? started.get() : finished.get();
        Optional<String> version = present(deployment.get("ref")).or(() -> stored.flatMap(GithubDeployment::ref))
                .or(() -> present(deployment.get("sha"))).or(() -> stored.map(GithubDeployment::sha));
        List<DeploymentEvent> events = new ArrayList<>();
        for (String service : services(repo)) {
            events.add(new DeploymentEvent("github:" + id.get() + ":" + service, service, environment, outcome.get(),
                    started.get(), finishedAt, version, List.of(), Optional.of("github:" + repo)));
        }
        return events;
    }

    private static Optional<String> present(Object value) {
        return Optional.of(text(value)).filter(s -> !s.isEmpty());
    }

    private static Optional<Long> githubId(Object value) {
        if (value instanceof Number n) {
            return Optional.of(n.longValue());
        }
        try {
            return Optional.of(Long.parseLong(text(value)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<DeploymentStatus> outcome(String state) {
        return switch (state.toLowerCase(Locale.ROOT)) {
            case "success" -> Optional.of(DeploymentStatus.SUCCESS);
            case "failure", "error" -> Optional.of(DeploymentStatus.FAILURE);
            default -> Optional.empty();
        };
    }
}
