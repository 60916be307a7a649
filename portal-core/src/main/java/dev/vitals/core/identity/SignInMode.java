package dev.vitals.core.identity;

/** How people prove who they are ({@code VITALS_AUTH}). */
public enum SignInMode {
    /** One bootstrap admin who signs in with the admin token: for a laptop or a trial. */
    DEV,
    /** An OpenID Connect provider, authorization code flow with PKCE. */
    OIDC,
    /** Headers set by an authenticating reverse proxy, believed only from allow-listed addresses. */
    PROXY
}
