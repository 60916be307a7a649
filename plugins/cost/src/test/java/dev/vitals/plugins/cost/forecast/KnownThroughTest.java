package dev.vitals.plugins.cost.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vitals.plugins.cost.CostCatalog;
import dev.vitals.plugins.cost.FocusCsv;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The forecast's last known day follows the charges as imports replace them, today being 29 March 2032 (UTC): it is
 * the last charge period before today of the rows that remain, not of every file ever imported.
 */
class KnownThroughTest {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .environment("VITALS_TIMEZONE", "UTC")
            .catalog(CostCatalog.payments())
            .build();

    @Test
    void aReplayWithFewerDaysMovesTheKnownDayBackAndOtherAccountsKeepTheirs(VitalsPortal portal) {
        portal.moveClockOn(Duration.between(portal.clock().instant(), Instant.parse("2032-03-29T10:00:00Z")));

        importFile(portal, new FocusCsv().account("acct-a").billingMonth("2032-03")
                .usage("2032-03-01T00:00:00Z", "1", "checkout")
                .usage("2032-03-20T05:00:00Z", "1", "checkout"));
        assertEquals("2032-03-20", knownThrough(portal));

        // The same account and month again, reaching only the 5th: the 20th is gone with the rows it replaced.
        importFile(portal, new FocusCsv().account("acct-a").billingMonth("2032-03")
                .usage("2032-03-01T00:00:00Z", "1", "checkout")
                .usage("2032-03-05T23:00:00Z", "1", "checkout"));
        assertEquals("2032-03-05", knownThrough(portal));

        // Another account reaches the 7th, and a charge of the 30th is after today: neither replaces acct-a's.
        importFile(portal, new FocusCsv().account("acct-b").billingMonth("2032-03")
                .usage("2032-03-07T12:00:00Z", "1", "checkout")
                .usage("2032-03-30T00:00:00Z", "1", "checkout"));
        assertEquals("2032-03-07", knownThrough(portal));

        // acct-b again without the 7th: acct-a's 5th is the last known day once more.
        importFile(portal, new FocusCsv().account("acct-b").billingMonth("2032-03")
                .usage("2032-03-02T00:00:00Z", "1", "checkout"));
        assertEquals("2032-03-05", knownThrough(portal));
    }

    private static void importFile(VitalsPortal portal, FocusCsv csv) {
        portal.admin().send("POST", "/api/cost/imports", "text/csv", csv.text(), Map.of()).expect(201);
    }

    private static String knownThrough(VitalsPortal portal) {
        return portal.viewer().get("/api/cost/forecast").expect(200).json().get("knownThrough").asText();
    }
}
