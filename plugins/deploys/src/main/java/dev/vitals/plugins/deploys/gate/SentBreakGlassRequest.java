package dev.vitals.plugins.deploys.gate;

/**
 * A break-glass request as {@code POST /api/deploys/break-glass} receives it; {@link BreakGlass} checks it.
 *
 * @param service the service's key, e.g. {@code recorder-api}
 * @param reason why, in the requester's words
 */
public record SentBreakGlassRequest(String service, String reason) {
}
