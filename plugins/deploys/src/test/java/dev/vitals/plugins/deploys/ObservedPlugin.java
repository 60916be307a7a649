package dev.vitals.plugins.deploys;

import dev.vitals.api.PluginContext;
import dev.vitals.api.PluginDependency;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.Setting;
import dev.vitals.api.VitalsPlugin;
import java.util.List;

/**
 * The deploys plugin as the host runs it, with the context it was given and what it built kept for the test, so
 * tests drive the same objects the portal does without the plugin offering test-only accessors.
 */
final class ObservedPlugin implements VitalsPlugin {

    private final DeploysPlugin plugin = new DeploysPlugin();
    private volatile PluginContext context;
    private volatile RunningPlugin running;

    @Override
    public RunningPlugin create(PluginContext given) {
        context = given;
        running = plugin.create(given);
        return running;
    }

    @Override
    public List<Setting<?>> settings() {
        return plugin.settings();
    }

    @Override
    public List<PluginDependency> dependencies() {
        return plugin.dependencies();
    }

    @Override
    public List<String> scopes() {
        return plugin.scopes();
    }

    PluginContext context() {
        return context;
    }

    RunningPlugin running() {
        return running;
    }
}
