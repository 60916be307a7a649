package dev.vitals.plugins.deploys.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Deployments sent one per request, accepted together: requests that arrive while a writer is busy wait in a queue,
 * and the next free writer puts all of them into the inbox in one statement, then answers each. Every answer still
 * comes after the commit that holds its event, so an acknowledged event survives a crash; what is shared is the
 * statement and its flush.
 *
 * <p>An event with a conflicting id is answered 409 alone and its neighbours as if they had come one by one. A group
 * that fails in the database is written again one event at a time, so that an error reaches only its sender. Two
 * writers work side by side, each on its own connection, so one group's flush does not hold up the next; a writer
 * that would go with a single event while the other is busy waits a moment for a second.
 */
final class GroupCommit implements AutoCloseable {

    /** Writers side by side: each waits for its commit's flush while the next takes what arrived meanwhile. */
    static final int WRITERS = 2;
    /**
     * How long a writer with one event waits for a second while the other writer is busy: about one flush of this
     * disk. Going at once, groups were mostly of one event (each paying its statement and flush alone); one writer
     * alone made groups of two but left every event waiting for the flush before it.
     */
    static final long PARTNER_WAIT_MICROS = 500;
    /** The most events one transaction takes: a long queue is cut into groups of this size. */
    static final int MOST = 64;

    private final DeploymentInbox inbox;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    /** Writers between taking a group and answering it. */
    private final AtomicInteger writing = new AtomicInteger();
    private volatile boolean closed;

    private record Pending(DeploymentEvent event, String source, CompletableFuture<Boolean> answer) {
    }

    GroupCommit(DeploymentInbox inbox) {
        this.inbox = inbox;
        for (int i = 0; i < WRITERS; i++) {
            Thread writer = new Thread(this::run, "deploys-group-commit-" + i);
            writer.setDaemon(true);
            writers.add(writer);
            writer.start();
        }
    }

    /**
     * Accepts one deployment into the inbox, answering once the transaction that holds it has committed.
     *
     * @param event the deployment
     * @param source where it came from
     * @return true when it was queued now, false when it was stored or waiting already with the same content
     */
    boolean accept(DeploymentEvent event, String source) {
        if (closed) {
            return alone(event, source);
        }
        Pending pending = new Pending(event, source, new CompletableFuture<>());
        queue.add(pending);
        if (closed && queue.remove(pending)) {
            // The writers may have left already; no one else will take it.
            return alone(event, source);
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
                if (group.size() == 1 && writing.get() > 0) {
                    // Another writer's flush is under way: a second event arriving meanwhile shares this one's,
                    // where going at once would cost a statement and a flush for one event.
                    Pending second = queue.poll(PARTNER_WAIT_MICROS, TimeUnit.MICROSECONDS);
                    if (second != null) {
                        group.add(second);
                        queue.drainTo(group, MOST - 2);
                    }
                }
                writing.incrementAndGet();
                try {
                    write(group);
                } finally {
                    writing.decrementAndGet();
                }
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
        Map<String, DeploymentInbox.Accepted> accepted;
        try {
            accepted = inbox.accept(group.stream().map(Pending::event).toList(), group.get(0).source());
        } catch (RuntimeException | Error e) {
            // Someone's event failed the group (a value the database refuses): each alone, so the error reaches only
            // its sender.
            group.forEach(this::aloneWith);
            return;
        }
        for (Pending p : group) {
            answer(p, accepted.get(p.event().id()));
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
            p.answer().complete(alone(p.event(), p.source()));
        } catch (RuntimeException | Error e) {
            p.answer().completeExceptionally(e);
        }
    }

    private boolean alone(DeploymentEvent event, String source) {
        return queued(event.id(), inbox.accept(List.of(event), source).get(event.id()));
    }

    private static void answer(Pending p, DeploymentInbox.Accepted accepted) {
        try {
            p.answer().complete(queued(p.event().id(), accepted));
        } catch (RuntimeException e) {
            p.answer().completeExceptionally(e);
        }
    }

    /** @return true when queued now, false for a replay @throws dev.vitals.api.ProblemException 409 for a conflict */
    private static boolean queued(String id, DeploymentInbox.Accepted accepted) {
        return switch (accepted) {
            case QUEUED -> true;
            case UNCHANGED -> false;
            case CONFLICT -> throw DeploymentStore.conflict(id);
        };
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
