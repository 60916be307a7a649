package dev.vitals.plugins.cost.allocation;

import dev.vitals.api.EntityRef;
import java.time.Instant;

/**
 * Rows no tag allocates whose {@code ResourceId} starts with the prefix belong to the service; the longest prefix
 * wins.
 *
 * @param prefix the start of the resource ids, compared exactly
 * @param service the service
 * @param setBy who set it
 * @param setAt when
 */
public record ResourceRule(String prefix, EntityRef service, String setBy, Instant setAt) {
}
