package dev.vitals.api;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * The entry point of a Vitals plugin: one {@code @Extension} class per plugin jar implements it.
 *
 * <p>Every method has a default, so an empty implementation is a valid plugin and a capability added to this
 * interface later never breaks an existing plugin. The host reads the declarations ({@link #apiRoutes()},
 * {@link #pages()}, {@link #navigation()}, {@link #serviceTabs()}, {@link #jobs()}) once when it discovers the plugin,
 * before {@link #start}; their handlers are only invoked while the plugin is started, so they may use state that
 * {@code start} sets up.
 *
 * <p>Lifecycle: discovered → enabled? → migrated (Flyway scripts from {@code db/migration/<pluginId>/} in the jar, run
 * as the plugin's own database role into its own schema) → {@link #start} → serving. Disabling calls {@link #stop};
 * enabling again migrates and starts again. Every call into a plugin runs with the plugin's class loader as thread
 * context class loader, and an exception thrown from it marks only this plugin failed.
 */
public interface VitalsPlugin extends ExtensionPoint {

    /**
     * Called once the plugin's migrations have run. Keep the context: it is the plugin's only handle on the host.
     *
     * @param context the plugin's database, configuration, clock and signal publisher
     * @throws Exception any failure marks the plugin {@code FAILED} with the exception's message as reason
     */
    default void start(PluginContext context) throws Exception {
    }

    /** Called when an admin disables the plugin or the portal shuts down; release what {@link #start} acquired. */
    default void stop() {
    }

    /** JSON API routes, mounted under {@code /api/<pluginId>}. */
    default List<ApiRoute> apiRoutes() {
        return List.of();
    }

    /**
     * Routes that other systems call with their own proof of identity instead of a portal token, such as a signed
     * GitHub webhook. The handler must verify every request itself; see {@link WebhookRoute}. None by default, so a
     * plugin that declares none exposes nothing without sign-in.
     */
    default List<WebhookRoute> webhooks() {
        return List.of();
    }

    /**
     * Extra API-token scopes this plugin's routes use ({@link ApiRoute#scoped}), offered to admins when they make a
     * token. {@code <pluginId>:read} and {@code <pluginId>:write} exist without being declared.
     */
    default List<String> scopes() {
        return List.of();
    }

    /** HTML pages, mounted under {@code /p/<pluginId>} and wrapped in the portal's layout. */
    default List<PageRoute> pages() {
        return List.of();
    }

    /** Entries in the portal's top-level navigation. */
    default List<NavEntry> navigation() {
        return List.of();
    }

    /** Tabs this plugin contributes to every service page. */
    default List<ServiceTab> serviceTabs() {
        return List.of();
    }

    /** Panels this plugin contributes to every team page. */
    default List<Panel> teamPanels() {
        return List.of();
    }

    /** Panels this plugin contributes to every program page. */
    default List<Panel> programPanels() {
        return List.of();
    }

    /** Recurring jobs; each runs once per interval across all portal instances sharing the database. */
    default List<Job> jobs() {
        return List.of();
    }

    /**
     * Receives every signal another plugin publishes while this plugin is started.
     *
     * @param signal the published signal, already stored by the host
     * @throws Exception recorded against this plugin; the publisher is not affected
     */
    default void onSignal(Signal signal) throws Exception {
    }

    /**
     * Seeds demonstration data when the portal runs with {@code VITALS_DEMO=true}. Called after {@link #start} on every
     * start, so it must be idempotent (insert … on conflict do nothing).
     *
     * @param context the same context {@link #start} received
     * @throws Exception recorded against this plugin
     */
    default void seedDemoData(PluginContext context) throws Exception {
    }
}
