package dev.vitals.core.pluginhost;

/**
 * A plugin another one declares it needs or can use, as the admin page shows it.
 *
 * @param pluginId the plugin depended on
 * @param required whether the dependent cannot run without it
 * @param state that plugin's state ({@code STARTED}, {@code DISABLED}, {@code FAILED}), or {@code absent}
 */
public record DependencyView(String pluginId, boolean required, String state) {
}
