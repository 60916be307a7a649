package dev.vitals.api;

/**
 * An entry in the portal's top-level navigation. It disappears while its plugin is not started.
 *
 * @param label the text of the link
 * @param path the page it opens, below the plugin's page prefix ({@code /} opens {@code /p/<pluginId>/})
 * @since 1.0.0
 */
public record NavEntry(String label, String path) {
}
