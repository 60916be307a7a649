package dev.vitals.plugins.cost.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.plugins.cost.BillingRows;
import dev.vitals.plugins.cost.Conservation;
import dev.vitals.plugins.cost.CostCatalog;
import dev.vitals.testkit.PortalResponse;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The allocation admin page, as plain forms: yesterday checkout 30, ledger 10, finder 20, 12 tagged
 * {@code shared=platform} and 3 untagged, on a UTC organisation.
 */
class AllocationPageTest {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .environment("VITALS_TIMEZONE", "UTC")
            .catalog(CostCatalog.payments())
            .build();

    @Test
    void anAdminPreviewsARuleSavesItAndSeesTheUnallocatedRowsWithWhatWouldCatchThem(VitalsPortal portal) {
        String empty = portal.admin().page("/p/cost/allocation").expect(200).body();
        assertTrue(empty.contains("No shared-cost rule yet"), empty);
        assertTrue(empty.contains("Nothing unallocated in these 30 days"), empty);
        assertTrue(empty.contains("service, app, component, x_service"), "the tag keys in use");

        LocalDate yesterday = LocalDate.now(portal.clock().withZone(ZoneId.of("UTC"))).minusDays(1);
        String noon = yesterday + "T12:00:00Z";
        portal.admin().send("POST", "/api/cost/imports", "text/csv", new BillingRows("acct-page",
                yesterday.toString().substring(0, 7), "USD")
                .tagged(noon, "30", "{\"service\": \"checkout\"}")
                .tagged(noon, "10", "{\"service\": \"fin-ledger\"}")
                .tagged(noon, "20", "{\"service\": \"finder\"}")
                .tagged(noon, "12", "{\"shared\": \"platform\"}")
                .tagged(noon, "3", null)
                .text(), Map.of()).expect(201);
        String listed = portal.admin().page("/p/cost/allocation").expect(200).body();
        assertTrue(listed.contains("a shared-cost rule on tag shared=platform"), listed);
        assertTrue(listed.contains("<td>12</td>"), "the platform rows' cost");

        Map<String, String> form = Map.of("name", "platform", "matchKind", "tag", "matchKey", "shared",
                "matchValue", "platform", "split", "proportional", "among", "org",
                "reallocateFrom", yesterday.toString(), "action", "preview");
        String preview = portal.admin().submit("/p/cost/allocation/rules", form).expect(200).body();
        assertTrue(preview.contains("<td>checkout</td><td>30</td><td>36</td><td>6</td>"), preview);
        assertTrue(preview.contains("Unallocated: 15 USD now, 3 USD with the rule"), preview);
        assertEquals(404, portal.viewer().get("/api/cost/rules/platform").status(), "a preview saves nothing");

        PortalResponse saved = portal.admin().submit("/p/cost/allocation/rules", new java.util.HashMap<>(form) {{
                put("action", "save"); }});
        assertEquals(303, saved.status(), saved.body());
        assertTrue(saved.confirmation().orElseThrow().startsWith("Rule platform saved"), saved.toString());
        assertEquals("proportional", portal.viewer().get("/api/cost/rules/platform").expect(200).json()
                .get("split").asText());
        String after = portal.admin().page("/p/cost/allocation").expect(200).body();
        assertTrue(after.contains("in proportion to direct cost"), after);
        assertTrue(after.contains("rule platform"), "the re-allocation is recorded");
        Conservation.assertConserved(portal, ZoneId.of("UTC"), yesterday.minusDays(1), yesterday.plusDays(1));
    }

    @Test
    void anAdminSetsARateThroughTheForm(VitalsPortal portal) {
        PortalResponse saved = portal.admin().submit("/p/cost/allocation/rates", Map.of("currency", "chf",
                "month", "2024-09", "rate", "1.13"));
        assertEquals(303, saved.status(), saved.body());
        assertEquals("Rate of CHF for 2024-09 saved: 1.13.", saved.confirmation().orElseThrow());

        assertTrue(portal.viewer().get("/api/cost/rates").expect(200).body().contains("\"CHF\""));
        assertEquals(422, portal.admin().submit("/p/cost/allocation/rates", Map.of("currency", "CHF",
                "month", "2024-09", "rate", "-1")).status());
    }

    @Test
    void editorsCannotOpenThePage(VitalsPortal portal) {
        assertEquals(403, portal.editorOf("payments").page("/p/cost/allocation").status());
        assertTrue(portal.viewer().page("/p/cost/").expect(200).body().contains("/p/cost/allocation\""),
                "the cost page links to it");
    }
}
