package dev.vitals.plugins.deploys.ingest;

import java.util.Arrays;
import java.util.Optional;

/** How a deployment ended. */
public enum DeploymentStatus {
    SUCCESS("success"),
    FAILURE("failure"),
    ROLLED_BACK("rolled_back");

    private final String wire;

    DeploymentStatus(String wire) {
        this.wire = wire;
    }

    /** @return the name in the API and the database */
    public String wire() {
        return wire;
    }

    static Optional<DeploymentStatus> fromWire(String text) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(text)).findFirst();
    }
}
