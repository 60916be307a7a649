package dev.vitals.api;

import java.time.Duration;
import java.util.Objects;

/**
 * A recurring job. The host schedules it on a scheduler backed by the portal's database, so with several portal
 * instances each run still happens once. While the plugin is not started, runs are skipped.
 *
 * <p>Each run has a time limit. A run still going at its limit is interrupted and counted as failed; a run that does
 * not stop when interrupted marks its plugin {@code FAILED}, since its next run could otherwise overlap it.
 *
 * @param name unique within the plugin
 * @param every the pause between the end of one run and the start of the next
 * @param task the work
 * @param timeout how long one run may take; {@link #DEFAULT_TIMEOUT} unless set with {@link #withTimeout}
 *     (since 1.3.0)
 * @since 1.0.0
 */
public record Job(String name, Duration every, Task task, Duration timeout) {

    /**
     * The time limit of a run when the job sets none: long enough for any honest batch, short enough that a hung run
     * is noticed within the hour.
     *
     * @since 1.3.0
     */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    /**
     * Checks the interval and the time limit.
     *
     * @since 1.3.0
     */
    public Job {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(task, "task");
        if (every == null || every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("job '" + name + "' needs a positive interval, got " + every);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("job '" + name + "' needs a positive time limit, got " + timeout);
        }
    }

    /**
     * A job whose runs may take up to {@link #DEFAULT_TIMEOUT}.
     *
     * @param name unique within the plugin
     * @param every the pause between the end of one run and the start of the next
     * @param task the work
     */
    public Job(String name, Duration every, Task task) {
        this(name, every, task, DEFAULT_TIMEOUT);
    }

    /**
     * The same job with another time limit per run.
     *
     * @param limit how long one run may take before it is interrupted
     * @return a copy
     * @since 1.3.0
     */
    public Job withTimeout(Duration limit) {
        return new Job(name, every, task, limit);
    }

    /** The work a job does. */
    @FunctionalInterface
    public interface Task {
        /**
         * Does one run. A run past the job's time limit is interrupted: blocking calls then throw, and a loop should
         * check {@link Thread#isInterrupted()}.
         *
         * @throws Exception recorded against the plugin; the job runs again at its next interval
         */
        void run() throws Exception;
    }
}
