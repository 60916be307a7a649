package dev.vitals.core.pluginhost;

import java.util.Optional;

/**
 * One declared setting of a plugin as the admin page shows it: what it is, where its value comes from, and the value
 * itself only when it is not secret.
 *
 * @param name the setting's name
 * @param environmentVariable the variable that sets it, e.g. {@code VITALS_SLO_RETENTION}
 * @param type {@code string}, {@code integer}, {@code decimal}, {@code boolean}, {@code duration} or {@code url}
 * @param description what it does
 * @param secret whether its value is hidden
 * @param required whether the plugin cannot start without it
 * @param shown the value as text; for a secret {@code set (hidden)} when set; empty when unset without default
 * @param origin {@code environment}, {@code default} or {@code unset}
 */
public record SettingView(String name, String environmentVariable, String type, String description, boolean secret,
        boolean required, Optional<String> shown, String origin) {
}
