package dev.vitals.web.admin;

import dev.vitals.core.pluginhost.SettingView;

/**
 * One setting of a plugin as its admin page shows it: where it comes from and its value, a secret's never.
 *
 * @param name the setting's name
 * @param environmentVariable the variable an admin sets, e.g. {@code VITALS_SLO_PROMETHEUS_URL}
 * @param type its type, lower case
 * @param description one line from the plugin
 * @param value what the page shows: the value, {@code default: x}, {@code not set}, or {@code set (hidden)} for a
 *     secret
 * @param required true when the plugin does not start without it
 * @param missing true when it is required and not set, the reason the plugin cannot start
 */
public record PluginSettingRow(String name, String environmentVariable, String type, String description, String value,
        boolean required, boolean missing) {

    static PluginSettingRow of(SettingView setting) {
        return new PluginSettingRow(setting.name(), setting.environmentVariable(), setting.type(),
                setting.description(), value(setting), setting.required(),
                setting.required() && setting.origin().equals("unset"));
    }

    /** The host masks secrets already; masked here again, so that no change there can put one on a page. */
    private static String value(SettingView setting) {
        return switch (setting.origin()) {
            case "environment" -> setting.secret() ? "set (hidden)" : setting.shown().orElse("");
            case "default" -> setting.secret() ? "default (hidden)" : "default: " + setting.shown().orElse("");
            default -> "not set";
        };
    }
}
