package dev.vitals.plugins.deploys.migration;

/**
 * A service's release mode as {@code PUT /api/deploys/release-modes/{service}} receives it.
 *
 * @param mode {@code train} or {@code independent}
 * @param since the date in the org zone it applies from, {@code YYYY-MM-DD}
 */
public record SentReleaseMode(String mode, String since) {
}
