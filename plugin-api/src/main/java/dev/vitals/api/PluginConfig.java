package dev.vitals.api;

import java.util.Optional;

/**
 * A plugin's configuration. Keys are given without prefix: for plugin {@code cost}, {@code get("CURRENCY")} reads
 * the environment variable {@code VITALS_COST_CURRENCY}.
 */
public interface PluginConfig {

    /**
     * @param key the key without the {@code VITALS_<PLUGINID>_} prefix, upper case
     * @return the configured value, or empty when it is not set
     */
    Optional<String> get(String key);
}
