package dev.vitals.web.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * The priorities writes a kill must not lose once acknowledged: two estimated themes of team streaming, the second
 * moved to the top with a reason, the first started with a reason; each move and status change with its decision-log
 * entry, and the plan's sums they make.
 */
final class PrioritiesWrites {

    private static final Pattern ID = Pattern.compile("^\\{\"id\":(\\d+),");
    static final String RANK_REASON = "Streaming outages first, after the incident review";
    static final String STATUS_REASON = "Started the week after the incident review";

    /** One HTTP call to the portal: {@code body} null for a GET. */
    @FunctionalInterface
    interface Client {
        HttpResponse<String> send(String method, String path, String body) throws Exception;
    }

    /** The ids of the two themes, in the order they were created. */
    record Acknowledged(long first, long second) {

        /** Checks the database and the decision log's API both show every write. */
        void assertPresent(Jdbi db, Client portal) throws Exception {
            assertEquals(List.of(second, first), db.withHandle(h -> h.createQuery("""
                    SELECT id FROM priorities.items WHERE owner = 'group:default/streaming' AND level = 'theme'
                     ORDER BY rank_key""").mapTo(Long.class).list()), "the themes in their acknowledged order");
            assertEquals("in-progress", db.withHandle(h -> h.createQuery(
                    "SELECT status FROM priorities.items WHERE id = :id").bind("id", first).mapTo(String.class)
                    .one()), "the acknowledged status");
            assertEquals(List.of("rank " + second + " 2->1: " + RANK_REASON,
                    "status " + first + " proposed->in-progress: " + STATUS_REASON), db.withHandle(h -> h.createQuery("""
                    SELECT kind || ' ' || item_id || ' ' || from_value || '->' || to_value || ': ' || reason
                      FROM priorities.decisions ORDER BY id""").mapTo(String.class).list()),
                    "the decision log holds each acknowledged change once, with its reason");
            // Both themes are estimated at 3 weeks for 2027-Q1, immediate and foundation, and have no children: the
            // plan's kept sums, written by the same statements as the items, hold both and nothing else.
            assertEquals("2/6.00/0.00/6.00/0.00", db.withHandle(h -> h.createQuery("""
                    SELECT string_agg(items || '/' || immediate::numeric(8, 2) || '/' || future::numeric(8, 2) || '/'
                               || foundation::numeric(8, 2) || '/' || innovation::numeric(8, 2), ', ')
                      FROM priorities.plan_sums WHERE items > 0""").mapTo(String.class).one()),
                    "the plan's sums: items, immediate, future, foundation and innovation weeks of 2027-Q1");
            HttpResponse<String> log = portal.send("GET", "/api/priorities/decisions?owner=streaming", null);
            assertEquals(200, log.statusCode(), log.body());
            assertTrue(log.body().contains(RANK_REASON) && log.body().contains(STATUS_REASON), log.body());
        }
    }

    private PrioritiesWrites() {
    }

    /** Makes the writes, each acknowledged before the next. */
    static Acknowledged make(Client portal) throws Exception {
        long first = created(portal.send("POST", "/api/priorities/items", theme("Survive a lost database node")));
        long second = created(portal.send("POST", "/api/priorities/items", theme("Replay deploy events after a crash")));
        HttpResponse<String> moved = portal.send("POST", "/api/priorities/items/" + second + "/rank", """
                {"position": 1, "reason": "%s"}""".formatted(RANK_REASON));
        assertEquals(200, moved.statusCode(), moved.body());
        HttpResponse<String> started = portal.send("PATCH", "/api/priorities/items/" + first, """
                {"status": "in-progress", "reason": "%s"}""".formatted(STATUS_REASON));
        assertEquals(200, started.statusCode(), started.body());
        return new Acknowledged(first, second);
    }

    private static String theme(String title) {
        return """
                {"title": "%s", "level": "theme", "owner": "streaming", "horizon": "immediate",
                 "investment": "foundation", "estimateWeeks": 3, "quarter": "2027-Q1"}""".formatted(title);
    }

    private static long created(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
        Matcher id = ID.matcher(response.body());
        assertTrue(id.find(), response.body());
        return Long.parseLong(id.group(1));
    }
}
