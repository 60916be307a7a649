package dev.vitals.api.ui;

import static dev.vitals.api.ui.Rendered.html;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AsOfTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aMomentShowsInTheOrganisationsZoneInsideATimeElementWithTheExactInstant() {
        assertEquals("<time datetime=\"2026-12-06T03:21:43Z\">6 Dec 2026, 04:21 CET</time>",
                html(AsOf.of(Instant.parse("2026-12-06T03:21:43.238562Z"), BERLIN)));
    }

    @Test
    void summerTimeShowsTheSummerOffsetAndName() {
        AsOf summer = AsOf.of(Instant.parse("2026-07-01T22:30:00Z"), BERLIN);

        assertEquals("2 Jul 2026, 00:30 CEST", summer.text());
    }

    @Test
    void theNightTheClocksGoForwardSkipsAnHour() {
        // 29 March 2026, 02:00 CET does not exist in Berlin: 01:59 CET is followed by 03:00 CEST.
        assertEquals("29 Mar 2026, 01:59 CET", AsOf.of(Instant.parse("2026-03-29T00:59:00Z"), BERLIN).text());
        assertEquals("29 Mar 2026, 03:00 CEST", AsOf.of(Instant.parse("2026-03-29T01:00:00Z"), BERLIN).text());
    }

    @Test
    void utcIsNamedUtcWhetherGivenAsZoneOrOffset() {
        Instant instant = Instant.parse("2026-12-06T09:21:43Z");

        assertEquals("6 Dec 2026, 09:21 UTC", AsOf.of(instant, ZoneId.of("UTC")).text());
        assertEquals("6 Dec 2026, 09:21 UTC", AsOf.of(instant, ZoneOffset.UTC).text());
    }
}
