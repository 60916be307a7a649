package dev.vitals.plugins.deploys.ingest;

/**
 * A commit in a sent deployment's {@code commits}.
 *
 * @param sha the commit's hash
 * @param committedAt a time with offset
 */
public record SentCommit(String sha, String committedAt) {
}
