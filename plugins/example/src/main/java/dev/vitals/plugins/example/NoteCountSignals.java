package dev.vitals.plugins.example;

import dev.vitals.api.PluginUrls;
import dev.vitals.api.SignalStatus;
import dev.vitals.api.Signals;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Publishes how many notes each service has, as a {@code notes} signal that the home page and other plugins read.
 * The note-count job runs it; so does the demo seed, so the demo shows signals at once.
 */
final class NoteCountSignals {

    /** The signal's kind: other plugins read it with {@code SignalFilter.any().plugin("example").kind("notes")}. */
    static final String KIND = "notes";

    private final Signals signals;
    private final PluginUrls urls;

    NoteCountSignals(Signals signals, PluginUrls urls) {
        this.signals = signals;
        this.urls = urls;
    }

    void publish(List<NoteCount> counts) {
        counts.forEach(count -> signals.publish(count.service(), KIND, SignalStatus.OK,
                count.notes() + (count.notes() == 1 ? " note" : " notes"), OptionalDouble.of(count.notes()),
                Optional.of(urls.page("/"))));
    }
}
