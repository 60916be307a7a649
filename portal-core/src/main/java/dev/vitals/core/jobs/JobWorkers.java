package dev.vitals.core.jobs;

import dev.vitals.api.Job;
import dev.vitals.core.pluginhost.HostedPlugin;
import dev.vitals.core.pluginhost.PluginFailure;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads one plugin's job bodies run on, and the time limit they run within. A run past its limit is
 * interrupted and counted as failed. A run that does not end even then would overlap the job's next run and keeps
 * one of these threads, so its plugin is marked {@code FAILED}: its jobs are skipped until an admin starts it again.
 */
final class JobWorkers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobWorkers.class);
    /** How long an interrupted run has to end before its plugin counts as hung. */
    private static final Duration MOST_GRACE = Duration.ofSeconds(5);
    private final HostedPlugin plugin;
    private final ThreadPoolExecutor threads;

    /** @param jobs how many jobs the plugin has: each has at most one run at a time, plus one run left hanging */
    JobWorkers(HostedPlugin plugin, int jobs) {
        this.plugin = plugin;
        AtomicInteger count = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(0, jobs + 1, 1, TimeUnit.MINUTES, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "vitals-job-" + plugin.id() + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs one execution of a job, as the plugin's running instance declares it now, and returns when its body has
     * ended.
     *
     * @throws JobOverran when the run passed its limit, so that the scheduler records the execution as failed
     */
    void run(String jobName) {
        Optional<Job> declared = plugin.jobs().stream().filter(j -> j.name().equals(jobName)).findFirst();
        if (declared.isEmpty()) {
            // Not started (its jobs are empty then), or its running instance no longer declares this job.
            LOG.debug("Skipping job {} of plugin {}: plugin is {}", jobName, plugin.id(), plugin.state());
            return;
        }
        Job job = declared.get();
        String during = "job " + job.name();
        CountDownLatch ended = new CountDownLatch(1);
        Future<?> body;
        try {
            body = threads.submit(() -> {
                try {
                    plugin.call(during, () -> {
                        job.task().run();
                        return null;
                    });
                } catch (PluginFailure e) {
                    // Recorded against the plugin; the job runs again after its interval.
                } finally {
                    ended.countDown();
                }
            });
        } catch (RejectedExecutionException e) {
            plugin.fault(during, "found no free worker thread: earlier runs of this plugin's jobs have not ended",
                    false);
            throw new JobOverran(plugin.id() + "." + job.name() + " found no free worker thread");
        }
        try {
            if (ended.await(job.timeout().toNanos(), TimeUnit.NANOSECONDS)) {
                return;
            }
            body.cancel(true);
            Duration grace = job.timeout().compareTo(MOST_GRACE) < 0 ? job.timeout() : MOST_GRACE;
            boolean stopped = ended.await(grace.toNanos(), TimeUnit.NANOSECONDS);
            String what = "ran past its time limit of " + job.timeout().toString().substring(2).toLowerCase()
                    + (stopped ? " and was interrupted" : " and did not stop when interrupted");
            plugin.fault(during, what, !stopped);
            throw new JobOverran(plugin.id() + "." + job.name() + " " + what);
        } catch (InterruptedException e) {
            // The scheduler is shutting down: the run ends with it.
            body.cancel(true);
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    /** A run that passed its time limit, thrown for the scheduler to record the execution as failed. */
    static final class JobOverran extends RuntimeException {
        JobOverran(String message) {
            super(message, null, false, false);
        }
    }
}
