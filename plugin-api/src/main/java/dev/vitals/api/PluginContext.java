package dev.vitals.api;

import java.time.Clock;
import java.time.ZoneId;
import org.jdbi.v3.core.Jdbi;

/**
 * What the host hands a plugin at {@link VitalsPlugin#start}. The plugin never sees the host's internals, only this.
 * The host implements it; new methods may be added in minor versions of the API.
 */
public interface PluginContext {

    /** The plugin's id, which is also the name of its schema and the prefix of its URLs. */
    String pluginId();

    /**
     * Jdbi bound to the plugin's own small connection pool. Its connections log in as role {@code vitals_<pluginId>}
     * with {@code search_path} set to the plugin's schema; they cannot read or write another plugin's schema or the
     * host's.
     */
    Jdbi jdbi();

    /** The plugin's configuration: environment variables {@code VITALS_<PLUGINID>_*}. */
    PluginConfig config();

    /** The catalog: services, teams, systems, availability components and programs, read-only. */
    CatalogView catalog();

    /** Publishes this plugin's verdicts on services, teams and programs. */
    SignalPublisher signals();

    /** The clock to read time from; tests replace it, so never read the wall clock directly. */
    Clock clock();

    /** The organisation's time zone, in which day, week and month buckets are computed. */
    ZoneId orgTimeZone();
}
