package dev.vitals.plugins.graph;

import dev.vitals.api.Setting;
import java.time.Duration;
import java.util.List;

/** The plugin's settings, read from {@code VITALS_GRAPH_…}. */
final class GraphSettings {

    /** {@code VITALS_GRAPH_CHECK_EVERY}: how often the catalog's version is compared with the graph's. */
    static final Setting<Duration> CHECK_EVERY = Setting.duration("check_every", "How often the catalog's version "
            + "is checked and the graph rebuilt when it changed; reads check too").withDefault(Duration.ofMinutes(1));

    private GraphSettings() {
    }

    static List<Setting<?>> all() {
        return List.of(CHECK_EVERY);
    }
}
