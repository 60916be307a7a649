package dev.vitals.core.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.vitals.api.Job;
import dev.vitals.core.pluginhost.HostedPlugin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs plugin jobs with db-scheduler on the portal's own database: executions are claimed with row locks in
 * {@code core.scheduled_tasks}, so however many portal instances share the database, each run happens once. A
 * job whose plugin is not started is skipped, not removed, so it resumes when the plugin is enabled again.
 *
 * <p>A plugin job's body runs on that plugin's own {@link JobWorkers}, within the job's time limit, while a scheduler
 * thread waits for it: the run is marked done in the database only once the body has ended, and a body that hangs
 * holds its own plugin's threads, not the scheduler's nor another plugin's.
 */
public final class JobScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(10);
    private final Scheduler scheduler;
    private final Map<String, JobWorkers> workers;

    private JobScheduler(Scheduler scheduler, Map<String, JobWorkers> workers) {
        this.scheduler = scheduler;
        this.workers = workers;
    }

    /**
     * @param pollingInterval how often an idle instance looks for due runs; the shortest job interval worth having
     */
    public static JobScheduler start(DataSource coreDataSource, Collection<HostedPlugin> plugins, List<Job> hostJobs,
            Duration pollingInterval, String instanceName) {
        List<RecurringTask<Void>> tasks = new ArrayList<>();
        Map<String, JobWorkers> workers = new HashMap<>();
        for (Job job : hostJobs) {
            tasks.add(Tasks.recurring(taskName("core", job.name()), FixedDelay.of(job.every()))
                    .execute((instance, ctx) -> runHostJob(job)));
        }
        for (HostedPlugin plugin : plugins) {
            if (plugin.jobs().isEmpty()) {
                continue;
            }
            JobWorkers own = new JobWorkers(plugin, plugin.jobs().size());
            workers.put(plugin.id(), own);
            for (Job job : plugin.jobs()) {
                tasks.add(Tasks.recurring(taskName(plugin.id(), job.name()), FixedDelay.of(job.every()))
                        .execute((instance, ctx) -> own.run(job)));
            }
        }
        Scheduler scheduler = Scheduler.create(coreDataSource)
                .tableName("core.scheduled_tasks")
                .startTasks(tasks)
                .pollingInterval(pollingInterval)
                // A run whose instance died is taken over after six missed heartbeats: a minute here, where the
                // library's default (5 minutes each) would stall the minute jobs for half an hour after a crash.
                .heartbeatInterval(HEARTBEAT)
                .missedHeartbeatsLimit(6)
                .schedulerName(new com.github.kagkarlsson.scheduler.SchedulerName.Fixed(instanceName))
                // A recurring task has at most one run at a time: with a thread per task, no job ever waits for a
                // thread that another job's long run holds.
                .threads(Math.max(4, tasks.size()))
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
        scheduler.start();
        return new JobScheduler(scheduler, workers);
    }

    public static String taskName(String pluginId, String jobName) {
        return pluginId + "." + jobName;
    }

    private static void runHostJob(Job job) {
        try {
            job.task().run();
        } catch (Exception e) {
            LOG.warn("Job {} failed; it runs again after {}", job.name(), job.every(), e);
        }
    }

    @Override
    public void close() {
        scheduler.stop();
        workers.values().forEach(JobWorkers::close);
    }
}
