package dev.vitals.plugins.deploys.migration;

import java.time.LocalDate;
import java.util.Optional;

/**
 * How a service ships: on the shared release train or independently, and since when.
 *
 * @param service the service
 * @param independent true once it deploys independently
 * @param since the date the mode changed; empty for a service that was never moved off the train
 */
public record ReleaseMode(String service, boolean independent, Optional<LocalDate> since) {

    public String label() {
        return independent ? "independent" : "train";
    }
}
