package dev.vitals.plugins.deploys.github;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The parts of a GitHub {@code deployment} or {@code deployment_status} payload this plugin reads. GitHub sends many
 * more fields, and adds new ones, so the rest is ignored here rather than refused; a part GitHub leaves out is
 * {@code null}.
 *
 * @param action {@code created} for a deployment event
 * @param deployment the deployment
 * @param status the status, in {@code deployment_status} events
 * @param repository the repository
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GithubEvent(String action, Deployment deployment,
        @JsonProperty("deployment_status") Status status, Repository repository) {

    /**
     * @param id GitHub's deployment id
     * @param environment e.g. {@code production}
     * @param sha the commit deployed
     * @param ref the branch or tag
     * @param task e.g. {@code deploy}
     * @param creator who created it
     * @param createdAt when, ISO-8601
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Deployment(Long id, String environment, String sha, String ref, String task, User creator,
            @JsonProperty("created_at") String createdAt) {
    }

    /**
     * @param state e.g. {@code success}, {@code failure}, {@code in_progress}
     * @param environment the environment, when the status names it
     * @param createdAt when, ISO-8601
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Status(String state, String environment, @JsonProperty("created_at") String createdAt) {
    }

    /** @param fullName {@code owner/name} */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Repository(@JsonProperty("full_name") String fullName) {
    }

    /** @param login the GitHub login */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record User(String login) {
    }
}
