package dev.vitals.plugins.example;

import dev.vitals.api.MeasurePoint;
import dev.vitals.api.Measures;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Publishes the number of notes per service as the daily measure {@code example.notes}, a series other plugins can
 * read by name ({@code measures.read("example.notes", service, from, to)}) and chart. Publishing a day again
 * replaces its value, so the job may run as often as it likes.
 */
final class NoteCountMeasures {

    /** A plugin publishes only measures named {@code <its id>.<what>}. */
    static final String NAME = "example.notes";

    private final Measures measures;
    private final Clock clock;
    private final ZoneId zone;

    NoteCountMeasures(Measures measures, Clock clock, ZoneId orgTimeZone) {
        this.measures = measures;
        this.clock = clock;
        this.zone = orgTimeZone;
    }

    void publish(List<NoteCount> counts) {
        // Days are the organisation's, not the server's.
        LocalDate today = LocalDate.now(clock.withZone(zone));
        measures.publish(counts.stream()
                .map(count -> new MeasurePoint(NAME, count.service(), today, BigDecimal.valueOf(count.notes())))
                .toList());
    }
}
