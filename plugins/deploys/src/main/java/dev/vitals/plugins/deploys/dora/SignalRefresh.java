package dev.vitals.plugins.deploys.dora;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-publishes the signals of services whose deployments or incidents just changed, on one background thread.
 * Ingest answers without waiting, and a burst of batches touching the same services costs one computation per
 * service instead of one per batch.
 */
public final class SignalRefresh implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SignalRefresh.class);
    private final DoraSignals signals;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "deploys-signal-refresh");
        t.setDaemon(true);
        return t;
    });

    public SignalRefresh(DoraSignals signals) {
        this.signals = signals;
    }

    /** @param services services whose numbers may have changed */
    public void request(Collection<String> services) {
        if (services.isEmpty()) {
            return;
        }
        pending.addAll(services);
        if (scheduled.compareAndSet(false, true)) {
            worker.submit(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        List<String> batch = new ArrayList<>(pending);
        pending.removeAll(batch);
        try {
            signals.publish(batch);
        } catch (RuntimeException e) {
            // The hourly job publishes every service again; until then the old verdicts stand.
            LOG.warn("Could not publish DORA signals for {}: {}", batch, e.toString());
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
