package dev.vitals.plugins.deploys.github;

import java.time.Instant;
import java.util.Optional;

/**
 * A deployment as GitHub's {@code deployment} event created it, before any status.
 *
 * @param repository {@code owner/name}, lower case
 * @param id GitHub's deployment id
 * @param environment as GitHub names it, e.g. {@code production}
 * @param sha the commit deployed
 * @param ref the branch or tag, if any
 * @param task e.g. {@code deploy}
 * @param creator the login that created it
 * @param createdAt when it was created
 */
public record GithubDeployment(String repository, long id, String environment, String sha, Optional<String> ref,
        Optional<String> task, Optional<String> creator, Instant createdAt) {
}
