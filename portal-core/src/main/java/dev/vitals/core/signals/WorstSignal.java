package dev.vitals.core.signals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.api.SignalStatus;
import dev.vitals.core.Json;
import java.util.Map;
import java.util.Optional;

/**
 * One plugin's verdict on one subject as the home grid shows it: the worst of the plugin's latest signals about it.
 * {@code core.worst_signals} keeps one per plugin and subject, recomputed by a trigger whenever a latest signal
 * changes (migration V14), so the grid reads them instead of every signal.
 *
 * @param status the worst status; of equally bad signals, the one of the kind first in order
 * @param summary a lone signal's summary, or every signal's {@code kind: summary}, worst first, joined by {@code ; }
 * @param link the worst signal's link
 * @param signals how many latest signals the plugin has about the subject
 */
public record WorstSignal(SignalStatus status, String summary, Optional<String> link, int signals) {

    private static final ObjectMapper JSON = Json.mapper();
    private static final TypeReference<Map<String, WorstSignal>> BY_PLUGIN = new TypeReference<>() {
    };

    /** The cells of one row of {@code core.worst_signals}, by plugin id; empty for no row. */
    static Map<String, WorstSignal> byPlugin(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, BY_PLUGIN);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("core.worst_signals holds a row that is no map of cells: " + json, e);
        }
    }
}
