package dev.vitals.plugins.slo.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitals.testkit.Person;
import dev.vitals.testkit.PortalClient;
import dev.vitals.testkit.PortalResponse;
import dev.vitals.testkit.TestCatalog;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SLO forms over HTTP, without JavaScript, in a real portal behind its trusted sign-in proxy: pat edits for team
 * payments (billing-api), rita for team recording (recorder-api), vera only views.
 */
class SloFormTest {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .catalog(TestCatalog.of().team("payments").team("recording").service("billing-api", "payments")
                    .service("recorder-api", "recording"))
            .build();

    private static PortalClient pat(VitalsPortal portal) {
        return portal.as(Person.editorOf("pat", "payments"));
    }

    private static PortalClient rita(VitalsPortal portal) {
        return portal.as(Person.editorOf("rita", "recording"));
    }

    private static PortalClient vera(VitalsPortal portal) {
        return portal.as(Person.viewer("vera"));
    }

    private static JsonNode slo(VitalsPortal portal, String name) {
        return vera(portal).get("/api/slo/slos/" + name).expect(200).json();
    }

    private static Map<String, String> checkout(String name) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("service", "billing-api");
        form.put("component", "");
        form.put("objective", "99.9");
        form.put("window", "28d");
        form.put("method", "occurrences");
        form.put("sliceThreshold", "");
        form.put("description", "Checkout requests that succeed");
        return form;
    }

    @Test
    void aPercentageTypedInTheFormIsShownAsTypedAndGivenExactlyByTheApi(VitalsPortal portal) {
        Map<String, String> form = checkout("checkout-exact");
        form.put("objective", "99.95");
        pat(portal).submit("/p/slo/new", form).expect(303);

        String detail = pat(portal).page("/p/slo/slos/checkout-exact").body();
        PortalResponse api = vera(portal).get("/api/slo/slos/checkout-exact");

        assertTrue(detail.contains("objective 99.95 % over rolling 28 d"), detail);
        assertTrue(pat(portal).page("/p/slo/slos/checkout-exact/edit").body().contains("value=\"99.95\""));
        assertTrue(api.body().contains("\"objective\":0.9995,"), api.body());
    }

    @Test
    void aPercentageWithMoreThanFourDecimalPlacesIsRefusedBesideTheField(VitalsPortal portal) {
        Map<String, String> form = checkout("checkout-too-fine");
        form.put("objective", "99.99999");

        PortalResponse refused = pat(portal).submit("/p/slo/new", form);

        assertEquals(422, refused.status(), refused.body());
        assertTrue(refused.body().contains("id=\"objective-error\">must have at most 4 decimal places as a "
                + "percentage, e.g. 99.9999, got '99.99999'"), refused.body());
    }

    @Test
    void anEditorCreatesAnSloThroughTheFormAndIsSentToIt(VitalsPortal portal) {
        PortalResponse blank = pat(portal).page("/p/slo/new?service=billing-api").expect(200);
        assertTrue(blank.body().contains("<label for=\"objective\">Objective (%)</label>"), blank.body());
        assertTrue(blank.body().contains("value=\"billing-api\""), "the service it was opened from is filled in");

        PortalResponse created = pat(portal).submit("/p/slo/new", checkout("checkout-success")).expect(303);

        assertEquals("/p/slo/slos/checkout-success", created.header("Location").orElseThrow());
        JsonNode slo = slo(portal, "checkout-success");
        assertEquals(0.999, slo.get("objective").asDouble());
        assertEquals("28d", slo.get("window").asText());
        assertEquals("payments", slo.get("team").asText());
        assertEquals("Checkout requests that succeed", slo.get("description").asText());
    }

    @Test
    void anEditorChangesAnSloThroughTheEditFormThatShowsItsValues(VitalsPortal portal) {
        pat(portal).submit("/p/slo/new", checkout("checkout-latency")).expect(303);
        String detail = pat(portal).page("/p/slo/slos/checkout-latency").body();
        assertTrue(detail.contains("href=\"/p/slo/slos/checkout-latency/edit\""), "the owner's editor sees Edit");
        PortalResponse edit = pat(portal).page("/p/slo/slos/checkout-latency/edit").expect(200);
        assertTrue(edit.body().contains("value=\"99.9\""), "the objective as a percentage: " + edit.body());
        assertTrue(edit.body().contains("<option value=\"28d\" selected>"), edit.body());

        Map<String, String> form = checkout("checkout-latency");
        form.remove("name");
        form.put("objective", "99.5");
        form.put("window", "month");
        form.put("method", "timeslices");
        form.put("sliceThreshold", "300");
        PortalResponse saved = pat(portal).submit("/p/slo/slos/checkout-latency/edit", form).expect(303);

        assertEquals("/p/slo/slos/checkout-latency", saved.header("Location").orElseThrow());
        JsonNode slo = slo(portal, "checkout-latency");
        assertEquals(0.995, slo.get("objective").asDouble());
        assertEquals("month", slo.get("window").asText());
        assertEquals("timeslices", slo.get("method").asText());
        assertEquals(300, slo.get("sliceThreshold").asDouble());
    }

    @Test
    void aFormWithMistakesComesBackWithEachMistakeBesideItsFieldAndTheTypedValues(VitalsPortal portal) {
        Map<String, String> form = checkout("Checkout Errors");
        form.put("objective", "150");
        form.put("method", "timeslices");
        form.put("sliceThreshold", "fast");

        PortalResponse refused = pat(portal).submit("/p/slo/new", form);

        assertEquals(422, refused.status(), refused.body());
        String body = refused.body();
        assertTrue(body.contains("value=\"Checkout Errors\""), "the typed name is kept");
        assertTrue(body.contains("value=\"150\"") && body.contains("value=\"fast\""), "the typed numbers are kept");
        assertTrue(body.contains("Checkout requests that succeed"), "the description is kept");
        assertTrue(body.contains("id=\"name-error\">is required: 1 to 100 lower case letters"), body);
        assertTrue(body.contains("id=\"objective-error\">must be a percentage between 0 and 100 exclusive, e.g. 99.9, "
                + "got '150'"), body);
        assertTrue(body.contains("id=\"sliceThreshold-error\">must be a number such as 300, got 'fast'"), body);
        assertTrue(body.contains("aria-describedby=\"objective-error\""), "the field points at its error");
        assertTrue(body.contains("<option value=\"timeslices\" selected>"), body);
        assertFalse(body.contains("id=\"window-error\""), "a right field has no error");

        pat(portal).submit("/p/slo/new", checkout("checkout-taken")).expect(303);
        PortalResponse again = pat(portal).submit("/p/slo/new", checkout("checkout-taken"));
        assertEquals(409, again.status(), again.body());
        assertTrue(again.body().contains("id=\"name-error\">is taken by another SLO"), again.body());
    }

    @Test
    void anEditFormWithAMistakeComesBackUnderItsNameAndAShareTypedAsAPercentageIsCaught(VitalsPortal portal) {
        pat(portal).submit("/p/slo/new", checkout("checkout-share")).expect(303);
        Map<String, String> form = checkout("checkout-share");
        form.remove("name");
        form.put("objective", "0.999");

        PortalResponse refused = pat(portal).submit("/p/slo/slos/checkout-share/edit", form);

        assertEquals(422, refused.status(), refused.body());
        assertTrue(refused.body().contains("Name: <strong>checkout-share</strong>"), refused.body());
        assertTrue(refused.body().contains("id=\"objective-error\">is a percentage: 0.999 would mean under 1 %; for "
                + "99.9 % type 99.9"), refused.body());
        assertEquals(0.999, slo(portal, "checkout-share").get("objective").asDouble(), "unchanged");
    }

    @Test
    void aViewerSeesNoEditControlsAndIsRefusedTheForms(VitalsPortal portal) {
        pat(portal).submit("/p/slo/new", checkout("checkout-viewed")).expect(303);
        String overview = vera(portal).page("/p/slo/").body();
        assertFalse(overview.contains("href=\"/p/slo/new\""), overview);
        String detail = vera(portal).page("/p/slo/slos/checkout-viewed").body();
        assertFalse(detail.contains("/edit\""), detail);

        vera(portal).page("/p/slo/new").expect(403);
        vera(portal).page("/p/slo/slos/checkout-viewed/edit").expect(403);
        vera(portal).submit("/p/slo/new", checkout("by-a-viewer")).expect(403);
        vera(portal).submit("/p/slo/slos/checkout-viewed/edit", checkout("checkout-viewed")).expect(403);
        assertTrue(pat(portal).page("/p/slo/").body().contains("href=\"/p/slo/new\""), "editors see New");
    }

    @Test
    void anotherTeamsEditorIsRefusedTheSloOfAServiceTheyDoNotOwn(VitalsPortal portal) {
        pat(portal).submit("/p/slo/new", checkout("checkout-owned")).expect(303);

        assertFalse(rita(portal).page("/p/slo/slos/checkout-owned").body().contains("/edit\""));
        rita(portal).page("/p/slo/slos/checkout-owned/edit").expect(403);
        Map<String, String> change = checkout("checkout-owned");
        change.put("objective", "90");
        rita(portal).submit("/p/slo/slos/checkout-owned/edit", change).expect(403);
        change.put("service", "recorder-api");
        assertEquals(403, rita(portal).submit("/p/slo/slos/checkout-owned/edit", change).status(),
                "moving another team's SLO to one's own service needs the right to edit it first");
        rita(portal).submit("/p/slo/new", checkout("not-theirs")).expect(403);
        assertEquals(0.999, slo(portal, "checkout-owned").get("objective").asDouble(), "nothing changed");
        vera(portal).get("/api/slo/slos/not-theirs").expect(404);
    }

    /** @return the confirmation a redirect leaves for the next page, as the host's frame will show it */
    private static String confirmation(PortalResponse redirect) {
        return redirect.confirmation().orElseThrow(() -> new AssertionError("no confirmation: " + redirect));
    }

    @Test
    void aSavedSloIsConfirmedOnTheNextPage(VitalsPortal portal) {
        PortalResponse created = pat(portal).submit("/p/slo/new", checkout("checkout-confirmed")).expect(303);
        assertEquals("SLO checkout-confirmed saved.", confirmation(created));
        Map<String, String> form = checkout("checkout-confirmed");
        form.remove("name");
        form.put("objective", "99.5");
        PortalResponse edited = pat(portal).submit("/p/slo/slos/checkout-confirmed/edit", form).expect(303);
        assertEquals("SLO checkout-confirmed saved.", confirmation(edited));
    }

    @Test
    void anEditorDeletesAnSloAfterConfirmingAndTheDeletionIsLoggedWithTheirName(VitalsPortal portal) {
        pat(portal).submit("/p/slo/new", checkout("checkout-doomed")).expect(303);
        assertTrue(pat(portal).page("/p/slo/slos/checkout-doomed").body()
                .contains("href=\"/p/slo/slos/checkout-doomed/delete\""), "the owner's editor sees Delete");
        String confirm = pat(portal).page("/p/slo/slos/checkout-doomed/delete").expect(200).body();
        assertTrue(confirm.contains("action=\"/p/slo/slos/checkout-doomed/delete\"")
                && confirm.contains("Delete checkout-doomed</button>"), confirm);
        assertEquals(403, rita(portal).page("/p/slo/slos/checkout-doomed/delete").status());
        assertEquals(403, rita(portal).submit("/p/slo/slos/checkout-doomed/delete", Map.of()).status());
        vera(portal).get("/api/slo/slos/checkout-doomed").expect(200);

        PortalResponse deleted = pat(portal).submit("/p/slo/slos/checkout-doomed/delete", Map.of()).expect(303);

        assertEquals("/p/slo/", deleted.header("Location").orElseThrow());
        assertEquals("SLO checkout-doomed deleted, with its minute data and alert history.", confirmation(deleted));
        vera(portal).get("/api/slo/slos/checkout-doomed").expect(404);
        String overview = vera(portal).page("/p/slo/").body();
        assertTrue(overview.contains("<td>checkout-doomed</td><td>billing-api, 99.9 % over rolling 28 d, occurrences, "
                + "team payments</td><td>pat</td>"), overview);
    }

    @Test
    void theApiDeletesAnSloOnlyForAnEditorOfItsTeam(VitalsPortal portal) {
        pat(portal).submit("/p/slo/new", checkout("checkout-api-doomed")).expect(303);
        vera(portal).delete("/api/slo/slos/checkout-api-doomed").expect(403);
        rita(portal).delete("/api/slo/slos/checkout-api-doomed").expect(403);
        vera(portal).get("/api/slo/slos/checkout-api-doomed").expect(200);

        pat(portal).delete("/api/slo/slos/checkout-api-doomed").expect(204);

        vera(portal).get("/api/slo/slos/checkout-api-doomed").expect(404);
        pat(portal).delete("/api/slo/slos/checkout-api-doomed").expect(404);
    }
}
