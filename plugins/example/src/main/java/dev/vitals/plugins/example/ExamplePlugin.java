package dev.vitals.plugins.example;

import dev.vitals.api.PluginContext;
import dev.vitals.api.PluginDependency;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.Setting;
import dev.vitals.api.VitalsPlugin;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Notes on services, the plugin to read first. This class is only the factory: it declares what the host checks
 * before the start (the settings) and builds the running plugin from its context. Everything the plugin serves lives
 * in {@link RunningExample} and the small classes it wires; see this module's README.
 */
@Extension
public final class ExamplePlugin implements VitalsPlugin {

    @Override
    public Optional<String> displayName() {
        return Optional.of("Notes");
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(ExampleSettings.PUBLISH_EVERY);
    }

    /** The example works without the SLO plugin, and shows its verdicts on a service while it runs. */
    @Override
    public List<PluginDependency> dependencies() {
        return List.of(PluginDependency.optional(SloVerdicts.SLO_PLUGIN));
    }

    @Override
    public RunningPlugin create(PluginContext context) {
        return new RunningExample(context);
    }
}
