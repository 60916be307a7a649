package dev.vitals.plugins.example;

import dev.vitals.api.Setting;
import java.time.Duration;

/** The settings the example plugin declares; an admin sets them as {@code VITALS_EXAMPLE_<NAME>}. */
final class ExampleSettings {

    /** {@code VITALS_EXAMPLE_PUBLISH_EVERY=10m}: how often the note counts are published as signals. */
    static final Setting<Duration> PUBLISH_EVERY = Setting.duration("publish_every",
            "How often the number of notes per service is published as a signal").withDefault(Duration.ofMinutes(5));

    private ExampleSettings() {
    }
}
