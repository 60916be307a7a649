package dev.vitals.plugins.example;

import dev.vitals.api.EntityRef;
import dev.vitals.api.PluginContext;
import dev.vitals.api.Signal;
import dev.vitals.api.SignalFilter;
import java.util.List;

/**
 * The SLO plugin's latest verdicts on a service, shown beside its notes. The SLO plugin is an optional dependency:
 * the example never imports its classes, it reads the signals it publishes, and only while it runs.
 */
final class SloVerdicts {

    static final String SLO_PLUGIN = "slo";

    private final PluginContext context;

    SloVerdicts(PluginContext context) {
        this.context = context;
    }

    List<Signal> about(EntityRef service) {
        if (!context.isRunning(SLO_PLUGIN)) {
            return List.of();
        }
        return context.signals().latest(SignalFilter.about(service).plugin(SLO_PLUGIN));
    }
}
