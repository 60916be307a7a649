package dev.vitals.plugins.priorities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vitals.plugins.priorities.backlog.Item;
import dev.vitals.plugins.priorities.plan.Capacity;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The plan's sums per owner and quarter are kept by the database as items are written, whichever way: they must
 * always equal the aggregate over the items that the plan computed per request before.
 */
class PlanSumsTest {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .catalog(PrioritiesCatalog.of())
            .build();

    /** What the plan summed per request before the sums were kept: every counted item, per quarter and owner. */
    private static final String FRESH = """
            SELECT i.quarter || ' ' || i.owner AS key, count(*) AS items,
                   coalesce(sum(i.estimate_weeks) FILTER (WHERE i.horizon = 'immediate'), 0) AS immediate,
                   coalesce(sum(i.estimate_weeks) FILTER (WHERE i.horizon <> 'immediate'), 0) AS future,
                   coalesce(sum(i.estimate_weeks) FILTER (WHERE i.investment = 'foundation'), 0) AS foundation,
                   coalesce(sum(i.estimate_weeks) FILTER (WHERE i.investment <> 'foundation'), 0) AS innovation
              FROM items i
             WHERE i.quarter IS NOT NULL AND i.status <> 'dropped' AND i.estimate_weeks IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM items c WHERE c.parent_id = i.id AND c.status <> 'dropped'
                                AND c.estimate_weeks IS NOT NULL)
             GROUP BY i.quarter, i.owner""";

    private static final String KEPT = """
            SELECT quarter || ' ' || owner AS key, items, immediate, future, foundation, innovation
              FROM plan_sums WHERE items > 0""";

    /** Not the owners of the hand-computed case, whose totals the random writes must leave alone. */
    private static final List<String> OWNERS = List.of("group:default/green", "group:default/elsewhere",
            "program:default/availability");
    private static final List<String> LEVELS = List.of("theme", "epic", "feature", "story");
    private static final List<String> STATUSES = List.of("proposed", "ready", "in-progress", "done", "dropped");

    private static Map<String, String> sums(Handle h, String sql) {
        Map<String, String> sums = new TreeMap<>();
        h.createQuery(sql).map((rs, ctx) -> Map.entry(rs.getString("key"), rs.getInt("items") + " items: "
                        + plain(rs.getBigDecimal("immediate")) + " immediate, " + plain(rs.getBigDecimal("future"))
                        + " future, " + plain(rs.getBigDecimal("foundation")) + " foundation, "
                        + plain(rs.getBigDecimal("innovation")) + " innovation"))
                .forEach(e -> sums.put(e.getKey(), e.getValue()));
        return sums;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static void assertKeptEqualsFresh(Jdbi jdbi, String after) {
        jdbi.useHandle(h -> assertEquals(sums(h, FRESH), sums(h, KEPT), "after " + after));
    }

    private static Item create(VitalsPortal portal, String body) {
        return portal.admin().post("/api/priorities/items", body).expect(201).as(Item.class);
    }

    private static void patch(VitalsPortal portal, long id, String body) {
        portal.admin().send("PATCH", "/api/priorities/items/" + id, "application/json", body, Map.of()).expect(200);
    }

    private static String capacity(VitalsPortal portal, String team, String quarter) {
        Capacity c = portal.viewer().get("/api/priorities/capacity?team=" + team + "&quarter=" + quarter)
                .expect(200).as(Capacity.class);
        return plain(c.estimateWeeks()) + " weeks: " + plain(c.immediate()) + " immediate, " + plain(c.future())
                + " future, " + plain(c.foundation()) + " foundation, " + plain(c.innovation()) + " innovation";
    }

    @Test
    void thePlanFollowsEveryKindOfItemWriteToHandComputedTotals(VitalsPortal portal) {
        Item theme = create(portal, """
                {"title": "Sums", "level": "theme", "owner": "red", "horizon": "immediate", "investment": "foundation"}""");
        Item epic = create(portal, """
                {"title": "E", "level": "epic", "parent": %d, "owner": "red", "horizon": "immediate",
                 "investment": "foundation"}""".formatted(theme.id()));
        Item f1 = create(portal, """
                {"title": "F1", "level": "feature", "parent": %d, "owner": "red", "horizon": "immediate",
                 "investment": "foundation", "estimateWeeks": 10, "quarter": "2027-Q1"}""".formatted(epic.id()));
        Item f2 = create(portal, """
                {"title": "F2", "level": "feature", "parent": %d, "owner": "red", "horizon": "future",
                 "investment": "innovation", "estimateWeeks": 6, "quarter": "2027-Q1"}""".formatted(epic.id()));
        // F1 10 (immediate, foundation) + F2 6 (future, innovation) = 16.
        assertEquals("16 weeks: 0.625 immediate, 0.375 future, 0.625 foundation, 0.375 innovation",
                capacity(portal, "red", "2027-Q1"));

        Item s1 = create(portal, """
                {"title": "S1", "level": "story", "parent": %d, "owner": "red", "horizon": "immediate",
                 "investment": "innovation", "estimateWeeks": 4, "quarter": "2027-Q1"}""".formatted(f1.id()));
        // S1's 4 (immediate, innovation) stand in for F1's 10: 4 + 6 = 10.
        assertEquals("10 weeks: 0.4 immediate, 0.6 future, 0 foundation, 1 innovation",
                capacity(portal, "red", "2027-Q1"));

        patch(portal, s1.id(), "{\"status\": \"dropped\", \"reason\": \"not needed\"}");
        // Dropped, S1 no longer stands in: F1 counts again, 10 + 6 = 16.
        assertEquals("16 weeks: 0.625 immediate, 0.375 future, 0.625 foundation, 0.375 innovation",
                capacity(portal, "red", "2027-Q1"));

        patch(portal, f2.id(), "{\"owner\": \"blue\"}");
        // F2 moves to blue: red keeps F1's 10, blue has F2's 6.
        assertEquals("10 weeks: 1 immediate, 0 future, 1 foundation, 0 innovation", capacity(portal, "red", "2027-Q1"));
        assertEquals("6 weeks: 0 immediate, 1 future, 0 foundation, 1 innovation", capacity(portal, "blue", "2027-Q1"));

        patch(portal, f1.id(), "{\"quarter\": \"2027-Q2\"}");
        // F1 moves a quarter on: red has nothing left in Q1, its 10 weeks in Q2.
        assertEquals("0 weeks: 0 immediate, 0 future, 0 foundation, 0 innovation", capacity(portal, "red", "2027-Q1"));
        assertEquals("10 weeks: 1 immediate, 0 future, 1 foundation, 0 innovation", capacity(portal, "red", "2027-Q2"));

        Item s2 = create(portal, """
                {"title": "S2", "level": "story", "parent": %d, "owner": "red", "horizon": "future",
                 "investment": "foundation", "estimateWeeks": 3, "quarter": "2027-Q2"}""".formatted(f1.id()));
        // S2's 3 (future, foundation) stand in for F1's 10.
        assertEquals("3 weeks: 0 immediate, 1 future, 1 foundation, 0 innovation", capacity(portal, "red", "2027-Q2"));

        patch(portal, s2.id(), "{\"parent\": %d}".formatted(f2.id()));
        // Re-parented under blue's F2: F1 counts again in red's Q2 beside S2 (still red's), 10 + 3 = 13; F2 now
        // stands behind S2, so blue has nothing in Q1.
        assertEquals("13 weeks: 0.7692 immediate, 0.2308 future, 1 foundation, 0 innovation",
                capacity(portal, "red", "2027-Q2"));
        assertEquals("0 weeks: 0 immediate, 0 future, 0 foundation, 0 innovation", capacity(portal, "blue", "2027-Q1"));

        assertEquals(1, (int) portal.pluginJdbi().withHandle(h -> h.createUpdate("DELETE FROM items WHERE id = :id")
                .bind("id", s2.id()).execute()));
        // Deleted, S2 takes its 3 weeks with it and F2 counts for blue again.
        assertEquals("10 weeks: 1 immediate, 0 future, 1 foundation, 0 innovation", capacity(portal, "red", "2027-Q2"));
        assertEquals("6 weeks: 0 immediate, 1 future, 0 foundation, 1 innovation", capacity(portal, "blue", "2027-Q1"));
        assertKeptEqualsFresh(portal.pluginJdbi(), "the writes above");
    }

    @Test
    void theKeptSumsEqualAFreshAggregateAfterARandomSequenceOfItemWrites(VitalsPortal portal) {
        Jdbi jdbi = portal.pluginJdbi();
        Random random = new Random(20271);
        List<List<Long>> byLevel = new ArrayList<>();
        int[] keys = {0};
        for (int level = 0; level < LEVELS.size(); level++) {
            List<Long> ids = new ArrayList<>();
            for (int n = 0; n < 4 + 6 * level; n++) {
                Long parent = level == 0 ? null : pick(random, byLevel.get(level - 1));
                ids.add(jdbi.withHandle(h -> insert(h, random, LEVELS.get(byLevel.size()), parent, keys)));
            }
            byLevel.add(ids);
        }
        assertKeptEqualsFresh(jdbi, "the first items");

        for (int write = 0; write < 400; write++) {
            int level = random.nextInt(LEVELS.size());
            long id = pick(random, byLevel.get(level));
            int kind = random.nextInt(9);
            String what = switch (kind) {
                case 0 -> "status of " + id + " to " + update(jdbi, "status = :v", id,
                        STATUSES.get(random.nextInt(STATUSES.size())));
                case 1 -> "estimate of " + id + " to " + update(jdbi, "estimate_weeks = :v::numeric", id,
                        random.nextInt(4) == 0 ? null : (1 + random.nextInt(40)) / 4.0 + "");
                case 2 -> "quarter of " + id + " to " + update(jdbi, "quarter = :v", id, quarter(random));
                case 3 -> "owner of " + id + " to " + update(jdbi, "owner = :v, rank_key = 'm' || id", id,
                        OWNERS.get(random.nextInt(OWNERS.size())));
                case 4 -> "labels of " + id + " to " + update(jdbi, "horizon = split_part(:v, ' ', 1), "
                        + "investment = split_part(:v, ' ', 2)", id, (random.nextBoolean() ? "immediate" : "future")
                        + " " + (random.nextBoolean() ? "foundation" : "innovation"));
                case 5 -> level == 0 ? "nothing" : "parent of " + id + " to " + update(jdbi, "parent_id = :v::bigint",
                        id, String.valueOf(pick(random, byLevel.get(level - 1))));
                case 6 -> {
                    Long parent = level == 0 ? null : pick(random, byLevel.get(level - 1));
                    long added = jdbi.withHandle(h -> insert(h, random, LEVELS.get(level), parent, keys));
                    byLevel.get(level).add(added);
                    yield "a new " + LEVELS.get(level) + " " + added + " under " + parent;
                }
                case 7 -> {
                    boolean deleted = jdbi.withHandle(h -> h.createUpdate("""
                            DELETE FROM items i WHERE i.id = :id AND NOT EXISTS (SELECT 1 FROM items c
                                                                                 WHERE c.parent_id = i.id)""")
                            .bind("id", id).execute()) == 1;
                    if (deleted) {
                        byLevel.get(level).remove(Long.valueOf(id));
                    }
                    yield deleted ? "deleting " + id : "nothing";
                }
                default -> "every " + LEVELS.get(level) + " of an owner to one status, in one statement: "
                        + jdbi.withHandle(h -> h.createUpdate("UPDATE items SET status = :status WHERE level = :level "
                                + "AND owner = :owner").bind("status", STATUSES.get(random.nextInt(STATUSES.size())))
                                .bind("level", LEVELS.get(level)).bind("owner", OWNERS.get(random.nextInt(3)))
                                .execute()) + " rows";
            };
            if (byLevel.get(level).isEmpty()) {
                byLevel.get(level).add(jdbi.withHandle(h -> insert(h, random, LEVELS.get(level),
                        level == 0 ? null : pick(random, byLevel.get(level - 1)), keys)));
            }
            assertKeptEqualsFresh(jdbi, "write " + write + ": " + what);
        }

        // A write that rolls back takes its sums with it.
        jdbi.useHandle(h -> {
            Map<String, String> before = sums(h, KEPT);
            assertThrows(IllegalStateException.class, () -> jdbi.useTransaction(t -> {
                t.execute("UPDATE items SET estimate_weeks = 7, quarter = '2027-Q1', status = 'ready'");
                throw new IllegalStateException("changed our mind");
            }));
            assertEquals(before, sums(h, KEPT));
        });
    }

    private static long pick(Random random, List<Long> ids) {
        return ids.get(random.nextInt(ids.size()));
    }

    private static String quarter(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> "2027-Q1";
            case 2 -> "2027-Q2";
            default -> "2027-Q3";
        };
    }

    private static String update(Jdbi jdbi, String set, long id, String value) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE items SET " + set + " WHERE id = :id").bind("id", id)
                .bind("v", value).execute());
        return value;
    }

    private static long insert(Handle h, Random random, String level, Long parent, int[] keys) {
        keys[0]++;
        String estimate = random.nextInt(3) == 0 ? null : String.valueOf((1 + random.nextInt(40)) / 4.0);
        return h.createUpdate("""
                        INSERT INTO items (title, level, parent_id, owner, horizon, investment, status, estimate_weeks,
                            quarter, rank_key, created_by, created_at, updated_at)
                        VALUES (:title, :level, :parent, :owner, :horizon, :investment, :status, :weeks::numeric,
                            :quarter, :rank, 'test', now(), now())""")
                .bind("title", "random " + keys[0]).bind("level", level).bind("parent", parent)
                .bind("owner", OWNERS.get(random.nextInt(OWNERS.size())))
                .bind("horizon", random.nextBoolean() ? "immediate" : "future")
                .bind("investment", random.nextBoolean() ? "foundation" : "innovation")
                .bind("status", STATUSES.get(random.nextInt(STATUSES.size()))).bind("weeks", estimate)
                .bind("quarter", quarter(random)).bind("rank", "r" + keys[0])
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }
}
