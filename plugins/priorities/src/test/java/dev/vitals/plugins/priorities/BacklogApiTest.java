package dev.vitals.plugins.priorities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitals.plugins.priorities.backlog.DecisionList;
import dev.vitals.plugins.priorities.backlog.Item;
import dev.vitals.plugins.priorities.backlog.ItemList;
import dev.vitals.plugins.priorities.backlog.PainReport;
import dev.vitals.plugins.priorities.backlog.RankChange;
import dev.vitals.plugins.priorities.plan.Capacity;
import dev.vitals.testkit.PortalResponse;
import dev.vitals.testkit.RouteDocs;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Items, scores, ranks, the decision log, pain reports and capacity, over HTTP as people use them. */
class BacklogApiTest {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .catalog(PrioritiesCatalog.of())
            .build();

    private static Item create(VitalsPortal portal, String team, String body) {
        return portal.editorOf(team).post("/api/priorities/items", body).expect(201).as(Item.class);
    }

    private static Item theme(VitalsPortal portal, String team, String title) {
        return create(portal, team, """
                {"title": "%s", "level": "theme", "owner": "%s", "horizon": "immediate", "investment": "foundation"}
                """.formatted(title, team));
    }

    private static Item child(VitalsPortal portal, String team, String level, long parent, String title) {
        return create(portal, team, """
                {"title": "%s", "level": "%s", "parent": %d, "owner": "%s", "horizon": "immediate",
                 "investment": "innovation"}""".formatted(title, level, parent, team));
    }

    private static void assertDecimal(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), expected + " expected, got " + actual);
    }

    private static String field(PortalResponse response) {
        return response.json().get("errors").get(0).get("field").asText();
    }

    @Test
    void riceAndWsjfAreComputedExactlyFromTheirInputsAndAbsentInputsGiveNull(VitalsPortal portal) {
        Item theme = theme(portal, "green", "Reliable checkout");
        Item epic = create(portal, "green", """
                {"title": "Card retries", "level": "epic", "parent": %d, "owner": "green", "horizon": "immediate",
                 "investment": "foundation",
                 "rice": {"reach": 1000, "impact": 2, "confidence": 0.8, "effort": 2},
                 "wsjf": {"businessValue": 8, "timeCriticality": 5, "riskReduction": 3, "jobSize": 2}}"""
                .formatted(theme.id()));
        // 1000 × 2 × 0.8 ÷ 2 = 800; (8 + 5 + 3) ÷ 2 = 8.
        assertDecimal("800", epic.riceScore());
        assertDecimal("8", epic.wsjfScore());
        assertNull(theme.riceScore());
        assertNull(theme.wsjfScore());

        // The smallest impact and confidence: 10 × 0.25 × 0.5 ÷ 0.5 = 2.5; a third: 1000 × 1 × 1 ÷ 3 = 333.3333.
        Item low = create(portal, "green", """
                {"title": "Low", "level": "epic", "parent": %d, "owner": "green", "horizon": "future",
                 "investment": "innovation", "rice": {"reach": 10, "impact": 0.25, "confidence": 0.5, "effort": 0.5},
                 "wsjf": {"businessValue": 1, "timeCriticality": 1, "riskReduction": 1, "jobSize": 20}}"""
                .formatted(theme.id()));
        assertDecimal("2.5", low.riceScore());
        assertDecimal("0.15", low.wsjfScore());      // 3 ÷ 20
        Item third = create(portal, "green", """
                {"title": "Third", "level": "epic", "parent": %d, "owner": "green", "horizon": "future",
                 "investment": "innovation", "rice": {"reach": 1000, "impact": 1, "confidence": 1.0, "effort": 3},
                 "wsjf": {"businessValue": 13, "timeCriticality": 8, "riskReduction": 5, "jobSize": 3}}"""
                .formatted(theme.id()));
        assertDecimal("333.3333", third.riceScore());
        assertDecimal("8.6667", third.wsjfScore());   // 26 ÷ 3

        // Scores suggest: sorted by RICE the highest comes first, whatever the rank says.
        ItemList byRice = portal.viewer().get("/api/priorities/items?level=epic&owner=green&sort=rice&parent=" + theme.id()).expect(200)
                .as(ItemList.class);
        assertEquals(List.of(epic.id(), third.id(), low.id()), byRice.items().stream().map(Item::id).toList());
        assertEquals("rice", byRice.score());
        ItemList byWsjf = portal.viewer().get("/api/priorities/items?level=epic&owner=green&sort=wsjf&parent=" + theme.id()).expect(200)
                .as(ItemList.class);
        assertEquals(List.of(third.id(), epic.id(), low.id()), byWsjf.items().stream().map(Item::id).toList());
    }

    @Test
    void outOfRangeScoreInputsAreRefusedNamingTheField(VitalsPortal portal) {
        Item theme = theme(portal, "green", "Refusals");
        String rice = """
                {"title": "x", "level": "epic", "parent": %d, "owner": "green", "horizon": "immediate",
                 "investment": "foundation", "rice": {"reach": %s, "impact": %s, "confidence": %s, "effort": %s}}""";
        record Case(String reach, String impact, String confidence, String effort, String field) {
        }
        for (Case c : List.of(new Case("1000", "1.5", "0.8", "2", "rice.impact"),
                new Case("1000", "2", "0.9", "2", "rice.confidence"),
                new Case("1000", "2", "0.8", "0", "rice.effort"),
                new Case("1000", "2", "0.8", "-1", "rice.effort"),
                new Case("-1", "2", "0.8", "2", "rice.reach"),
                new Case("2.5", "2", "0.8", "2", "rice.reach"))) {
            PortalResponse refused = portal.editorOf("green").post("/api/priorities/items",
                    rice.formatted(theme.id(), c.reach(), c.impact(), c.confidence(), c.effort()));
            assertEquals(422, refused.status(), refused.body());
            assertEquals(c.field(), field(refused), refused.body());
        }
        PortalResponse size = portal.editorOf("green").post("/api/priorities/items", """
                {"title": "x", "level": "epic", "parent": %d, "owner": "green", "horizon": "immediate",
                 "investment": "foundation",
                 "wsjf": {"businessValue": 8, "timeCriticality": 5, "riskReduction": 3, "jobSize": 4}}"""
                .formatted(theme.id()));
        assertEquals(422, size.status(), size.body());
        assertEquals("wsjf.jobSize", field(size));
    }

    @Test
    void aParentOfTheWrongLevelIsRefusedAndABatchIsStoredWholeOrNotAtAll(VitalsPortal portal) {
        Item theme = theme(portal, "blue", "Blue theme");
        PortalResponse wrong = portal.editorOf("blue").post("/api/priorities/items", """
                {"title": "Story under a theme", "level": "story", "parent": %d, "owner": "blue",
                 "horizon": "immediate", "investment": "foundation"}""".formatted(theme.id()));
        assertEquals(422, wrong.status(), wrong.body());
        assertEquals("parent", field(wrong));

        long before = count(portal);
        PortalResponse batch = portal.editorOf("blue").post("/api/priorities/items", """
                [{"key": "B-1", "title": "Epic", "level": "epic", "parent": %d, "owner": "blue",
                  "horizon": "immediate", "investment": "foundation"},
                 {"title": "Feature", "level": "feature", "parentKey": "B-1", "owner": "blue",
                  "horizon": "immediate", "investment": "foundation", "quarter": "2027-Q5"}]"""
                .formatted(theme.id()));
        assertEquals(422, batch.status(), batch.body());
        assertEquals("[1].quarter", field(batch));
        assertEquals(before, count(portal));

        JsonNode stored = portal.editorOf("blue").post("/api/priorities/items", """
                [{"key": "B-1", "title": "Epic", "level": "epic", "parent": %d, "owner": "blue",
                  "horizon": "immediate", "investment": "foundation"},
                 {"title": "Feature", "level": "feature", "parentKey": "B-1", "owner": "blue",
                  "horizon": "immediate", "investment": "foundation", "quarter": "2027-Q1"}]"""
                .formatted(theme.id())).expect(201).json();
        assertEquals(stored.get(0).get("id").asLong(), stored.get(1).get("parent").asLong());
        assertEquals(before + 2, count(portal));
    }

    private static long count(VitalsPortal portal) {
        return portal.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM priorities.items")
                .mapTo(Long.class).one());
    }

    @Test
    void rankMovesChangeOnlyTheMovedItemAndEachIsLoggedWithItsReason(VitalsPortal portal) {
        Item theme = theme(portal, "red", "Red theme");
        Item epic = child(portal, "red", "epic", theme.id(), "Red epic");
        Item feature = child(portal, "red", "feature", epic.id(), "Red feature");
        Item story = child(portal, "red", "story", feature.id(), "Red story");
        // Tasks: a stack rank no other test of this class adds to.
        Item a = child(portal, "red", "task", story.id(), "A");
        Item b = child(portal, "red", "task", story.id(), "B");
        Item c = child(portal, "red", "task", story.id(), "C");
        assertEquals(List.of(1, 2, 3), List.of(a.rank(), b.rank(), c.rank()));

        RankChange top = portal.editorOf("red").post("/api/priorities/items/" + c.id() + "/rank", """
                {"position": 1, "reason": "C blocks the launch"}""").expect(200).as(RankChange.class);
        assertEquals(3, top.from());
        assertEquals(1, top.to());
        assertEquals(List.of("C", "A", "B"), tasks(portal));

        portal.editorOf("red").post("/api/priorities/items/" + a.id() + "/rank", """
                {"after": %d, "reason": "B first after all"}""".formatted(b.id())).expect(200);
        assertEquals(List.of("C", "B", "A"), tasks(portal));
        portal.editorOf("red").post("/api/priorities/items/" + a.id() + "/rank", """
                {"before": %d, "reason": "A is the quick win"}""".formatted(c.id())).expect(200);
        assertEquals(List.of("A", "C", "B"), tasks(portal));
        portal.editorOf("red").post("/api/priorities/items/" + b.id() + "/rank", """
                {"position": 9, "reason": "Bottom"}""").expect(200);
        assertEquals(List.of("A", "C", "B"), tasks(portal));

        PortalResponse noReason = portal.editorOf("red").post("/api/priorities/items/" + b.id() + "/rank",
                "{\"position\": 1, \"reason\": \" \"}");
        assertEquals(422, noReason.status(), noReason.body());
        assertEquals("reason", field(noReason));
        assertEquals(List.of("A", "C", "B"), tasks(portal));

        // A status change is a decision too.
        portal.editorOf("red").send("PATCH", "/api/priorities/items/" + a.id(), "application/json",
                "{\"status\": \"in-progress\", \"reason\": \"Started Monday\"}", Map.of()).expect(200);
        PortalResponse silent = portal.editorOf("red").send("PATCH", "/api/priorities/items/" + a.id(),
                "application/json", "{\"status\": \"done\"}", Map.of());
        assertEquals(422, silent.status(), silent.body());

        DecisionList log = portal.viewer().get("/api/priorities/decisions?owner=red").expect(200)
                .as(DecisionList.class);
        assertEquals(4, log.total());
        assertEquals(List.of("status in-progress", "rank 3→1", "rank 2→3", "rank 3→1"), log.decisions().stream()
                .map(d -> d.kind().equals("status") ? "status " + d.to() : d.kind() + " " + d.from() + "→" + d.to())
                .toList());
        assertEquals("red-editor", log.decisions().get(0).decidedBy());
        assertEquals("C blocks the launch", log.decisions().get(3).reason());

        String markdown = portal.viewer().get("/api/priorities/decisions.md?owner=red").expect(200).body();
        assertTrue(markdown.contains("Rank of \"C\" among task items of group:default/red: 3 → 1"), markdown);
        assertTrue(markdown.contains("* Deciders: red-editor"), markdown);
        assertTrue(markdown.contains("Moved from place 3 to place 1, because: C blocks the launch"), markdown);
        String csv = portal.viewer().get("/api/priorities/decisions.csv?owner=red").expect(200).body();
        assertEquals(5, csv.lines().count(), csv);
        assertTrue(csv.lines().anyMatch(l -> l.contains(",rank,3,1,C blocks the launch,red-editor,")), csv);
    }

    private static List<String> tasks(VitalsPortal portal) {
        return portal.viewer().get("/api/priorities/items?level=task&owner=red").expect(200).as(ItemList.class)
                .items().stream().map(Item::title).toList();
    }

    @Test
    void anEditorOfAnotherTeamGets403OnEveryWrite(VitalsPortal portal) {
        Item theme = theme(portal, "green", "Green only");
        Item epic = child(portal, "green", "epic", theme.id(), "Green epic");
        String id = "/api/priorities/items/" + epic.id();
        List<PortalResponse> refused = List.of(
                portal.editorOf("blue").post("/api/priorities/items", """
                        {"title": "x", "level": "theme", "owner": "green", "horizon": "immediate",
                         "investment": "foundation"}"""),
                portal.editorOf("blue").send("PATCH", id, "application/json", "{\"title\": \"mine\"}", Map.of()),
                portal.editorOf("blue").post(id + "/rank", "{\"position\": 1, \"reason\": \"mine\"}"),
                portal.editorOf("blue").post(id + "/pain", """
                        {"team": "green", "what": "x", "howOften": "daily"}"""),
                portal.editorOf("blue").put("/api/priorities/targets/green", "{\"immediate\": 0.5, \"foundation\": 0.5}"),
                portal.editorOf("green").post(id + "/rank", "{\"position\": 1, \"list\": \"org\", \"reason\": \"x\"}"));
        for (PortalResponse response : refused) {
            assertEquals(403, response.status(), response.body());
        }
        assertEquals("Green epic", portal.viewer().get(id).expect(200).as(Item.class).title());
    }

    @Test
    void programItemsAreChangedByAdminsAndTheProgramsLeadTeamOnly(VitalsPortal portal) {
        String body = """
                {"title": "Every service meets its SLO", "level": "theme", "owner": "program:availability",
                 "horizon": "future", "investment": "foundation"}""";
        assertEquals(403, portal.editorOf("blue").post("/api/priorities/items", body).status());
        assertEquals(403, portal.editorOf("red").post("/api/priorities/items", body).status());
        Item byLead = portal.editorOf("green").post("/api/priorities/items", body).expect(201).as(Item.class);
        assertEquals("program:default/availability", byLead.owner());
        portal.admin().send("PATCH", "/api/priorities/items/" + byLead.id(), "application/json",
                "{\"quarter\": \"2027-Q2\"}", Map.of()).expect(200);
        assertEquals(403, portal.editorOf("blue").send("PATCH", "/api/priorities/items/" + byLead.id(),
                "application/json", "{\"quarter\": \"2027-Q3\"}", Map.of()).status());
    }

    @Test
    void painReportsBucketOntoTheItemWithTheirCountAndTeams(VitalsPortal portal) {
        Item theme = theme(portal, "green", "Painful");
        String pain = "/api/priorities/items/" + theme.id() + "/pain";
        portal.editorOf("blue").post(pain, """
                {"team": "blue", "what": "Checkout times out", "howOften": "weekly",
                 "link": "https://tickets.example.com/SUP-1"}""").expect(201);
        portal.editorOf("red").post(pain, "{\"team\": \"red\", \"what\": \"Slow\", \"howOften\": \"daily\"}")
                .expect(201);
        PainReport second = portal.editorOf("blue").post(pain, """
                {"team": "blue", "what": "Again", "howOften": "daily"}""").expect(201).as(PainReport.class);
        assertEquals("blue-editor", second.reporter());
        PortalResponse often = portal.editorOf("blue").post(pain, "{\"team\": \"blue\", \"what\": \"x\", "
                + "\"howOften\": \"hourly\"}");
        assertEquals(422, often.status());
        assertEquals("howOften", field(often));

        Item item = portal.viewer().get("/api/priorities/items/" + theme.id()).expect(200).as(Item.class);
        assertEquals(3, item.pain().count());
        assertEquals(List.of("group:default/blue", "group:default/red"), item.pain().teams());
    }

    @Test
    void capacitySharesCountTheQuartersWeeksLeavingDroppedItemsOut(VitalsPortal portal) {
        portal.admin().post("/api/priorities/items", """
                [{"key": "C-T", "title": "Capacity", "level": "theme", "owner": "red", "horizon": "immediate",
                  "investment": "foundation"},
                 {"key": "C-E", "title": "E", "level": "epic", "parentKey": "C-T", "owner": "red",
                  "horizon": "immediate", "investment": "foundation"},
                 {"key": "C-F", "title": "F", "level": "feature", "parentKey": "C-E", "owner": "red",
                  "horizon": "immediate", "investment": "foundation", "quarter": "2027-Q1", "estimateWeeks": 99},
                 {"title": "s1", "level": "story", "parentKey": "C-F", "owner": "red", "horizon": "immediate",
                  "investment": "foundation", "quarter": "2027-Q1", "estimateWeeks": 6},
                 {"title": "s2", "level": "story", "parentKey": "C-F", "owner": "red", "horizon": "immediate",
                  "investment": "innovation", "quarter": "2027-Q1", "estimateWeeks": 8},
                 {"title": "s3", "level": "story", "parentKey": "C-F", "owner": "red", "horizon": "future",
                  "investment": "innovation", "quarter": "2027-Q1", "estimateWeeks": 6},
                 {"title": "dropped", "level": "story", "parentKey": "C-F", "owner": "red", "horizon": "future",
                  "investment": "innovation", "quarter": "2027-Q1", "estimateWeeks": 50, "status": "dropped"},
                 {"title": "next quarter", "level": "story", "parentKey": "C-F", "owner": "red",
                  "horizon": "future", "investment": "innovation", "quarter": "2027-Q2", "estimateWeeks": 40}]""")
                .expect(201);
        // Counted: s1 6 (immediate, foundation), s2 8 (immediate, innovation), s3 6 (future, innovation) = 20
        // weeks; the feature's 99 count through its estimated stories, the dropped 50 and Q2's 40 not at all.
        Capacity capacity = portal.viewer().get("/api/priorities/capacity?team=red&quarter=2027-Q1").expect(200)
                .as(Capacity.class);
        assertDecimal("20", capacity.estimateWeeks());
        assertDecimal("0.7", capacity.immediate());     // 14 / 20
        assertDecimal("0.3", capacity.future());
        assertDecimal("0.3", capacity.foundation());    // 6 / 20
        assertDecimal("0.7", capacity.innovation());
        assertDecimal("0.7", capacity.targets().immediate());
        assertDecimal("0.3", capacity.targets().foundation());
        assertTrue(capacity.onTarget());

        portal.editorOf("red").put("/api/priorities/targets/red", "{\"immediate\": 0.7, \"foundation\": 0.4}")
                .expect(200);
        Capacity stricter = portal.viewer().get("/api/priorities/capacity?team=red&quarter=2027-Q1").expect(200)
                .as(Capacity.class);
        assertEquals(false, stricter.onTarget());
        assertEquals(400, portal.viewer().get("/api/priorities/capacity?team=red&quarter=2027-5").status());
    }

    @Test
    void itemsImportFromCsvAllOrNothingAndExportInTheSameShape(VitalsPortal portal) {
        String csv = """
                key,title,level,parentKey,owner,horizon,investment,estimateWeeks,quarter,services,rice.reach,\
                rice.impact,rice.confidence,rice.effort
                CSV-1,"Imported, with a comma",theme,,blue,immediate,foundation,,,,,,,
                CSV-2,Imported epic,epic,CSV-1,blue,future,innovation,5,2027-Q1,blue-api,1000,2,0.8,2
                """;
        assertEquals(403, portal.editorOf("green").send("POST", "/api/priorities/items.csv", "text/csv", csv,
                Map.of()).status());
        JsonNode made = portal.editorOf("blue").send("POST", "/api/priorities/items.csv", "text/csv", csv, Map.of())
                .expect(201).json();
        assertEquals("Imported, with a comma", made.get(0).get("title").asText());
        assertEquals(made.get(0).get("id").asLong(), made.get(1).get("parent").asLong());
        assertDecimal("800", made.get(1).get("riceScore").decimalValue());

        String exported = portal.viewer().get("/api/priorities/items.csv?owner=blue&level=epic").expect(200).body();
        assertTrue(exported.lines().anyMatch(l -> l.contains(",Imported epic,epic,")
                && l.contains(",blue-api,1000,2,0.8,2,")), exported);

        long before = count(portal);
        PortalResponse bad = portal.editorOf("blue").send("POST", "/api/priorities/items.csv", "text/csv", """
                key,title,level,owner,horizon,investment,quarter
                CSV-3,Fine,theme,blue,immediate,foundation,2027-Q1
                CSV-4,Not fine,theme,blue,immediate,foundation,2027-Q9
                """, Map.of());
        assertEquals(422, bad.status(), bad.body());
        assertEquals("[1].quarter", field(bad));
        assertEquals(before, count(portal));
    }

    @Test
    void everyRouteIsDescribedAndItsExampleReadsAsTheRouteReadsItsBody(VitalsPortal portal) {
        assertEquals(List.of(), RouteDocs.faults(portal.apiRoutes(), portal.webhooks(), Set.of()));
    }
}
