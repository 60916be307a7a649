package dev.vitals.plugins.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.EntityRef;
import dev.vitals.api.MeasurePoint;
import dev.vitals.api.Signal;
import dev.vitals.api.SignalFilter;
import dev.vitals.api.SignalStatus;
import dev.vitals.testkit.PortalResponse;
import dev.vitals.testkit.RouteDocs;
import dev.vitals.testkit.TestCatalog;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The example plugin in a real portal, loaded by PF4J from its classes, called as people call it. */
class ExamplePluginTest {

    /** Teams green and blue own services green-api, blue-api and blue-jobs; counts are published every second. */
    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .setting("publish_every", "1s")
            .catalog(TestCatalog.twoTeams().service("blue-jobs", "blue"))
            .build();

    @Test
    void anEditorOfTheServicesTeamLeavesANoteAndAnEditorOfAnotherTeamCannot(VitalsPortal portal) {
        Note note = portal.editorOf("green").post("/api/example/notes", new NewNote("green-api", "Runbook in the wiki"))
                .expect(201).as(Note.class);
        assertEquals("green-editor", note.author());

        PortalResponse stranger = portal.editorOf("blue").post("/api/example/notes", new NewNote("green-api", "no"));
        assertEquals(403, stranger.status(), stranger.body());

        NoteList notes = portal.viewer().get("/api/example/notes").expect(200).as(NoteList.class);
        assertTrue(notes.notes().stream().anyMatch(n -> n.id() == note.id()), notes.toString());
        assertTrue(notes.notes().stream().noneMatch(n -> n.body().equals("no")), notes.toString());
    }

    @Test
    void everyRouteIsDescribedAndItsExampleReadsAsTheRouteReadsItsBody(VitalsPortal portal) {
        assertEquals(List.of(), RouteDocs.faults(portal.apiRoutes(), portal.webhooks(), Set.of()));
    }

    @Test
    void aNoteWithoutBodyIsRefusedNamingTheField(VitalsPortal portal) {
        PortalResponse refused = portal.editorOf("green").post("/api/example/notes", "{\"service\": \"green-api\"}");
        assertEquals(422, refused.status(), refused.body());
        assertEquals("body", refused.json().get("errors").get(0).get("field").asText());
    }

    @Test
    void theNotesPageLinksEachNoteToItsService(VitalsPortal portal) {
        portal.editorOf("blue").post("/api/example/notes", new NewNote("blue-api", "Deploys on Tuesdays")).expect(201);

        String html = portal.viewer().page("/p/example/").expect(200).body();
        assertTrue(html.contains("Deploys on Tuesdays"), html);
        assertTrue(html.contains("href=\"/services/blue-api\""), html);
    }

    @Test
    void theJobPublishesEachServicesNoteCountAsASignalAndADailyMeasure(VitalsPortal portal) {
        portal.editorOf("blue").post("/api/example/notes", new NewNote("blue-jobs", "one")).expect(201);
        portal.editorOf("blue").post("/api/example/notes", new NewNote("blue-jobs", "two")).expect(201);

        EntityRef service = EntityRef.of("component", "blue-jobs");
        SignalFilter blueJobs = SignalFilter.about(service).plugin("example")
                .kind(NoteCountSignals.KIND);
        Signal signal = portal.awaitSignals(blueJobs, signals -> !signals.isEmpty()
                && signals.get(0).value().equals(OptionalDouble.of(2))).get(0);
        assertEquals("2 notes", signal.summary());
        assertEquals(SignalStatus.OK, signal.status());
        assertEquals(Optional.of("/p/example/"), signal.link());

        // The same run published the measure; the day is the organisation's (UTC unless VITALS_TIMEZONE says).
        LocalDate today = LocalDate.ofInstant(portal.clock().instant(), ZoneOffset.UTC);
        assertEquals(List.of(new MeasurePoint(NoteCountMeasures.NAME, service, today, BigDecimal.valueOf(2))),
                portal.measures(NoteCountMeasures.NAME, service, today.minusDays(1), today.plusDays(1)));
    }
}
