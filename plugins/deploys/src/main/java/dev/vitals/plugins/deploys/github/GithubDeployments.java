package dev.vitals.plugins.deploys.github;

import static dev.vitals.plugins.deploys.integrations.WebhookValues.instant;
import static dev.vitals.plugins.deploys.integrations.WebhookValues.text;

import dev.vitals.api.CatalogView;
import dev.vitals.plugins.deploys.ingest.DeploymentEvent;
import dev.vitals.plugins.deploys.ingest.DeploymentStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
                .map(s -> s.ref().key()).toList();
    }

    /**
     * @param payload a {@code deployment} payload
     * @return the deployment it creates; empty for other actions or when the id, repository, environment, sha or
     *     creation time is missing
     */
    public Optional<GithubDeployment> fromDeployment(GithubEvent payload) {
        Optional<GithubEvent.Deployment> deployment = Optional.ofNullable(payload.deployment());
        String action = text(payload.action()).orElse("");
        Optional<Long> id = deployment.map(GithubEvent.Deployment::id);
        String repo = repository(payload).toLowerCase(Locale.ROOT);
        String environment = deployment.flatMap(d -> text(d.environment())).orElse("");
        String sha = deployment.flatMap(d -> text(d.sha())).orElse("");
        Optional<Instant> created = deployment.flatMap(d -> instant(d.createdAt()));
        if (!(action.isEmpty() || action.equals("created")) || id.isEmpty() || repo.isEmpty() || environment.isEmpty()
                || sha.isEmpty() || created.isEmpty()) {
            return Optional.empty();
        }
        GithubEvent.Deployment d = deployment.get();
        return Optional.of(new GithubDeployment(repo, id.get(), environment, sha, text(d.ref()), text(d.task()),
                Optional.ofNullable(d.creator()).flatMap(c -> text(c.login())), created.get()));
    }

    /** @param payload a {@code deployment_status} payload @return the finished deployments it reports */
    public List<DeploymentEvent> fromStatus(GithubEvent payload) {
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
    public List<DeploymentEvent> fromStatus(GithubEvent payload, Created created) {
        Optional<GithubEvent.Status> status = Optional.ofNullable(payload.status());
        Optional<GithubEvent.Deployment> deployment = Optional.ofNullable(payload.deployment());
        Optional<DeploymentStatus> outcome = outcome(status.flatMap(s -> text(s.state())).orElse(""));
        Optional<Long> id = deployment.map(GithubEvent.Deployment::id);
        String repo = repository(payload);
        String environment = status.flatMap(s -> text(s.environment()))
                .or(() -> deployment.flatMap(d -> text(d.environment()))).orElse("");
        if (outcome.isEmpty() || id.isEmpty() || repo.isEmpty() || environment.isEmpty()) {
            return List.of();
        }
        Optional<GithubDeployment> stored = created.find(repo, id.get(), environment);
        Optional<Instant> started = deployment.flatMap(d -> instant(d.createdAt()))
                .or(() -> stored.map(GithubDeployment::createdAt));
        Optional<Instant> finished = status.flatMap(s -> instant(s.createdAt()));
        if (started.isEmpty() || finished.isEmpty()) {
            return List.of();
        }
        Instant finishedAt = finished.get().isBefore(started.get()) ? started.get() : finished.get();
        Optional<String> version = deployment.flatMap(d -> text(d.ref())).or(() -> stored.flatMap(GithubDeployment::ref))
                .or(() -> deployment.flatMap(d -> text(d.sha()))).or(() -> stored.map(GithubDeployment::sha));
        List<DeploymentEvent> events = new ArrayList<>();
        for (String service : services(repo)) {
            events.add(new DeploymentEvent("github:" + id.get() + ":" + service, service, environment, outcome.get(),
                    started.get(), finishedAt, version, List.of(), Optional.of("github:" + repo)));
        }
        return events;
    }

    private static String repository(GithubEvent payload) {
        return Optional.ofNullable(payload.repository()).flatMap(r -> text(r.fullName())).orElse("");
    }

    private static Optional<DeploymentStatus> outcome(String state) {
        return switch (state.toLowerCase(Locale.ROOT)) {
            case "success" -> Optional.of(DeploymentStatus.SUCCESS);
            case "failure", "error" -> Optional.of(DeploymentStatus.FAILURE);
            default -> Optional.empty();
        };
    }
}
