package dev.vitals.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recomputes what depends on keys that just changed (the signals of services that received deployments, the budgets
 * of SLOs that received minutes) on one background thread of the plugin's own. An ingest request asks for the
 * refresh and answers without waiting for it, and a burst of requests naming the same keys costs one computation per
 * key rather than one per request. With a spacing ({@link #BackgroundRefresh(String, Duration, Consumer)}) it also
 * runs at most once per that spacing, so a steady stream of requests, each naming other keys, costs one grouped
 * computation per spacing rather than one per request.
 *
 * <p>A failed refresh is logged and dropped: the plugin's periodic job is expected to recompute everything anyway, so
 * until it runs the previous results stand. Close it in {@link RunningPlugin#stop()}.
 *
 * @since 1.2.0
 */
public final class BackgroundRefresh implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundRefresh.class);
    private final String name;
    private final Consumer<List<String>> work;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ScheduledExecutorService worker;
    private final long spacingNanos;
    /** When the last refresh started, on {@link System#nanoTime()}'s scale. */
    private volatile long lastStart;

    /**
     * @param name names the thread and the log lines, e.g. {@code deploys-signal-refresh}
     * @param work recomputes for the keys given; called on the background thread only, never concurrently
     */
    public BackgroundRefresh(String name, Consumer<List<String>> work) {
        this(name, Duration.ZERO, work);
    }

    /**
     * A refresh that starts at most once per {@code spacing}: the first request after a quiet spell runs at once,
     * and the keys asked for while a refresh ran or within {@code spacing} of its start wait for the next one, all of
     * them together. Results are then at most about {@code spacing} (plus one refresh) behind the requests.
     *
     * @param name names the thread and the log lines, e.g. {@code deploys-signal-refresh}
     * @param spacing the least time between the starts of two refreshes; zero to run as soon as the thread is free
     * @param work recomputes for the keys given; called on the background thread only, never concurrently
     * @since 2.1.0
     */
    public BackgroundRefresh(String name, Duration spacing, Consumer<List<String>> work) {
        if (spacing.isNegative()) {
            throw new IllegalArgumentException("spacing must not be negative: " + spacing);
        }
        this.name = name;
        this.work = work;
        this.spacingNanos = spacing.toNanos();
        this.lastStart = System.nanoTime() - spacingNanos;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** @param keys what changed; the refresh runs soon after, with every key asked for since it last ran */
    public void request(Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        pending.addAll(keys);
        if (scheduled.compareAndSet(false, true)) {
            long wait = spacingNanos - (System.nanoTime() - lastStart);
            worker.schedule(this::drain, Math.max(0, wait), TimeUnit.NANOSECONDS);
        }
    }

    private void drain() {
        lastStart = System.nanoTime();
        scheduled.set(false);
        List<String> batch = new ArrayList<>(pending);
        pending.removeAll(batch);
        try {
            work.accept(batch);
        } catch (RuntimeException e) {
            LOG.warn("{} failed for {}: {}", name, batch, e.toString());
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
