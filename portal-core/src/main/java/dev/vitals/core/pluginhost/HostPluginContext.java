package dev.vitals.core.pluginhost;

import dev.vitals.api.CatalogView;
import dev.vitals.api.PluginConfig;
import dev.vitals.api.PluginContext;
import dev.vitals.api.SignalPublisher;
import java.time.Clock;
import java.time.ZoneId;
import org.jdbi.v3.core.Jdbi;

/** The context one started plugin holds. */
record HostPluginContext(String pluginId, Jdbi jdbi, PluginConfig config, CatalogView catalog,
        SignalPublisher signals, Clock clock, ZoneId orgTimeZone) implements PluginContext {
}
