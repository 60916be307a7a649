package dev.vitals.plugins.deploys.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireTimeTest {

    @Test
    void commonFormsReadAsTheyAreWritten() {
        assertEquals(Instant.parse("2026-03-02T14:05:00Z"), WireTime.parse("2026-03-02T14:05:00Z"));
        assertEquals(Instant.parse("2026-03-02T14:05:00.250Z"), WireTime.parse("2026-03-02T15:05:00.25+01:00"));
        assertEquals(Instant.parse("2026-03-03T01:35:07.000000001Z"),
                WireTime.parse("2026-03-02T22:05:07.000000001-03:30"));
        assertEquals(Instant.parse("2024-02-29T23:59:59Z"), WireTime.parse("2024-03-01T17:59:59+18:00"));
    }

    @Test
    void everyFormReadsAsOffsetDateTimeReadsIt() {
        List<String> texts = List.of("2026-03-02T14:05:00Z", "2026-03-02T14:05Z", "2026-03-02t14:05:00z",
                "2026-03-02T14:05:00.123456789+05:45", "2026-03-02T14:05:00+01:00:30", "0001-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999-18:00", "2026-03-02T14:05:00-00:00", "2026-03-02T14:05:00.Z", "+12026-03-02T14:05:00Z");
        for (String text : texts) {
            assertEquals(OffsetDateTime.parse(text).toInstant(), WireTime.parse(text), text);
        }
    }

    @Test
    void whatOffsetDateTimeRefusesIsRefused() {
        List<String> texts = List.of("2026-02-29T10:00:00Z", "2026-13-01T10:00:00Z", "2026-03-02T24:00:00Z",
                "2026-03-02T14:60:00Z", "2026-03-02T14:05:60Z", "2026-03-02T14:05:00+19:00",
                "2026-03-02T14:05:00.1234567890Z", "2026-03-02T14:05:00", "2026-03-02 14:05:00Z",
                "2026-3-02T14:05:00Z", "yesterday");
        for (String text : texts) {
            assertThrows(DateTimeParseException.class, () -> OffsetDateTime.parse(text), text);
            assertThrows(DateTimeParseException.class, () -> WireTime.parse(text), text);
        }
    }
}
