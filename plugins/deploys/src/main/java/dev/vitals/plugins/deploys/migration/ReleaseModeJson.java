package dev.vitals.plugins.deploys.migration;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A service's release mode as the API shows it.
 *
 * @param service the service's key
 * @param mode train or independent
 * @param since the date it changed; empty for a service never moved off the train
 */
public record ReleaseModeJson(String service, String mode, Optional<LocalDate> since) {

    static ReleaseModeJson of(ReleaseMode mode) {
        return new ReleaseModeJson(mode.service(), mode.label(), mode.since());
    }
}
