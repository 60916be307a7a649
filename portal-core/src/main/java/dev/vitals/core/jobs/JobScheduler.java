package dev.vitals.core.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.vitals.api.Job;
import dev.vitals.core.config.JobTakeover;
import dev.vitals.core.config.VitalsConfig;
import dev.vitals.core.pluginhost.HostedPlugin;
import dev.vitals.core.pluginhost.PluginHost;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the host's and the plugins' jobs with db-scheduler on the portal's own database: executions are claimed with
 * row locks in {@code core.scheduled_tasks}, so however many portal instances share the database, each run happens
 * once. A job whose plugin is not started is skipped, not removed, so it resumes when the plugin is started again.
 *
 * <p>A plugin's jobs are known only once its factory has built the running plugin, so each plugin gets its own
 * db-scheduler, built when the plugin first starts and rebuilt only when a later start declares other jobs or
 * intervals. Each run reads the job from the plugin's current running instance, so a restarted plugin runs its new
 * job bodies. Each scheduler works on a view of the table holding only its owner's jobs
 * ({@code core.scheduled_tasks_of_<owner>}): db-scheduler takes every row of its table for one of its own tasks, and
 * supports one set of tasks per table.
 *
 * <p>A plugin job's body runs on that plugin's own {@link JobWorkers}, within the job's time limit, while a scheduler
 * thread waits for it: the run is marked done in the database only once the body has ended, and a body that hangs
 * holds its own plugin's threads, not the scheduler's nor another plugin's.
 */
public final class JobScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);
    /** The host's jobs are named {@code core.<job>}, as a plugin's are {@code <plugin id>.<job>}. */
    private static final String HOST = "core";
    private final DataSource dataSource;
    private final Duration pollingInterval;
    private final JobTakeover takeover;
    private final String instanceName;
    private final Scheduler hostScheduler;
    private final Map<String, PluginJobs> plugins = new HashMap<>();
    private boolean closed;

    /** One plugin's scheduler, the workers its runs use, and the jobs (name and interval) it was built for. */
    private record PluginJobs(Scheduler scheduler, JobWorkers workers, Map<String, Duration> intervals) {
        void close() {
            scheduler.stop();
            workers.close();
        }
    }

    private JobScheduler(DataSource dataSource, Duration pollingInterval, JobTakeover takeover, String instanceName,
            Scheduler hostScheduler) {
        this.dataSource = dataSource;
        this.pollingInterval = pollingInterval;
        this.takeover = takeover;
        this.instanceName = instanceName;
        this.hostScheduler = hostScheduler;
    }

    /**
     * Schedules the host's jobs and the jobs of every plugin started now, and of every plugin as it starts later.
     *
     * @param pollingInterval how often an idle instance looks for due runs; the shortest job interval worth having
     */
    public static JobScheduler start(DataSource coreDataSource, PluginHost host, List<Job> hostJobs,
            Duration pollingInterval, String instanceName) {
        return start(coreDataSource, host, hostJobs, pollingInterval, JobTakeover.DEFAULT, instanceName);
    }

    /**
     * As {@link #start(DataSource, PluginHost, List, Duration, String)}, with how soon a dead instance's runs are
     * taken over.
     */
    public static JobScheduler start(DataSource coreDataSource, PluginHost host, List<Job> hostJobs,
            Duration pollingInterval, JobTakeover takeover, String instanceName) {
        List<RecurringTask<Void>> tasks = new ArrayList<>();
        for (Job job : hostJobs) {
            tasks.add(Tasks.recurring(taskName(HOST, job.name()), FixedDelay.of(job.every()))
                    .execute((instance, ctx) -> runHostJob(job)));
        }
        JobScheduler jobs = new JobScheduler(coreDataSource, pollingInterval, takeover, instanceName,
                scheduler(coreDataSource, HOST, tasks, pollingInterval, takeover, instanceName));
        host.whenStarted(jobs::started);
        host.plugins().stream().filter(HostedPlugin::isStarted).forEach(jobs::started);
        return jobs;
    }

    public static String taskName(String pluginId, String jobName) {
        return pluginId + "." + jobName;
    }

    /** A plugin has started: its jobs run from now on, on a scheduler built for them unless one already is. */
    private synchronized void started(HostedPlugin plugin) {
        Map<String, Duration> intervals = new HashMap<>();
        plugin.jobs().forEach(job -> intervals.put(job.name(), job.every()));
        PluginJobs current = plugins.get(plugin.id());
        if (closed || (current != null && current.intervals().equals(intervals))) {
            return;
        }
        if (current != null) {
            current.close();
            plugins.remove(plugin.id());
        }
        if (intervals.isEmpty()) {
            return;
        }
        JobWorkers workers = new JobWorkers(plugin, intervals.size());
        List<RecurringTask<Void>> tasks = new ArrayList<>();
        intervals.forEach((name, every) -> tasks.add(Tasks.recurring(taskName(plugin.id(), name), FixedDelay.of(every))
                .execute((instance, ctx) -> workers.run(name))));
        plugins.put(plugin.id(), new PluginJobs(scheduler(dataSource, plugin.id(), tasks, pollingInterval, takeover,
                instanceName),
                workers, intervals));
        LOG.info("Plugin {}: scheduled job(s) {}", plugin.id(), intervals.keySet().stream().sorted().toList());
    }

    private static Scheduler scheduler(DataSource dataSource, String owner, List<RecurringTask<Void>> tasks,
            Duration pollingInterval, JobTakeover takeover, String instanceName) {
        Scheduler scheduler = Scheduler.create(dataSource)
                .tableName(ownersView(dataSource, owner))
                .startTasks(tasks)
                .pollingInterval(pollingInterval)
                // A run whose instance died is taken over after its missed heartbeats (see JobTakeover.DEFAULT).
                .heartbeatInterval(takeover.heartbeat())
                .missedHeartbeatsLimit(takeover.missedHeartbeats())
                .schedulerName(new SchedulerName.Fixed(instanceName))
                // A recurring task has at most one run at a time: with a thread per task, no job ever waits for a
                // thread that another job's long run holds.
                .threads(Math.max(2, tasks.size()))
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
        scheduler.start();
        return scheduler;
    }

    /**
     * Makes sure the view of one owner's jobs exists and returns its name. Over the whole table each scheduler saw the
     * others' jobs as unknown: a warning for each at every start, and db-scheduler deletes the runs of a job it has
     * seen unknown for 14 days (counted from their due time), so another plugin's recurring job would have gone after
     * two weeks of uptime. In its own view a job unknown to its owner is one the owner no longer declares, which that
     * deletion is for; a disabled plugin's jobs are in no running scheduler's view and wait for it.
     *
     * @param owner {@code core} or a plugin id
     * @return the view's qualified name
     */
    static String ownersView(DataSource dataSource, String owner) {
        // Named into the view's definition: a plugin id, or the host's own prefix, which has the same shape.
        if (!VitalsConfig.PLUGIN_ID.matcher(owner).matches()) {
            throw new IllegalArgumentException("not a job owner: " + owner);
        }
        String view = "core.scheduled_tasks_of_" + owner;
        Jdbi.create(dataSource).useTransaction(h -> {
            // Instances starting together would otherwise replace the same view at once, and one would fail.
            h.execute("SELECT pg_advisory_xact_lock(hashtext('core.scheduled_tasks views'))");
            h.execute("CREATE OR REPLACE VIEW " + view + " AS SELECT * FROM core.scheduled_tasks"
                    + " WHERE starts_with(task_name, '" + owner + ".') WITH CHECK OPTION");
        });
        return view;
    }

    private static void runHostJob(Job job) {
        try {
            job.task().run();
        } catch (Exception e) {
            LOG.warn("Job {} failed; it runs again after {}", job.name(), job.every(), e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        hostScheduler.stop();
        plugins.values().forEach(PluginJobs::close);
        plugins.clear();
    }
}
