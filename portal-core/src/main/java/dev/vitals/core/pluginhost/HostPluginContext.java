package dev.vitals.core.pluginhost;

import dev.vitals.api.CatalogView;
import dev.vitals.api.Measures;
import dev.vitals.api.PluginContext;
import dev.vitals.api.PluginSettings;
import dev.vitals.api.PluginUrls;
import dev.vitals.api.Signals;
import java.time.Clock;
import java.time.ZoneId;
import java.util.function.Predicate;
import org.jdbi.v3.core.Jdbi;

/** The context one plugin's factory receives at start. */
record HostPluginContext(String pluginId, Jdbi jdbi, PluginSettings settings, CatalogView catalog, Signals signals,
        Measures measures, PluginUrls urls, Predicate<String> running, Clock clock, ZoneId orgTimeZone)
        implements PluginContext {

    @Override
    public boolean isRunning(String otherPluginId) {
        return running.test(otherPluginId);
    }
}
