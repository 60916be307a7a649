package dev.vitals.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.EntityRef;
import dev.vitals.api.MeasurePoint;
import dev.vitals.api.Signal;
import dev.vitals.api.SignalFilter;
import dev.vitals.api.SignalStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The kit does for a plugin author what it promises, shown on the kit's own sample plugin: a real portal with the
 * plugin loaded by PF4J, settings given in code, people of every role, a catalog, a movable clock and reads of what
 * the plugin published.
 */
class VitalsPortalExtensionTest {

    private static final EntityRef GREEN_WEB = EntityRef.of("component", "green-web");

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPlugin(SamplePluginModule.get())
            .setting("greeting", "good morning")
            .catalog(TestCatalog.twoTeams().service("green-web", "green")
                    .service("green-jobs", "green", "green-api"))
            .build();

    /** What the sample plugin's {@code GET /about} answers. */
    record About(String greeting, String caller, boolean loadedByPf4j, Instant now) {
    }

    /** A mark as the sample plugin answers it. */
    record Mark(long id, String service, String markedBy) {
    }

    /** A mark as the sample plugin takes it. */
    record NewMark(String service) {
    }

    @Test
    void thePluginIsLoadedByPf4jInItsOwnClassLoaderAndRuns(VitalsPortal portal) {
        assertEquals("sample", portal.pluginId());
        assertTrue(portal.pluginIsRunning(), portal.pluginState());
        About about = portal.viewer().get("/api/sample/about").expect(200).as(About.class);
        assertTrue(about.loadedByPf4j(),
                "the plugin's classes come from its own PF4J class loader, not from the test's class path");
    }

    /** Only the part of the sample plugin's {@code GET /about} a test looks at. */
    record Greeting(String greeting) {
    }

    @Test
    void aSettingGivenInCodeReachesThePlugin() {
        assertEquals(new Greeting("good morning"), VITALS.portal().viewer().get("/api/sample/about")
                .as(Greeting.class));
    }

    @Test
    void eachPersonIsWhoThePluginSeesAsCaller() {
        VitalsPortal portal = VITALS.portal();
        assertEquals("vera", portal.viewer().get("/api/sample/about").as(About.class).caller());
        assertEquals("green-editor", portal.editorOf("green").get("/api/sample/about").as(About.class).caller());
        assertEquals("ada", portal.admin().get("/api/sample/about").as(About.class).caller());
        assertEquals(401, portal.anonymous().get("/api/sample/about").status());
    }

    @Test
    void aViewerAndAnEditorOfAnotherTeamChangeNothingWhileTheOwnersEditorMarksTheService() {
        VitalsPortal portal = VITALS.portal();
        PortalResponse viewer = portal.viewer().post("/api/sample/marks", new NewMark("blue-api"));
        assertEquals(403, viewer.status(), viewer.body());
        PortalResponse stranger = portal.editorOf("green").post("/api/sample/marks", new NewMark("blue-api"));
        assertEquals(403, stranger.status(), stranger.body());
        assertEquals(Optional.of("application/problem+json"), stranger.contentType());
        assertEquals(0L, marksOf(portal, "blue-api"), "nothing was written");

        Mark mark = portal.editorOf("blue").post("/api/sample/marks", "{\"service\": \"blue-api\"}").expect(201)
                .as(Mark.class);
        assertEquals(new Mark(1, "component:default/blue-api", "blue-editor"), mark);
        assertEquals(1L, marksOf(portal, "blue-api"));
    }

    @Test
    void aMarkWithoutServiceIs422NamingTheField() {
        PortalResponse response = VITALS.portal().editorOf("green").post("/api/sample/marks", "{}");
        assertEquals(422, response.status(), response.body());
        assertEquals("service", response.json().get("errors").get(0).get("field").asText());
    }

    @Test
    void whatThePluginPublishesIsReadAsSignalsAndMeasures() {
        VitalsPortal portal = VITALS.portal();
        portal.editorOf("green").post("/api/sample/marks", new NewMark("green-web")).expect(201);
        portal.editorOf("green").post("/api/sample/marks", new NewMark("green-web")).expect(201);

        SignalFilter marks = SignalFilter.about(GREEN_WEB).plugin("sample").kind("marks");
        List<Signal> latest = portal.awaitSignals(marks, signals -> !signals.isEmpty()
                && signals.get(0).value().equals(OptionalDouble.of(2)));
        assertEquals(SignalStatus.WARN, latest.get(0).status());
        assertEquals("2 marks", latest.get(0).summary());
        assertEquals(2, portal.signalHistory(marks, Instant.EPOCH, Instant.now().plus(Duration.ofDays(1))).size());

        LocalDate today = LocalDate.now(portal.clock().withZone(ZoneOffset.UTC));
        assertEquals(List.of(new MeasurePoint("sample.marks", GREEN_WEB, today, BigDecimal.valueOf(2))),
                portal.measures("sample.marks", GREEN_WEB, today.minusDays(1), today.plusDays(1)));
    }

    @Test
    void theClockThePluginReadsMovesWithTheTest() {
        VitalsPortal portal = VITALS.portal();
        Instant before = portal.viewer().get("/api/sample/about").as(About.class).now();
        portal.moveClockOn(Duration.ofDays(3));
        Instant after = portal.viewer().get("/api/sample/about").as(About.class).now();
        assertTrue(!after.isBefore(before.plus(Duration.ofDays(3))), before + " then " + after);
    }

    @Test
    void aTeamTokenWritesForItsOwnTeamOnly() {
        PortalClient ci = VITALS.portal().withToken("green-ci", Optional.of("green"), List.of("sample:write"));
        assertEquals(201, ci.post("/api/sample/marks", new NewMark("green-api")).status());
        assertEquals(403, ci.post("/api/sample/marks", new NewMark("blue-api")).status());
    }

    @Test
    void aCatalogFileFromTheTestResourcesIsImportedWithItsOwners() {
        VitalsPortal portal = VITALS.portal();
        assertEquals(4, portal.importCatalogResource("catalog/two-teams.yaml"));
        assertEquals(201, portal.editorOf("red").post("/api/sample/marks", new NewMark("red-api")).status());
        assertEquals(403, portal.editorOf("yellow").post("/api/sample/marks", new NewMark("red-api")).status());
    }

    @Test
    void thePluginsJobsRunAndItsSchemaIsReadable() {
        VitalsPortal portal = VITALS.portal();
        portal.awaitJobRun("tick");
        long ticks = portal.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM sample.ticks")
                .mapTo(Long.class).one());
        assertNotEquals(0L, ticks);
    }

    @Test
    void anyRequestIsSentAsTheSameCallerWithItsOwnHeaders() {
        PortalResponse response = VITALS.portal().editorOf("green").send("POST", "/api/sample/marks",
                "application/json", "{\"service\": \"green-jobs\"}", Map.of("X-Request-Id", "kit-test"));
        assertEquals(201, response.status(), response.body());
    }

    private static long marksOf(VitalsPortal portal, String service) {
        return portal.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM sample.marks WHERE service = :s")
                .bind("s", "component:default/" + service).mapTo(Long.class).one());
    }

    @Test
    void theDatabaseAsThePluginSeesItNamesThePluginsTablesWithoutSchema() {
        VitalsPortal portal = VITALS.portal();
        portal.editorOf("green").post("/api/sample/marks", new NewMark("green-api")).expect(201);

        long marks = portal.pluginJdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM marks")
                .mapTo(Long.class).one());
        String role = portal.pluginJdbi().withHandle(h -> h.createQuery("SELECT current_user").mapTo(String.class)
                .one());

        assertNotEquals(0L, marks);
        assertEquals("vitals_sample", role);
    }
}
