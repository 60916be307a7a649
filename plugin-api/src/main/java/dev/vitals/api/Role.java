package dev.vitals.api;

/**
 * Who may call a route. The host checks the caller's role before the plugin's handler runs; a route that declares
 * nothing needs {@link #VIEWER}.
 *
 * @since 1.0.0
 */
public enum Role {
    /** Everyone signed in. */
    VIEWER,
    /** An editor of the team that owns the data the route changes. */
    EDITOR,
    /** Portal administrators. */
    ADMIN
}
