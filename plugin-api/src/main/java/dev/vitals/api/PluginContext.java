package dev.vitals.api;

import java.time.Clock;
import java.time.ZoneId;
import org.jdbi.v3.core.Jdbi;

/**
 * What the host hands a plugin at {@link VitalsPlugin#create}. The plugin never sees the host's internals, only this.
 * The host implements it; new methods may be added in minor versions of the API.
 *
 * @since 1.0.0
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

    /**
     * @return the plugin's declared settings, checked and typed
     * @since 2.0.0
     */
    PluginSettings settings();

    /** The catalog: services, teams, systems, availability components, programs and their relations, read-only. */
    CatalogView catalog();

    /**
     * @return this plugin's signals to publish, and everyone's to read
     * @since 2.0.0
     */
    Signals signals();

    /**
     * @return named daily numbers per entity: this plugin's to publish, everyone's to read
     * @since 2.0.0
     */
    Measures measures();

    /**
     * @return builders for this plugin's page and API URLs
     * @since 2.0.0
     */
    PluginUrls urls();

    /**
     * Whether another plugin is running now, for a plugin that uses an optional dependency when it is there.
     *
     * @param pluginId the other plugin's id
     * @return true when it is started
     * @since 2.0.0
     */
    boolean isRunning(String pluginId);

    /** The clock to read time from; tests replace it, so never read the wall clock directly. */
    Clock clock();

    /** The organisation's time zone, in which day, week and month buckets are computed. */
    ZoneId orgTimeZone();
}
