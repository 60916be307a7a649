package dev.vitals.plugins.priorities.backlog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The organisation's view: its top themes in their org-wide rank, how each owner's work links up to them, and the
 * work that links to none.
 */
public final class TopPriorities {

    private final Jdbi jdbi;

    public TopPriorities(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * @param owner a team or program
     * @param items how many of its items (not dropped) sit under the theme
     */
    public record OwnerLink(String owner, long items) {
    }

    /**
     * @param theme a top theme
     * @param owners the owners whose work sits under it, most items first
     */
    public record Linked(Item theme, List<OwnerLink> owners) {
    }

    /**
     * @param top the top themes, in the organisation's rank
     * @param unlinked a page of the items, not dropped, that sit under none of them
     * @param unlinkedTotal how many such items there are
     */
    public record View(List<Linked> top, List<Item> unlinked, long unlinkedTotal) {
    }

    public View view(int topThemes, int page, int size) {
        ItemStore store = new ItemStore(jdbi);
        List<Item> themes = store.topThemes(topThemes);
        Long[] roots = themes.stream().map(Item::id).toArray(Long[]::new);
        return jdbi.withHandle(h -> {
            Map<Long, List<OwnerLink>> links = new LinkedHashMap<>();
            themes.forEach(t -> links.put(t.id(), new ArrayList<>()));
            h.createQuery("""
                            WITH RECURSIVE tree AS (
                                SELECT id, id AS root FROM items WHERE id = ANY(:roots)
                                UNION ALL
                                SELECT i.id, t.root FROM items i JOIN tree t ON i.parent_id = t.id)
                            SELECT t.root, i.owner, count(*) AS items FROM tree t JOIN items i ON i.id = t.id
                             WHERE i.id <> t.root AND i.status <> 'dropped'
                             GROUP BY t.root, i.owner ORDER BY t.root, count(*) DESC, i.owner""")
                    .bind("roots", roots)
                    .map((rs, ctx) -> Map.entry(rs.getLong("root"), new OwnerLink(rs.getString("owner"),
                            rs.getLong("items"))))
                    .forEach(e -> links.get(e.getKey()).add(e.getValue()));
            String unlinked = """
                    WITH RECURSIVE tree AS (
                        SELECT id FROM items WHERE id = ANY(:roots)
                        UNION ALL
                        SELECT i.id FROM items i JOIN tree t ON i.parent_id = t.id)
                    %s WHERE i.status <> 'dropped' AND NOT EXISTS (SELECT 1 FROM tree t WHERE t.id = i.id)""";
            long total = h.createQuery(unlinked.formatted("SELECT count(*) FROM items i")).bind("roots", roots)
                    .mapTo(Long.class).one();
            List<Item> items = h.createQuery(unlinked.formatted(ItemStore.SELECT)
                            + " ORDER BY array_position(ARRAY['theme','epic','feature','story','task'], i.level),"
                            + " i.owner, i.rank_key LIMIT :limit OFFSET :offset")
                    .bind("roots", roots).bind("limit", size).bind("offset", (long) (page - 1) * size)
                    .map((rs, ctx) -> ItemRows.item(rs)).list();
            return new View(themes.stream().map(t -> new Linked(t, links.get(t.id()))).toList(), items, total);
        });
    }
}
