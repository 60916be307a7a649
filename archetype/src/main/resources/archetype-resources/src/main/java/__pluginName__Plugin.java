package ${package};

import dev.vitals.api.PluginContext;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.Setting;
import dev.vitals.api.VitalsPlugin;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * The ${pluginId} plugin's factory: it declares what the portal checks before the start (the settings) and builds the
 * running plugin from its context once the plugin's schema is migrated.
 */
@Extension
public final class ${pluginName}Plugin implements VitalsPlugin {

    /** {@code VITALS_${pluginId.toUpperCase()}_GREETING}: the word every greeting starts with. */
    static final Setting<String> GREETING = Setting.string("greeting", "The word every greeting starts with")
            .withDefault("Hello");

    /** {@code VITALS_${pluginId.toUpperCase()}_PUBLISH_EVERY}: how often the greeting counts are published. */
    static final Setting<Duration> PUBLISH_EVERY = Setting.duration("publish_every",
            "How often the number of greetings per service is published as a signal").withDefault(Duration.ofMinutes(5));

    @Override
    public Optional<String> displayName() {
        return Optional.of("${pluginName}");
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(GREETING, PUBLISH_EVERY);
    }

    @Override
    public RunningPlugin create(PluginContext context) {
        return new Running${pluginName}(context);
    }
}
