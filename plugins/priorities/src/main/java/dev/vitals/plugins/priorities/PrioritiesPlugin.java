package dev.vitals.plugins.priorities;

import dev.vitals.api.PluginContext;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.Setting;
import dev.vitals.api.VitalsPlugin;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * One prioritised backlog from themes to stories: scores that suggest, ranks that decide and a log of why, capacity
 * against targets, and items proposed from other plugins' signals. This class is only the factory.
 */
@Extension
public final class PrioritiesPlugin implements VitalsPlugin {

    @Override
    public Optional<String> displayName() {
        return Optional.of("Priorities");
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(PrioritiesSettings.SCORE, PrioritiesSettings.IMMEDIATE_TOLERANCE,
                PrioritiesSettings.TOP_THEMES);
    }

    @Override
    public RunningPlugin create(PluginContext context) {
        return new RunningPriorities(context);
    }
}
