package dev.vitals.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A plugin's verdict on one subject. The host keeps the latest signal per (plugin, subject, kind) and the history.
 *
 * @param plugin the id of the plugin that published it; set by the host
 * @param subject the entity the verdict is about (an {@link EntityRef} since 2.0.0)
 * @param kind what the verdict is about, e.g. {@code error-budget} or {@code deploy-frequency}
 * @param status the verdict
 * @param summary one line a person can read, e.g. {@code "42 % of the error budget left"}
 * @param value the number behind the verdict, if there is one
 * @param link where to see the detail, if anywhere
 * @param observedAt when the verdict was made
 * @since 1.0.0
 */
public record Signal(
        String plugin,
        EntityRef subject,
        String kind,
        SignalStatus status,
        String summary,
        OptionalDouble value,
        Optional<String> link,
        Instant observedAt) {

    /**
     * Checks the required parts.
     *
     * @since 2.0.0
     */
    public Signal {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(observedAt, "observedAt");
    }
}
