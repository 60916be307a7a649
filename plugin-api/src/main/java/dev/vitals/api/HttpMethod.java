package dev.vitals.api;

/**
 * The HTTP methods a plugin API route can answer.
 *
 * @since 1.0.0
 */
public enum HttpMethod {
    /** Reads; must not change state. */
    GET,
    /** Creates or ingests. */
    POST,
    /** Replaces. */
    PUT,
    /** Changes part of a resource. */
    PATCH,
    /** Removes. */
    DELETE
}
