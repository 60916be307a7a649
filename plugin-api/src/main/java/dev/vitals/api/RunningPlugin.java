package dev.vitals.api;

import java.util.List;
import java.util.Optional;

/**
 * A started plugin, as {@link VitalsPlugin#create} returns it: what it serves and what it runs, bound to objects that
 * are already built. The host reads the lists once, right after {@link VitalsPlugin#create}, and mounts them until
 * {@link #stop()}; a route that clashes with another or cannot be parsed fails the plugin's start.
 *
 * <p>Every method has a default, so a plugin implements only what it offers, and a capability added here later
 * never breaks an existing plugin.
 *
 * @since 2.0.0
 */
public interface RunningPlugin {

    /**
     * JSON API routes, mounted under {@code /api/<pluginId>}.
     *
     * @return the routes; none by default
     * @since 2.0.0
     */
    default List<ApiRoute> apiRoutes() {
        return List.of();
    }

    /**
     * Routes that other systems call with their own proof of identity instead of a portal token, such as a signed
     * GitHub webhook. The handler must verify every request itself; see {@link WebhookRoute}.
     *
     * @return the webhooks; none by default, so a plugin that declares none exposes nothing without sign-in
     * @since 2.0.0
     */
    default List<WebhookRoute> webhooks() {
        return List.of();
    }

    /**
     * HTML pages, mounted under {@code /p/<pluginId>} and wrapped in the portal's layout.
     *
     * @return the pages; none by default
     * @since 2.0.0
     */
    default List<PageRoute> pages() {
        return List.of();
    }

    /**
     * Entries in the portal's top-level navigation.
     *
     * @return the entries; none by default
     * @since 2.0.0
     */
    default List<NavEntry> navigation() {
        return List.of();
    }

    /**
     * Tabs this plugin contributes to every service page.
     *
     * @return the tabs; none by default
     * @since 2.0.0
     */
    default List<ServiceTab> serviceTabs() {
        return List.of();
    }

    /**
     * Panels this plugin contributes to every team page.
     *
     * @return the panels; none by default
     * @since 2.0.0
     */
    default List<Panel> teamPanels() {
        return List.of();
    }

    /**
     * Panels this plugin contributes to every program page.
     *
     * @return the panels; none by default
     * @since 2.0.0
     */
    default List<Panel> programPanels() {
        return List.of();
    }

    /**
     * Recurring jobs; each runs once per interval across all portal instances sharing the database.
     *
     * @return the jobs; none by default
     * @since 2.0.0
     */
    default List<Job> jobs() {
        return List.of();
    }

    /**
     * The importer behind {@code java -jar vitals.jar import <pluginId> FILE…}, for a plugin that takes files on the
     * command line too (see {@link FileImporter}).
     *
     * @return the importer; none by default, and the command then says the plugin imports no files
     * @since 2.1.0
     */
    default Optional<FileImporter> fileImporter() {
        return Optional.empty();
    }

    /**
     * Receives every signal another plugin publishes while this plugin runs. To read signals published before, or
     * by plugins started later, use {@link Signals#latest} and {@link Signals#history}.
     *
     * @param signal the published signal, already stored by the host
     * @throws Exception recorded against this plugin; the publisher is not affected
     * @since 2.0.0
     */
    default void onSignal(Signal signal) throws Exception {
    }

    /**
     * Seeds demonstration data when the portal runs with {@code --demo}. Called after {@link VitalsPlugin#create} on
     * every start, so it must be idempotent (insert … on conflict do nothing). It runs on the portal's demo thread
     * once the portal serves, after the demo catalog and the plugins started before, so the plugin's routes and jobs
     * already run alongside it.
     *
     * @throws Exception recorded against this plugin
     * @since 2.0.0
     */
    default void seedDemoData() throws Exception {
    }

    /**
     * Called when an admin disables the plugin, a required dependency stops, or the portal shuts down: release what
     * {@link VitalsPlugin#create} acquired. The host closes the plugin's connection pool afterwards.
     *
     * @since 2.0.0
     */
    default void stop() {
    }
}
