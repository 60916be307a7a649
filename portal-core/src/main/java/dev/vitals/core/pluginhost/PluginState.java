package dev.vitals.core.pluginhost;

/** Where a plugin is in its lifecycle, as admins see it. */
public enum PluginState {
    /** Not running: not allowed by this deployment, or switched off by an admin. Its data stays. */
    DISABLED,
    /** Refused or broken; the status carries the reason. */
    FAILED,
    /** Migrated, started and serving. */
    STARTED
}
