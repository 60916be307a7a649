package dev.vitals.plugins.deploys;

import dev.vitals.api.PluginContext;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.Signals;
import dev.vitals.api.VitalsPlugin;

/** A plugin that serves nothing and only publishes the signals a test gives it, under its own id. */
final class SignalSource implements VitalsPlugin {

    private volatile Signals signals;

    @Override
    public RunningPlugin create(PluginContext context) {
        signals = context.signals();
        return new RunningPlugin() {
        };
    }

    Signals signals() {
        return signals;
    }
}
