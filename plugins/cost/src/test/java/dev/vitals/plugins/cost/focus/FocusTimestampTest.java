package dev.vitals.plugins.cost.focus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FocusTimestampTest {

    private static final Optional<Instant> SEPT_FIRST = Optional.of(Instant.parse("2024-09-01T00:00:00Z"));

    @Test
    void theFormsExportsWriteAreReadAsUtc() {
        assertEquals(SEPT_FIRST, FocusTimestamp.parse("2024-09-01 00:00:00"));
        assertEquals(SEPT_FIRST, FocusTimestamp.parse("2024-09-01T00:00:00Z"));
        assertEquals(SEPT_FIRST, FocusTimestamp.parse("2024-09-01T00:00:00"));
        assertEquals(SEPT_FIRST, FocusTimestamp.parse("2024-09-01T00:00:00.000Z"));
        assertEquals(SEPT_FIRST, FocusTimestamp.parse("2024-09-01T02:00:00+02:00"));
        assertEquals(SEPT_FIRST, FocusTimestamp.parse("2024-09-01"));
        assertEquals(SEPT_FIRST, FocusTimestamp.parse("9/1/24"));
        assertEquals(SEPT_FIRST, FocusTimestamp.parse("9/1/2024 0:00"));
        assertEquals(Optional.of(Instant.parse("2024-09-18T22:00:00Z")), FocusTimestamp.parse("2024-09-18 22:00:00"));
    }

    @Test
    void theCommonFormIsReadToTheSecondUpToTheLastDayOfAMonth() {
        assertEquals(Optional.of(Instant.parse("2024-02-29T23:59:59Z")), FocusTimestamp.parse("2024-02-29T23:59:59Z"));
        assertEquals(Optional.of(Instant.parse("2023-12-31T08:07:06Z")), FocusTimestamp.parse("2023-12-31 08:07:06"));
        assertEquals(SEPT_FIRST, FocusTimestamp.parse("2024-09-01t00:00:00z"));
    }

    @Test
    void textThatIsNoDateTimeIsRefused() {
        assertEquals(Optional.empty(), FocusTimestamp.parse("yesterday"));
        assertEquals(Optional.empty(), FocusTimestamp.parse("2024-13-01 00:00:00"));
        assertEquals(Optional.empty(), FocusTimestamp.parse("2024-09-01 25:00:00"));
        assertEquals(Optional.empty(), FocusTimestamp.parse("2024-09-01T00:60:00Z"));
        assertEquals(Optional.empty(), FocusTimestamp.parse("2024-0a-01T00:00:00Z"));
    }
}
