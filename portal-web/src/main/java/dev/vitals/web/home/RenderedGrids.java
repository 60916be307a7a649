package dev.vitals.web.home;

import dev.vitals.core.signals.GridVersion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The grid's body as last rendered and encoded, by everything it was rendered from: the request's query, the plugin
 * columns and the {@link GridVersion} read before the page (the catalog version and the count of the grid's changes).
 * A request that reads the same version reuses the body and skips reading the page's rows and totals, the cells and
 * rendering 50 rows and four option lists; any committed change to a row, a cell, a total, the basis or the catalog
 * moves the version, so the next request reads and renders the page anew. Most requests ask for the first page
 * unfiltered, so a few entries are enough; the least recently used goes first.
 */
final class RenderedGrids {

    private static final int KEPT = 64;

    /**
     * What a body is rendered from.
     *
     * @param query the request's query string, empty for none
     * @param columns the plugin columns
     * @param version what the page was read from, read before the page
     */
    record Key(String query, List<HealthGrid.Column> columns, GridVersion version) {
    }

    private final Map<Key, byte[]> bodies = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, byte[]> eldest) {
            return size() > KEPT;
        }
    };

    synchronized Optional<byte[]> body(Key key) {
        return Optional.ofNullable(bodies.get(key));
    }

    synchronized void keep(Key key, byte[] body) {
        bodies.put(key, body);
    }
}
