package dev.vitals.plugins.deploys.ingest;

import java.time.Instant;

/**
 * A commit that a deployment shipped.
 *
 * @param sha the commit's hash
 * @param committedAt when it was committed
 */
public record Commit(String sha, Instant committedAt) {
}
