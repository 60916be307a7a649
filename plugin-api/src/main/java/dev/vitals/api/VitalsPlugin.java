package dev.vitals.api;

import java.util.List;
import java.util.Optional;
import org.pf4j.ExtensionPoint;

/**
 * The entry point of a Vitals plugin: one {@code @Extension} class per plugin jar implements it. It is a factory: the
 * host reads what it declares ({@link #settings()}, {@link #dependencies()}, {@link #scopes()}) when it discovers the
 * plugin, and calls {@link #create} once the plugin's schema is migrated. {@link #create} builds the plugin's objects
 * from the context and returns them as a {@link RunningPlugin}, whose routes, pages and jobs are bound to those
 * objects: nothing a route uses is ever half built.
 *
 * <p>Lifecycle: discovered → enabled, allowed and its required dependencies started? → settings checked → migrated
 * (Flyway scripts from {@code db/migration/<pluginId>/} in the jar, run as the plugin's own database role into its
 * own schema) → {@link #create} → serving. Disabling calls {@link RunningPlugin#stop()} and drops the running plugin;
 * enabling again migrates and calls {@link #create} again. Every call into a plugin runs with the plugin's class loader
 * as thread context class loader, and an exception thrown from it marks only this plugin failed.
 *
 * @since 2.0.0
 */
public interface VitalsPlugin extends ExtensionPoint {

    /**
     * Builds the running plugin. Read settings here: a setting that cannot be read fails the start with its message.
     *
     * @param context the plugin's database, settings, catalog, signals, measures, URLs and clock
     * @return the running plugin, fully built
     * @throws Exception any failure marks the plugin {@code FAILED} with the exception's message as reason
     * @since 2.0.0
     */
    RunningPlugin create(PluginContext context) throws Exception;

    /**
     * The settings this plugin reads, with their types and defaults. The host checks every one before
     * {@link #create} (a required one unset, or a value of the wrong type, fails the start naming the setting) and
     * shows them on the plugin's admin page, secrets masked. A plugin can read only the settings it declares.
     *
     * @return the declared settings; none by default
     * @since 2.0.0
     */
    default List<Setting<?>> settings() {
        return List.of();
    }

    /**
     * Other plugins this one works with, by id. A plugin is not started while a required dependency is not started,
     * and its admin page says which; an optional one only changes what the plugin shows
     * ({@link PluginContext#isRunning}). Plugins never import each other's classes: they read each other's
     * signals, measures and the catalog.
     *
     * @return the dependencies; none by default
     * @since 2.0.0
     */
    default List<PluginDependency> dependencies() {
        return List.of();
    }

    /**
     * Extra API-token scopes this plugin's routes use ({@link ApiRoute#scoped}), offered to admins when they make a
     * token. {@code <pluginId>:read} and {@code <pluginId>:write} exist without being declared.
     *
     * @return the extra scopes; none by default
     * @since 2.0.0
     */
    default List<String> scopes() {
        return List.of();
    }

    /**
     * How pages and the API description name this plugin to people, e.g. "SLOs" as a column heading of the home
     * page's health grid and as the tag of its routes at {@code /api/docs}. Keep it short: a word or two.
     *
     * @return the name; empty to be named by the plugin's id
     * @since 2.1.0
     */
    default Optional<String> displayName() {
        return Optional.empty();
    }
}
