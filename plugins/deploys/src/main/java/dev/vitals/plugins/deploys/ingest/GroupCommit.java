package dev.vitals.plugins.deploys.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Deployments sent one per request, written together: requests that arrive while a writer is busy wait in a queue,
 * and the next free writer stores all of them in one transaction, then answers each. Every answer still comes after
 * the commit that holds its event, so an acknowledged event survives a crash; what is shared is the transaction's
 * statements and its flush, most of what an event sent alone costs.
 *
 * <p>A group fails as a whole only in the database; then each of its events is written again on its own, so an event
 * with a conflicting id fails alone and its neighbours are answered as if they had come one by one. Several writers
 * work side by side, each on its own connection, so one slow group does not hold up the next.
 */
final class GroupCommit implements AutoCloseable {

    /** Writers side by side: each waits for its commit's flush while the next takes what arrived meanwhile. */
    static final int WRITERS = 2;
    /** The most events one transaction takes: a long queue is cut into groups of this size. */
    static final int MOST = 64;

    private final DeploymentStore store;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean closed;

    private record Pending(DeploymentEvent event, String source, CompletableFuture<IngestResult> answer) {
    }

    GroupCommit(DeploymentStore store) {
        this.store = store;
        for (int i = 0; i < WRITERS; i++) {
            Thread writer = new Thread(this::run, "deploys-group-commit-" + i);
            writer.setDaemon(true);
            writers.add(writer);
            writer.start();
        }
    }

    /**
     * Stores one deployment, answering once the transaction that holds it has committed.
     *
     * @param event the deployment
     * @param source where it came from
     * @return what changed
     */
    IngestResult ingest(DeploymentEvent event, String source) {
        if (closed) {
            return store.ingest(List.of(event), source);
        }
        Pending pending = new Pending(event, source, new CompletableFuture<>());
        queue.add(pending);
        if (closed && queue.remove(pending)) {
            // The writers may have left already; no one else will take it.
            return store.ingest(List.of(event), source);
        }
        try {
            return pending.answer().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** @return how many events wait for a writer */
    int queued() {
        return queue.size();
    }

    private void run() {
        List<Pending> group = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MOST - 1);
                write(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                group.clear();
            }
        }
    }

    private void write(List<Pending> group) {
        if (group.size() == 1 || !together(group)) {
            group.forEach(this::aloneWith);
            return;
        }
        DeploymentStore.Written written;
        try {
            written = store.write(group.stream().map(Pending::event).toList(), group.get(0).source());
        } catch (RuntimeException | Error e) {
            // Someone's event failed the group (a conflicting id, a value the database refuses): each alone, so the
            // error reaches only its sender.
            group.forEach(this::aloneWith);
            return;
        }
        for (Pending p : group) {
            List<DeploymentEvent> one = List.of(p.event());
            p.answer().complete(new IngestResult(1, written.added().contains(p.event().id()) ? 1 : 0,
                    written.changedThrough(one)));
        }
    }

    /** Distinct ids from one source; two senders of one id are answered one after the other, as they would be. */
    private static boolean together(List<Pending> group) {
        Set<String> ids = new HashSet<>();
        String source = group.get(0).source();
        for (Pending p : group) {
            if (!ids.add(p.event().id()) || !p.source().equals(source)) {
                return false;
            }
        }
        return true;
    }

    private void aloneWith(Pending p) {
        try {
            p.answer().complete(store.ingest(List.of(p.event()), p.source()));
        } catch (RuntimeException | Error e) {
            p.answer().completeExceptionally(e);
        }
    }

    /** Stops taking new groups once the queue is empty; later calls write alone. */
    @Override
    public void close() {
        closed = true;
        for (Thread writer : writers) {
            try {
                writer.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
