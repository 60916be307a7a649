package dev.vitals.core.catalog;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The small parts of the catalog that pages show on every request — the option lists of filters (teams, systems,
 * programs…) and how many entities each kind has — as of one catalog version. {@link Catalog#outline()} hands out
 * the same outline until the version in the database moves, so these are read once per catalog change rather than
 * once per request, and an edit or import on any portal instance is seen by every instance on its next request.
 *
 * <p>Each part is loaded on first use, after the version was read: it is never older than the version it is kept
 * under (it may be newer, and then the next request finds a newer version and loads it again).
 */
public final class CatalogOutline {

    private final long version;
    private final Function<Set<String>, List<EntitySummary>> loadAll;
    private final Supplier<Map<String, Long>> loadCounts;
    private final Map<Set<String>, List<EntitySummary>> lists = new ConcurrentHashMap<>();
    private volatile Map<String, Long> counts;

    CatalogOutline(long version, Function<Set<String>, List<EntitySummary>> loadAll,
            Supplier<Map<String, Long>> loadCounts) {
        this.version = version;
        this.loadAll = loadAll;
        this.loadCounts = loadCounts;
    }

    /** The catalog version this outline was read at. */
    public long version() {
        return version;
    }

    /** Every entity of these kinds in display order, unmodifiable: the option list of a filter. */
    public List<EntitySummary> all(Set<String> kinds) {
        return lists.computeIfAbsent(Set.copyOf(kinds), k -> List.copyOf(loadAll.apply(k)));
    }

    /** How many entities each kind has, by kind as written, in kind order. */
    public Map<String, Long> countsByKind() {
        Map<String, Long> loaded = counts;
        if (loaded == null) {
            loaded = loadCounts.get();
            counts = loaded;
        }
        return loaded;
    }

    /** How many entities have one of these kinds. */
    public long count(Set<String> kinds) {
        return kinds.stream().mapToLong(k -> countsByKind().getOrDefault(k, 0L)).sum();
    }

    /** Whether nothing was imported yet. */
    public boolean isEmpty() {
        return countsByKind().isEmpty();
    }
}
