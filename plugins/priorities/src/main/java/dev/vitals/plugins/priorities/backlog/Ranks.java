package dev.vitals.plugins.priorities.backlog;

import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Moves an item within a stack rank: the item's own key changes to one between its new neighbours, under the list's
 * lock, and the move is logged with its reason in the same transaction.
 */
public final class Ranks {

    private final Jdbi jdbi;

    public Ranks(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Where the item is: its list and key. */
    private record Place(long id, String level, String owner, String key) {
    }

    /** The list a move works in: the item's own stack rank or the organisation's themes. */
    private record RankList(String column, String where) {

        static RankList of(Place place, boolean org) {
            return org ? new RankList("org_rank_key", "org_rank_key IS NOT NULL")
                    : new RankList("rank_key", "level = :level AND owner = :owner");
        }
    }

    /** Checks the body's shape, naming the fields at fault. */
    public static void check(RankMove move) {
        List<FieldError> errors = new ArrayList<>();
        int given = (move.before() == null ? 0 : 1) + (move.after() == null ? 0 : 1)
                + (move.position() == null ? 0 : 1);
        if (given != 1) {
            // Each of the three is named, so that whichever the caller meant to give is pointed out.
            for (String field : List.of("before", "after", "position")) {
                errors.add(new FieldError(field, "give exactly one of before, after or position, got " + given));
            }
        }
        if (move.position() != null && move.position() < 1) {
            errors.add(new FieldError("position", "must be 1 (the top) or more, got " + move.position()));
        }
        if (move.list() != null && !move.list().equals("owner") && !move.list().equals("org")) {
            errors.add(new FieldError("list", "must be owner or org, got '" + move.list() + "'"));
        }
        if (move.reason() == null || move.reason().isBlank()) {
            errors.add(new FieldError("reason", "is required: why the rank changes, for the decision log"));
        } else if (move.reason().length() > 2000) {
            errors.add(new FieldError("reason", "must be at most 2000 characters, got " + move.reason().length()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the rank did not change", errors);
        }
    }

    /**
     * @return the item's places before and after, from 1
     */
    public Moved move(long id, RankMove move, String by, Instant at) {
        boolean org = "org".equals(move.list());
        return jdbi.inTransaction(h -> {
            Place unlocked = place(h, id, org);
            if (org) {
                h.createQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended('priorities:org', 0))")
                        .mapTo(Integer.class).one();
            } else {
                h.createQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(:list, 0))")
                        .bind("list", "priorities:" + unlocked.level() + ":" + unlocked.owner()).mapTo(Integer.class)
                        .one();
            }
            // Read again under the lock: another move may have changed the key since.
            Place place = place(h, id, org);
            RankList list = RankList.of(place, org);
            int from = position(h, list, place, place.key());
            String above;
            String below;
            if (move.position() != null) {
                List<String> around = neighbours(h, list, place, move.position());
                above = around.get(0);
                below = around.get(1);
            } else {
                long target = move.before() != null ? move.before() : move.after();
                String field = move.before() != null ? "before" : "after";
                if (target == id) {
                    throw ProblemException.unprocessable("the rank did not change",
                            List.of(new FieldError(field, "an item cannot move next to itself")));
                }
                String targetKey = keyIn(h, list, place, target).orElseThrow(() -> ProblemException.unprocessable(
                        "the rank did not change", List.of(new FieldError(field, "item " + target
                                + " is not in the same list: " + (org ? "the organisation's themes"
                                : "the " + place.level() + "s of " + place.owner())))));
                if (move.before() != null) {
                    above = adjacent(h, list, place, targetKey, false);
                    below = targetKey;
                } else {
                    above = targetKey;
                    below = adjacent(h, list, place, targetKey, true);
                }
            }
            if ((above == null || above.compareTo(place.key()) < 0) && (below == null
                    || below.compareTo(place.key()) > 0)) {
                return new Moved(from, from);
            }
            String key = RankKeys.between(above, below);
            // The new place is counted in the statement that moves the item: under the lock no other key moves, so
            // the items before the new key, the moving one left out, are the items above it.
            int to = h.createQuery("WITH moved AS (UPDATE items SET " + list.column()
                            + " = :key, updated_at = :at WHERE id = :id RETURNING id) "
                            + "SELECT count(*) + 1 FROM items WHERE " + list.where() + " AND id <> :id AND "
                            + list.column() + " < :key")
                    .bind("key", key).bind("at", at).bind("id", id).bind("level", place.level())
                    .bind("owner", place.owner()).mapTo(Integer.class).one();
            Decisions.log(h, id, org ? "org-rank" : "rank", String.valueOf(from), String.valueOf(to),
                    move.reason().trim(), by, at);
            return new Moved(from, to);
        });
    }

    /**
     * @param from the place before, from 1
     * @param to the place after
     */
    public record Moved(int from, int to) {
    }

    private static Place place(Handle h, long id, boolean org) {
        Optional<Place> place = h.createQuery("SELECT id, level, owner, rank_key, org_rank_key FROM items "
                        + "WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> new Place(rs.getLong("id"), rs.getString("level"),
                        rs.getString("owner"), rs.getString(org ? "org_rank_key" : "rank_key")))
                .findOne();
        if (place.isEmpty()) {
            throw ProblemException.notFound("no item has id " + id);
        }
        if (place.get().key() == null) {
            throw ProblemException.unprocessable("the rank did not change", List.of(new FieldError("list",
                    "only themes are in the organisation's top priorities; item " + id + " is a "
                            + place.get().level())));
        }
        return place.get();
    }

    private static int position(Handle h, RankList list, Place place, String key) {
        return h.createQuery("SELECT count(*) FROM items WHERE " + list.where() + " AND " + list.column()
                        + " <= :key")
                .bind("level", place.level()).bind("owner", place.owner()).bind("key", key)
                .mapTo(Integer.class).one();
    }

    private static Optional<String> keyIn(Handle h, RankList list, Place place, long target) {
        return h.createQuery("SELECT " + list.column() + " FROM items WHERE id = :id AND " + list.where())
                .bind("id", target).bind("level", place.level()).bind("owner", place.owner())
                .mapTo(String.class).findOne();
    }

    /** The key next to {@code key} in the list, below it or above it, the moving item left out. */
    private static String adjacent(Handle h, RankList list, Place place, String key, boolean below) {
        String column = list.column();
        return h.createQuery("SELECT " + column + " FROM items WHERE " + list.where() + " AND id <> :id AND "
                        + column + (below ? " > :key ORDER BY " + column : " < :key ORDER BY " + column + " DESC")
                        + " LIMIT 1")
                .bind("level", place.level()).bind("owner", place.owner()).bind("id", place.id()).bind("key", key)
                .mapTo(String.class).findOne().orElse(null);
    }

    /** The keys that will be above and below the item at {@code position}, the moving item left out. */
    private static List<String> neighbours(Handle h, RankList list, Place place, int position) {
        String column = list.column();
        int offset = Math.max(0, position - 2);
        List<String> keys = h.createQuery("SELECT " + column + " FROM items WHERE " + list.where()
                        + " AND id <> :id ORDER BY " + column + " OFFSET :offset LIMIT 2")
                .bind("level", place.level()).bind("owner", place.owner()).bind("id", place.id())
                .bind("offset", offset).mapTo(String.class).list();
        List<String> around = new ArrayList<>();
        if (position == 1) {
            around.add(null);
            around.add(keys.isEmpty() ? null : keys.get(0));
        } else {
            around.add(keys.isEmpty() ? lastKey(h, list, place) : keys.get(0));
            around.add(keys.size() < 2 ? null : keys.get(1));
        }
        return around;
    }

    private static String lastKey(Handle h, RankList list, Place place) {
        return h.createQuery("SELECT max(" + list.column() + ") FROM items WHERE " + list.where() + " AND id <> :id")
                .bind("level", place.level()).bind("owner", place.owner()).bind("id", place.id())
                .mapTo(String.class).one();
    }
}
