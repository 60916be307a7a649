package dev.vitals.plugins.slo.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.testkit.PortalClient;
import dev.vitals.testkit.PortalResponse;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The plugin's pages in a real portal with the demo organisation and the plugin's demo SLOs. */
class DemoPagesTest {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .environment("VITALS_DEMO", "true")
            .build();

    @Test
    void aProgramsReviewListsItsComponentsAndCoversTheirSlos(VitalsPortal portal) {
        String review = portal.viewer().page("/p/slo/review?program=availability").expect(200).body();
        assertTrue(review.contains("Availability components of availability"), review);
        for (String component : List.of("web-recording", "playback", "public-api", "processing", "sign-in")) {
            assertTrue(review.contains("href=\"/p/slo/components/" + component + "\""), component);
        }
        assertTrue(review.contains("playback-starts") && review.contains("web-recording-journey"),
                "the components' own SLOs are in the program's review");
        assertTrue(portal.viewer().page("/p/slo/review?program=cost-optimization").body()
                .contains("has no availability component in scope"));
    }

    @Test
    void thePagesShowTheDemoSlos(VitalsPortal portal) {
        PortalClient admin = portal.admin();
        PortalResponse overview = admin.page("/p/slo/").expect(200);
        assertTrue(overview.body().contains("recorder-api-availability"), overview.body());
        assertTrue(overview.body().contains("figures as of "), "says when the stored statuses were computed");
        assertTrue(admin.page("/p/slo/?component=sign-in").body().contains("auth-service-sign-in"));
        assertFalse(admin.page("/p/slo/?team=playback").body().contains("auth-service-sign-in"));
        PortalResponse detail = admin.page("/p/slo/slos/recorder-api-availability?range=7d").expect(200);
        assertTrue(detail.body().contains("class=\"vitals-chart-data\"")
                && detail.body().contains("<th scope=\"col\">Budget left (%)</th>"), "draws the burn-down chart");
        assertTrue(detail.body().contains("ticket"));
        String slowBurn = admin.page("/p/slo/slos/auth-service-sign-in").body();
        assertTrue(slowBurn.contains("Alert history") && slowBurn.contains("<strong>firing</strong>"),
                "the slow burn's ticket alert is in the history while it fires");
        assertTrue(admin.page("/services/stream-edge?tab=slo.slos").body().contains("stream-edge-latency"));
        String component = admin.page("/p/slo/components/sign-in").body();
        assertTrue(component.contains("auth-service-sign-in") && component.contains("sign-in-journey"), component);
        assertEquals(404, admin.page("/p/slo/components/atlantis").status());
        assertEquals(404, admin.page("/p/slo/slos/nothing-here").status());
        String review = admin.page("/p/slo/review?component=web-recording").body();
        assertTrue(review.contains("recorder-api-availability") && review.contains("Download as CSV"), review);
        PortalResponse csv = admin.get("/api/slo/review.csv?program=availability").expect(200);
        assertTrue(csv.header("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.body().startsWith("slo,owner,team,objective,month,attainment,compliance,budget_used,"
                + "alerts_fired\n"));
    }
}
