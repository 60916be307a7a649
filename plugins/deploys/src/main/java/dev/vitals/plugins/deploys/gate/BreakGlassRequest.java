package dev.vitals.plugins.deploys.gate;

import java.time.Instant;
import java.util.Optional;

/**
 * A request to open the gate for one service in an emergency.
 *
 * @param id its id
 * @param service the service
 * @param reason why, in the requester's words
 * @param requestedBy who asked
 * @param requestedAt when
 * @param requestExpiresAt unapproved after this, the request is dead
 * @param approvedBy the second person who approved it
 * @param approvedAt when
 * @param openUntil the gate is open for the service until then
 * @param requestedByPerson the person behind the request: {@code requestedBy}, or a token's maker
 */
public record BreakGlassRequest(long id, String service, String reason, String requestedBy, Instant requestedAt,
        Instant requestExpiresAt, Optional<String> approvedBy, Optional<Instant> approvedAt,
        Optional<Instant> openUntil, String requestedByPerson) {

    /** @param now the time @return true while it holds the gate open */
    public boolean opensGateAt(Instant now) {
        return openUntil.map(now::isBefore).orElse(false);
    }

    /** @param now the time @return its state in a word: waiting, open, expired or closed */
    public String state(Instant now) {
        if (approvedBy.isEmpty()) {
            return now.isBefore(requestExpiresAt) ? "waiting" : "expired";
        }
        return opensGateAt(now) ? "open" : "closed";
    }
}
