package dev.vitals.plugins.deploys.gate;

import java.time.Instant;
import java.util.Optional;

/**
 * A break-glass request as the API shows it.
 *
 * @param id its id
 * @param service the service
 * @param reason why
 * @param requestedBy who asked
 * @param requestedAt when
 * @param requestExpiresAt unapproved after this, it is dead
 * @param approvedBy who approved it
 * @param approvedAt when
 * @param openUntil the gate is open until then
 * @param state waiting, open, expired or closed
 */
public record BreakGlassJson(long id, String service, String reason, String requestedBy, Instant requestedAt,
        Instant requestExpiresAt, Optional<String> approvedBy, Optional<Instant> approvedAt,
        Optional<Instant> openUntil, String state) {

    /** @param r a stored request @param now the time, for its state @return it as the API shows it */
    public static BreakGlassJson of(BreakGlassRequest r, Instant now) {
        return new BreakGlassJson(r.id(), r.service(), r.reason(), r.requestedBy(), r.requestedAt(),
                r.requestExpiresAt(), r.approvedBy(), r.approvedAt(), r.openUntil(), r.state(now));
    }
}
