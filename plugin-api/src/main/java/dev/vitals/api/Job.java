package dev.vitals.api;

import java.time.Duration;
import java.util.Objects;

/**
 * A recurring job. The host schedules it on a scheduler backed by the portal's database, so with several portal
 * instances each run still happens once. While the plugin is not started, runs are skipped.
 *
 * @param name unique within the plugin
 * @param every the pause between the end of one run and the start of the next
 * @param task the work
 */
public record Job(String name, Duration every, Task task) {

    /** Checks the interval. */
    public Job {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(task, "task");
        if (every == null || every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("job '" + name + "' needs a positive interval, got " + every);
        }
    }

    /** The work a job does. */
    @FunctionalInterface
    public interface Task {
        /** @throws Exception recorded against the plugin; the job runs again at its next interval */
        void run() throws Exception;
    }
}
