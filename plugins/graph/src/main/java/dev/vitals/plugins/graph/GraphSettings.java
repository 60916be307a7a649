package dev.vitals.plugins.graph;

import dev.vitals.api.Setting;
import java.time.Duration;
import java.util.List;

/** The plugin's settings, read from {@code VITALS_GRAPH_…}. */
final class GraphSettings {

    /** {@code VITALS_GRAPH_CHECK_EVERY}: how often the catalog's version is compared with the graph's. */
    static final Setting<Duration> CHECK_EVERY = Setting.duration("check_every", "How often the catalog's version "
            + "is checked and the graph rebuilt when it changed; reads check too").withDefault(Duration.ofMinutes(1));

    /** {@code VITALS_GRAPH_RULES_EVERY}: how often the dependency rules are checked and published as signals. */
    static final Setting<Duration> RULES_EVERY = Setting.duration("rules_every", "How often the dependency rules "
            + "(tier, lifecycle, cycles, SLO on much-depended services) are checked and published as signals")
            .withDefault(Duration.ofMinutes(5));

    /** {@code VITALS_GRAPH_MAX_DEPENDENTS_WITHOUT_SLO}: N of the rule "more than N dependent services need an SLO". */
    static final Setting<Long> MAX_DEPENDENTS_WITHOUT_SLO = Setting.integer("max_dependents_without_slo",
            "A service that more than this many services depend on, directly or transitively, gets a WARN signal "
                    + "while it has no SLO").withDefault(5L);

    /** {@code VITALS_GRAPH_MAP_BUDGET}: the most nodes the map draws one by one before it groups them. */
    static final Setting<Long> MAP_BUDGET = Setting.integer("map_budget", "The most nodes the dependency map draws "
            + "one by one; above it nodes are grouped by team or system, each group saying how many nodes and edges "
            + "it holds").withDefault(300L);

    private GraphSettings() {
    }

    static List<Setting<?>> all() {
        return List.of(CHECK_EVERY, RULES_EVERY, MAX_DEPENDENTS_WITHOUT_SLO, MAP_BUDGET);
    }
}
