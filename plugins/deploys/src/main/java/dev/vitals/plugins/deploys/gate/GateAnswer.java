package dev.vitals.plugins.deploys.gate;

import java.util.List;

/**
 * What {@code GET /api/deploys/gate} answers a pipeline.
 *
 * @param allowed whether to deploy now
 * @param reasons every rule's verdict in words
 * @param service the service's key
 * @param environment the environment asked about, as named
 */
public record GateAnswer(boolean allowed, List<String> reasons, String service, String environment) {
}
