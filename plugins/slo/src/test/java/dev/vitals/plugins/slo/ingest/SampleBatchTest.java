package dev.vitals.plugins.slo.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.plugins.slo.objectives.BudgetingMethod;
import dev.vitals.plugins.slo.objectives.Slo;
import dev.vitals.plugins.slo.objectives.SloWindow;
import dev.vitals.plugins.slo.samples.Sample;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SampleBatchTest {

    private static final Instant NOW = Instant.parse("2026-11-01T10:00:30Z");
    private static final Slo EVENTS = new Slo("api", Optional.of("billing-api"), Optional.empty(), Optional.empty(),
            new BigDecimal("0.999"), SloWindow.ROLLING_30D, BudgetingMethod.OCCURRENCES, Optional.empty(),
            Optional.empty(), NOW);
    private static final Slo LATENCY = new Slo("latency", Optional.of("billing-api"), Optional.empty(),
            Optional.empty(), new BigDecimal("0.99"), SloWindow.ROLLING_7D, BudgetingMethod.TIMESLICES,
            Optional.of(new BigDecimal("300")),
            Optional.empty(), NOW);
    private static final Map<String, Slo> KNOWN = Map.of("api", EVENTS, "latency", LATENCY);

    private static List<String> errors(SampleRow... rows) {
        ProblemException e = assertThrows(ProblemException.class,
                () -> SampleBatch.validate(List.of(rows), KNOWN, NOW));
        assertEquals(422, e.status());
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void validRowsOfBothMethodsPass() {
        List<Sample> samples = SampleBatch.validate(List.of(
                new SampleRow("api", "2026-11-01T10:04:00Z", 991L, 1000L, null),
                new SampleRow("latency", "2026-11-01T09:00:00Z", null, null, 280.5)), KNOWN, NOW);
        assertEquals(List.of(new Sample("api", Instant.parse("2026-11-01T10:04:00Z"), 991L, 1000L, null),
                new Sample("latency", Instant.parse("2026-11-01T09:00:00Z"), null, null, 280.5)), samples);
    }

    @Test
    void moreGoodThanTotalIsRefusedNamingRowAndField() {
        assertEquals(List.of("[1].good"), errors(new SampleRow("api", "2026-11-01T09:00:00Z", 1L, 1L, null),
                new SampleRow("api", "2026-11-01T09:01:00Z", 11L, 10L, null)));
    }

    @Test
    void negativeNumbersAreRefused() {
        assertEquals(List.of("[0].good", "[1].total", "[2].value"), errors(
                new SampleRow("api", "2026-11-01T09:00:00Z", -1L, 10L, null),
                new SampleRow("api", "2026-11-01T09:01:00Z", 0L, -5L, null),
                new SampleRow("latency", "2026-11-01T09:01:00Z", null, null, -0.5)));
    }

    @Test
    void aMinuteOffTheBoundaryOrMoreThanFiveMinutesAheadIsRefused() {
        assertEquals(List.of("[0].minute", "[1].minute", "[3].minute"), errors(
                new SampleRow("api", "2026-11-01T09:00:30Z", 1L, 1L, null),
                new SampleRow("api", "2026-11-01T10:06:00Z", 1L, 1L, null),
                // 10:05 is 4.5 minutes after 10:00:30 and allowed
                new SampleRow("api", "2026-11-01T10:05:00Z", 1L, 1L, null),
                new SampleRow("api", "yesterday", 1L, 1L, null)));
    }

    @Test
    void anUnknownSloIsRefused() {
        assertEquals(List.of("[0].slo", "[1].slo"), errors(new SampleRow("nope", "2026-11-01T09:00:00Z", 1L, 1L, null),
                new SampleRow(null, "2026-11-01T09:00:00Z", 1L, 1L, null)));
    }

    @Test
    void rowsMustCarryTheNumbersOfTheirSlosMethod() {
        assertEquals(List.of("[0].total", "[0].value", "[1].value", "[1].good"), errors(
                new SampleRow("api", "2026-11-01T09:00:00Z", 1L, null, 3.0),
                new SampleRow("latency", "2026-11-01T09:00:00Z", 1L, 1L, null)));
    }
}
