package dev.vitals.plugins.graph.freshness;

import dev.vitals.api.CatalogChanges;
import dev.vitals.plugins.graph.model.CatalogCopy;
import dev.vitals.plugins.graph.model.CatalogGraph;
import dev.vitals.plugins.graph.model.DependencyGraph;
import dev.vitals.plugins.graph.model.ObservedEdge;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the current {@link GraphSnapshot} and replaces it whole. A rebuild runs on its own thread and swaps the new
 * snapshot in only when it is complete, so readers never wait for one and never see half a graph. Requests that come
 * while a rebuild runs are folded into one more rebuild after it. After a catalog change, a rebuild applies what
 * changed to what the last one read ({@link CatalogCopy}) when the catalog can say what changed, and reads the whole
 * catalog otherwise.
 */
public final class GraphHolder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GraphHolder.class);

    private final CatalogGraph catalog;
    private final Supplier<List<ObservedEdge>> observed;
    private final Clock clock;
    private final AtomicReference<GraphSnapshot> current;
    /**
     * What the last build read from the catalog, and the catalog version it holds: a catalog change is applied to it.
     * Used by the thread that builds only (the constructor's, then the builder's, one after the other).
     */
    private CatalogCopy copy;
    private long copyVersion;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private final ExecutorService builder = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "graph-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Builds the first snapshot before returning, so that the plugin answers from a whole graph from its start.
     *
     * @param catalog the catalog reader
     * @param observed reads the observed edges of the window
     * @param clock the clock
     */
    public GraphHolder(CatalogGraph catalog, Supplier<List<ObservedEdge>> observed, Clock clock) {
        this.catalog = catalog;
        this.observed = observed;
        this.clock = clock;
        this.current = new AtomicReference<>(build(null));
    }

    /**
     * The snapshot to answer from. When the catalog has changed since it was built, a rebuild is started and this
     * snapshot still answers.
     *
     * @return the current snapshot
     */
    public GraphSnapshot current() {
        GraphSnapshot snapshot = current.get();
        if (catalog.version() != snapshot.catalogVersion()) {
            requestRebuild();
        }
        return snapshot;
    }

    /** @return whether the current snapshot was built from the catalog as it is now */
    public boolean fresh() {
        return current.get().catalogVersion() == catalog.version() && !pending.get() && !running.get();
    }

    /** Starts a rebuild in the background, e.g. after observed edges arrived; returns at once. */
    public void requestRebuild() {
        pending.set(true);
        if (running.compareAndSet(false, true)) {
            builder.execute(this::drain);
        }
    }

    /** Rebuilds when the catalog changed: the scheduled check. */
    public void rebuildIfStale() {
        if (catalog.version() != current.get().catalogVersion()) {
            requestRebuild();
        }
    }

    private void drain() {
        try {
            while (pending.getAndSet(false)) {
                current.set(build(current.get()));
            }
        } catch (RuntimeException e) {
            LOG.warn("The dependency graph could not be rebuilt; the previous one still answers", e);
        } finally {
            running.set(false);
            if (pending.get() && running.compareAndSet(false, true)) {
                builder.execute(this::drain);
            }
        }
    }

    /**
     * @param previous the snapshot answering now, none at the start
     * @return the new snapshot
     */
    private GraphSnapshot build(GraphSnapshot previous) {
        // The version is read first: a change during the build leaves the snapshot stale, so it is built again.
        long version = catalog.version();
        if (previous != null && previous.catalogVersion() == version) {
            // Observed edges are not part of the declared graph: a rebuild they caused keeps the graph read at this
            // version (held by the answering snapshot anyway, so keeping it costs no memory; the next version's read
            // replaces it) instead of reading 377,810 relations again at 50,000 services, which took seconds.
            GraphSnapshot snapshot = previous.withObserved(observed.get(), clock.instant());
            LOG.info("Dependency graph of catalog version {} kept, the catalog unchanged: {} observed edges", version,
                    snapshot.observed().size());
            return snapshot;
        }
        DependencyGraph graph = null;
        if (copy != null) {
            long start = System.nanoTime();
            Optional<CatalogChanges> changes = catalog.changesSince(copyVersion);
            if (changes.isPresent()) {
                long read = System.nanoTime();
                graph = applied(changes.get());
                version = changes.get().version();
                LOG.info("Dependency graph of catalog version {} from version {}: {} entities changed, read in {} ms; "
                        + "built in {} ms", version, changes.get().since(), changes.get().changes().size(),
                        (read - start) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
            }
        }
        if (graph == null) {
            // The first build, or the catalog cannot say what changed since the copy's version: read it whole.
            copy = null;
            CatalogCopy read = catalog.read();
            long start = System.nanoTime();
            graph = read.graph();
            LOG.info("Dependency graph of catalog version {} read whole: built in {} ms", version,
                    (System.nanoTime() - start) / 1_000_000);
            copy = read;
            copyVersion = version;
        }
        GraphSnapshot snapshot = new GraphSnapshot(graph, observed.get(), version, clock.instant());
        // Off the read path: at 50,000 services the team map takes a few hundred milliseconds, which the first
        // reader of a new snapshot would otherwise wait for.
        long teamMapStart = System.nanoTime();
        snapshot.teamMap();
        LOG.info("Dependency graph of catalog version {}: team map in {} ms", version,
                (System.nanoTime() - teamMapStart) / 1_000_000);
        return snapshot;
    }

    /** Applies the changes to the kept copy; a failure half way drops it, and the next build reads everything. */
    private DependencyGraph applied(CatalogChanges changes) {
        CatalogCopy changing = copy;
        copy = null;
        changing.apply(changes);
        DependencyGraph graph = changing.graph();
        copy = changing;
        copyVersion = changes.version();
        return graph;
    }

    @Override
    public void close() {
        builder.shutdownNow();
    }
}
