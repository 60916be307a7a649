package dev.vitals.web.home;

import dev.vitals.core.signals.OrgHealthQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The grid's body as last rendered and encoded, by everything it was rendered from: the request's query, the catalog version
 * the option lists come from, the plugin columns and the page as the database returned it (each row's cells as their
 * jsonb text, unread). A request whose page comes back equal to one rendered before reuses that body and skips
 * reading the cells and rendering 50 rows and four option lists; so nothing is ever shown that the database no longer
 * says, and a change to a service on the page, its cells, the totals or the catalog is a new key. Most requests ask
 * for the first page unfiltered, so a few entries are enough; the least recently used goes first.
 */
final class RenderedGrids {

    private static final int KEPT = 64;

    /**
     * What a body is rendered from.
     *
     * @param query the request's query string, empty for none
     * @param catalogVersion the catalog version of the option lists and filter messages
     * @param columns the plugin columns
     * @param page the page, its totals and its rows as the database returned them
     */
    record Key(String query, long catalogVersion, List<HealthGrid.Column> columns, OrgHealthQuery.Result page) {
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
