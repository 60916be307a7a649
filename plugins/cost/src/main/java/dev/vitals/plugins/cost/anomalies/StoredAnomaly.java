package dev.vitals.plugins.cost.anomalies;

import dev.vitals.api.EntityRef;
import java.time.Instant;
import java.util.Optional;

/**
 * An anomaly as stored: its expectation, when it was found and whether it was dismissed.
 *
 * @param id its number
 * @param service the service
 * @param expectation the day, its cost and band
 * @param detectedAt when detection last assessed it
 * @param dismissal who dismissed it, if anyone
 */
public record StoredAnomaly(long id, EntityRef service, Expectation expectation, Instant detectedAt,
        Optional<Dismissal> dismissal) {

    /** @return whether no one dismissed it */
    public boolean open() {
        return dismissal.isEmpty();
    }
}
