package dev.vitals.api;

import java.util.Optional;

/**
 * A plugin's settings, read typed. The host checked every declared setting before {@link VitalsPlugin#create}, so
 * reading one here does not fail on a bad value.
 *
 * @since 2.0.0
 */
public interface PluginSettings {

    /**
     * @param setting one of the plugin's {@link VitalsPlugin#settings()}
     * @param <T> its type
     * @return its value, or its default when not set
     * @throws IllegalArgumentException when the plugin did not declare it, or it has neither value nor default (read
     *     such an optional setting with {@link #find})
     * @since 2.0.0
     */
    <T> T get(Setting<T> setting);

    /**
     * @param setting one of the plugin's {@link VitalsPlugin#settings()}
     * @param <T> its type
     * @return its value, or its default, or empty when it has neither
     * @throws IllegalArgumentException when the plugin did not declare it
     * @since 2.0.0
     */
    <T> Optional<T> find(Setting<T> setting);
}
