package dev.vitals.api;

/**
 * A signal's verdict, ordered from best to worst so that the worst of several is the maximum.
 *
 * @since 1.0.0
 */
public enum SignalStatus {
    /** Healthy. */
    OK,
    /** The plugin cannot tell: no data, or data too old. */
    UNKNOWN,
    /** Needs attention soon. */
    WARN,
    /** Needs attention now. */
    CRITICAL
}
