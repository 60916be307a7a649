package dev.vitals.core.pluginhost;

import dev.vitals.api.RunningPlugin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the demo organisation on one background thread, once the portal serves: a newcomer's first page answers
 * within seconds of {@code --demo} and the data fills in behind it, the demo catalog first, then each plugin's demo
 * data in the order the plugins started. A plugin started later (an admin's switch) is seeded the same way, off the
 * request path. What is still to come is {@link #progress()}: pages show it and {@code /api/health} reports it.
 *
 * <p>Nothing runs before {@link #begin()}; what is added until then waits in order. A stop lets the step under way
 * finish (each is one plugin's idempotent seeding, a few seconds at most) and drops the rest, so no plugin's pool is
 * closed under its own seeding; the next start seeds what was dropped.
 */
final class DemoSeeding implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeding.class);
    /** How long a stop waits for the step under way before it closes the database under it. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vitals-demo-data");
        t.setDaemon(true);
        return t;
    });
    private final List<Runnable> held = new ArrayList<>();
    private final List<String> pending = new ArrayList<>();
    private boolean begun;
    private long begunAt;
    private volatile boolean closed;
    private volatile String current = "";

    /** A step of the demo: the catalog's seeding, or one plugin's. */
    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    /** Seeds the demo catalog, or another part of the host's own demo, under this name (not a plugin id). */
    synchronized void add(String name, Step step) {
        enqueue(name, () -> {
            try {
                step.run();
            } catch (Exception e) {
                LOG.error("Demo data: {} could not be seeded", name, e);
            }
        });
    }

    /** Seeds this start of a plugin, unless it has stopped by its turn. */
    synchronized void add(HostedPlugin hosted, RunningPlugin running) {
        enqueue(hosted.id(), () -> {
            if (hosted.running().filter(r -> r == running).isEmpty()) {
                return;
            }
            try {
                hosted.call("demo data", () -> {
                    running.seedDemoData();
                    return null;
                });
            } catch (PluginFailure e) {
                // Recorded against the plugin; the plugin still serves its real data.
            }
        });
    }

    private void enqueue(String name, Runnable work) {
        if (closed) {
            return;
        }
        pending.add(name);
        Runnable step = () -> {
            try {
                if (!closed) {
                    current = name;
                    long began = System.nanoTime();
                    work.run();
                    LOG.info("Demo data: {} in {} ms", name, (System.nanoTime() - began) / 1_000_000);
                }
            } finally {
                current = "";
                done(name);
            }
        };
        if (begun) {
            thread.execute(step);
        } else {
            held.add(step);
        }
    }

    private synchronized void done(String name) {
        pending.remove(name);
        if (pending.isEmpty() && !closed) {
            LOG.info("Demo data: all seeded, {} ms after the portal began to serve",
                    (System.nanoTime() - begunAt) / 1_000_000);
            notifyAll();
        }
    }

    /** From now on the steps run: the portal serves. */
    synchronized void begin() {
        if (begun || closed) {
            return;
        }
        begun = true;
        begunAt = System.nanoTime();
        held.forEach(thread::execute);
        held.clear();
    }

    /** What is still to be seeded, in order. */
    synchronized DemoProgress progress() {
        return new DemoProgress(List.copyOf(pending));
    }

    /**
     * Waits until nothing is left to seed.
     *
     * @return false when something still was after {@code timeout}
     */
    synchronized boolean awaitLoaded(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    @Override
    public void close() {
        List<String> dropped;
        synchronized (this) {
            closed = true;
            held.clear();
            // Without a start to serve (a command line import), nothing was meant to be seeded.
            dropped = begun ? pending.stream().filter(name -> !name.equals(current)).toList() : List.of();
            pending.clear();
            notifyAll();
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Demo data: still seeding after {} s; stopping regardless", STOP_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!dropped.isEmpty()) {
            LOG.info("Demo data: stopped before {} was seeded; the next start seeds it", dropped);
        }
    }
}
