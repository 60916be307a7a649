package dev.vitals.plugins.deploys.gate;

import java.util.List;

/**
 * What the gate answers a pipeline.
 *
 * @param allowed whether to deploy now
 * @param reasons every rule's verdict in words: what blocks, what was skipped, what overrides
 */
public record GateDecision(boolean allowed, List<String> reasons) {
}
