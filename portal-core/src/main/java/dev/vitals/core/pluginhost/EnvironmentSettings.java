package dev.vitals.core.pluginhost;

import dev.vitals.api.PluginSettings;
import dev.vitals.api.Setting;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A plugin's declared settings, read from the environment variables {@code VITALS_<ID>_<NAME>}. The host checks them
 * all before the plugin's factory runs, so a plugin never starts on a value it cannot use.
 */
final class EnvironmentSettings implements PluginSettings {

    private static final String HIDDEN = "set (hidden)";
    private final String pluginId;
    private final List<Setting<?>> declared;
    private final Map<String, String> environment;

    EnvironmentSettings(String pluginId, List<Setting<?>> declared, Map<String, String> environment) {
        this.pluginId = pluginId;
        this.declared = List.copyOf(declared);
        this.environment = environment;
    }

    /** Why the plugin cannot start with these values: the first required setting unset, or value that won't parse. */
    Optional<String> problem() {
        for (Setting<?> setting : declared) {
            Optional<String> raw = raw(setting);
            if (raw.isEmpty()) {
                if (setting.isRequired()) {
                    return Optional.of("setting " + setting.name() + " (" + setting.environmentVariable(pluginId)
                            + ") is required: " + setting.description());
                }
                continue;
            }
            try {
                setting.parse(raw.get());
            } catch (IllegalArgumentException e) {
                // Setting.parse leaves a secret's value out of its message.
                return Optional.of(e.getMessage() + " (" + setting.environmentVariable(pluginId) + ")");
            }
        }
        return Optional.empty();
    }

    /**
     * A variable under the plugin's prefix that no declared setting reads: a misspelt name would otherwise leave the
     * plugin running on a default, or without the secret the admin meant to give it.
     *
     * @param pluginIds every discovered plugin's id, so that {@code VITALS_SLO_X_…} counts as plugin {@code slo_x}'s
     *     and not as an unknown setting {@code x_…} of plugin {@code slo}
     * @return the first such variable, named with the settings the plugin has; empty when there is none
     */
    Optional<String> undeclared(Collection<String> pluginIds) {
        String prefix = prefix(pluginId);
        Set<String> read = declared.stream().map(s -> s.environmentVariable(pluginId)).collect(Collectors.toSet());
        return environment.keySet().stream()
                .filter(name -> name.startsWith(prefix) && !read.contains(name))
                .filter(name -> pluginIds.stream().filter(other -> !other.equals(pluginId))
                        .noneMatch(other -> prefix(other).startsWith(prefix) && name.startsWith(prefix(other))))
                .sorted()
                .findFirst()
                .map(name -> name + " is set, but plugin " + pluginId + " has no setting "
                        + name.substring(prefix.length()).toLowerCase(Locale.ROOT) + " (its settings: "
                        + (declared.isEmpty() ? "none" : declared.stream().map(Setting::name)
                                .collect(Collectors.joining(", "))) + ")");
    }

    private static String prefix(String id) {
        return "VITALS_" + id.toUpperCase(Locale.ROOT) + "_";
    }

    @Override
    public <T> T get(Setting<T> setting) {
        return find(setting).orElseThrow(() -> new IllegalArgumentException("setting " + setting.name() + " of plugin "
                + pluginId + " has no value and no default: read it with find, or give it a default"));
    }

    @Override
    public <T> Optional<T> find(Setting<T> setting) {
        if (declared.stream().noneMatch(d -> d.name().equals(setting.name()))) {
            throw new IllegalArgumentException("plugin " + pluginId + " did not declare setting " + setting.name()
                    + ": add it to its settings()");
        }
        Optional<String> raw = raw(setting);
        return raw.isPresent() ? Optional.of(setting.parse(raw.get())) : setting.defaultValue();
    }

    /** Every declared setting as the admin page shows it, a secret's value never among them. */
    List<SettingView> views() {
        return declared.stream().map(this::view).toList();
    }

    private SettingView view(Setting<?> setting) {
        Optional<String> raw = raw(setting);
        String origin = raw.isPresent() ? "environment" : setting.defaultValue().isPresent() ? "default" : "unset";
        Optional<String> shown = raw.isPresent() ? raw : setting.defaultValue().map(String::valueOf);
        if (setting.isSecret()) {
            shown = shown.map(v -> HIDDEN);
        }
        return new SettingView(setting.name(), setting.environmentVariable(pluginId),
                setting.type().name().toLowerCase(Locale.ROOT), setting.description(), setting.isSecret(),
                setting.isRequired(), shown, origin);
    }

    /** A variable set to blanks counts as unset, as for the host's own variables. */
    private Optional<String> raw(Setting<?> setting) {
        return Optional.ofNullable(environment.get(setting.environmentVariable(pluginId))).filter(v -> !v.isBlank());
    }
}
