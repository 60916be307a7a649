package dev.vitals.core.signals;

import dev.vitals.api.SignalStatus;
import java.util.Collection;
import java.util.OptionalDouble;

/**
 * One number for how healthy a set of services is: the mean of their latest signals, each scored OK 100, WARN 50,
 * CRITICAL 0. {@code UNKNOWN} says nothing either way and is left out; with no known signal there is no score.
 */
public final class HealthScore {

    private HealthScore() {
    }

    public static OptionalDouble of(Collection<SignalStatus> statuses) {
        return statuses.stream().filter(s -> s != SignalStatus.UNKNOWN).mapToDouble(HealthScore::points).average();
    }

    static double points(SignalStatus status) {
        return switch (status) {
            case OK -> 100;
            case WARN -> 50;
            case CRITICAL -> 0;
            case UNKNOWN -> throw new IllegalArgumentException("UNKNOWN has no points");
        };
    }
}
