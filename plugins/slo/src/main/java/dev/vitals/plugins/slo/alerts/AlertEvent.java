package dev.vitals.plugins.slo.alerts;

import java.time.Instant;
import java.util.Optional;

/**
 * One firing of a burn-rate alert.
 *
 * @param slo the SLO's name
 * @param severity {@code page} or {@code ticket}
 * @param rule the alert's windows and threshold, e.g. {@code 1h&5m>14.4}
 * @param startedAt the evaluation that first saw it fire
 * @param resolvedAt the evaluation that first saw it stop, empty while it fires
 */
public record AlertEvent(String slo, String severity, String rule, Instant startedAt, Optional<Instant> resolvedAt) {
}
