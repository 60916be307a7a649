package dev.vitals.core.config;

import java.time.Duration;

/**
 * How soon a job run whose portal instance died is taken over by another instance: each instance marks the runs it
 * holds every {@code heartbeat}, and a run whose mark is {@code missedHeartbeats} heartbeats old counts as dead.
 *
 * @param heartbeat how often an instance marks the runs it holds ({@code VITALS_JOB_HEARTBEAT_SECONDS})
 * @param missedHeartbeats how many heartbeats a run may miss before another instance takes it over
 *     ({@code VITALS_JOB_MISSED_HEARTBEATS}; db-scheduler accepts no fewer than four)
 */
public record JobTakeover(Duration heartbeat, int missedHeartbeats) {

    /**
     * A minute: the library's default (5 minutes a heartbeat) would stall the minute jobs for half an hour after a
     * crash, while a shorter one costs every instance more writes for a case that is rare.
     */
    public static final JobTakeover DEFAULT = new JobTakeover(Duration.ofSeconds(10), 6);

    /** The fewest missed heartbeats db-scheduler accepts. */
    public static final int FEWEST_MISSED_HEARTBEATS = 4;

    public JobTakeover {
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("heartbeat must be positive, was " + heartbeat);
        }
        if (missedHeartbeats < FEWEST_MISSED_HEARTBEATS) {
            throw new IllegalArgumentException("missedHeartbeats must be at least " + FEWEST_MISSED_HEARTBEATS
                    + ", was " + missedHeartbeats);
        }
    }

    /** How long after its instance's last heartbeat a run is taken over. */
    public Duration after() {
        return heartbeat.multipliedBy(missedHeartbeats);
    }
}
