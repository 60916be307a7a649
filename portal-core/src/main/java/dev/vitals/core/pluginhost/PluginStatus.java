package dev.vitals.core.pluginhost;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A plugin as the admin page and {@code /api/health} show it.
 *
 * @param id the plugin id
 * @param version the plugin's own version
 * @param description one line from the plugin's descriptor
 * @param state its state
 * @param reason why it is {@code FAILED} or {@code DISABLED}
 * @param lastError the last exception thrown by its code while started, with when
 * @param settings the settings it declares, where each value comes from, secrets hidden
 * @param dependencies the plugins it declares it needs or can use, with their states now
 */
public record PluginStatus(String id, String version, String description, PluginState state, Optional<String> reason,
        Optional<RecordedError> lastError, List<SettingView> settings, List<DependencyView> dependencies) {

    /**
     * An exception recorded against a plugin.
     *
     * @param at when
     * @param during what the host was calling: {@code start}, {@code route GET /api/x/y}, {@code job x}…
     * @param message the exception's message
     */
    public record RecordedError(Instant at, String during, String message) {
    }
}
