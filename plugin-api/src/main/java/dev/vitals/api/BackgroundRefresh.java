package dev.vitals.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recomputes what depends on keys that just changed (the signals of services that received deployments, the budgets
 * of SLOs that received minutes) on one background thread of the plugin's own. An ingest request asks for the
 * refresh and answers without waiting for it, and a burst of requests naming the same keys costs one computation per
 * key rather than one per request.
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
    private final ExecutorService worker;

    /**
     * @param name names the thread and the log lines, e.g. {@code deploys-signal-refresh}
     * @param work recomputes for the keys given; called on the background thread only, never concurrently
     */
    public BackgroundRefresh(String name, Consumer<List<String>> work) {
        this.name = name;
        this.work = work;
        this.worker = Executors.newSingleThreadExecutor(r -> {
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
            worker.submit(this::drain);
        }
    }

    private void drain() {
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
