package dev.vitals.plugins.deploys.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitals.api.SignalStatus;
import dev.vitals.plugins.deploys.SloStandIn;
import dev.vitals.testkit.TestCatalog;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A pipeline asks the gate; the SLO plugin's error-budget verdict, heard through the portal, can close it. */
class ErrorBudgetGateTest {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .alsoLoad(SloStandIn.module())
            .catalog(TestCatalog.of().team("streaming").service("alpha", "streaming").service("beta", "streaming"))
            .build();

    private static JsonNode gate(VitalsPortal portal, String service) {
        return portal.viewer().get("/api/deploys/gate?service=" + service + "&environment=production").expect(200)
                .json();
    }

    @Test
    void aSpentErrorBudgetClosesTheGateOnlyWhenTheSloPluginSaysSoAndItsAbsenceIsStated(VitalsPortal portal) {
        JsonNode unknown = gate(portal, "alpha");
        assertTrue(unknown.get("allowed").asBoolean(), unknown.toString());
        assertTrue(unknown.get("reasons").toString().contains(
                "error budget not checked: no error-budget signal from the slo plugin for alpha"), unknown.toString());

        SloStandIn.publish(portal, "alpha", "availability", SignalStatus.CRITICAL, "budget summary");
        assertTrue(gate(portal, "alpha").get("allowed").asBoolean(), "only its error-budget verdict");
        SloStandIn.publish(portal, "alpha", "error-budget", SignalStatus.CRITICAL, "budget summary");
        JsonNode spent = gate(portal, "alpha");
        assertFalse(spent.get("allowed").asBoolean(), spent.toString());
        assertEquals("error budget spent: budget summary", spent.get("reasons").get(0).asText());
        assertTrue(gate(portal, "beta").get("allowed").asBoolean(), "alpha's budget is alpha's");
        SloStandIn.publish(portal, "alpha", "error-budget", SignalStatus.OK, "budget summary");
        assertTrue(gate(portal, "alpha").get("allowed").asBoolean());
    }
}
