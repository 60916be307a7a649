package dev.vitals.api;

import java.util.Objects;
import java.util.Optional;

/**
 * Which signals to read with {@link Signals#latest} or {@link Signals#history}: by subject, by publishing plugin, by
 * kind, or any combination. An empty filter matches every signal.
 *
 * <pre>{@code
 * SignalFilter.any().plugin("slo").kind("error-budget")
 * SignalFilter.about(EntityRef.of("component", "billing-api"))
 * }</pre>
 *
 * @param subject only signals about this entity
 * @param plugin only signals this plugin published
 * @param kind only signals of this kind
 * @since 2.0.0
 */
public record SignalFilter(Optional<EntityRef> subject, Optional<String> plugin, Optional<String> kind) {

    /**
     * Checks the parts.
     *
     * @since 2.0.0
     */
    public SignalFilter {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * @return a filter that matches every signal
     * @since 2.0.0
     */
    public static SignalFilter any() {
        return new SignalFilter(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * @param subject the entity
     * @return a filter for the signals about it
     * @since 2.0.0
     */
    public static SignalFilter about(EntityRef subject) {
        return any().subject(subject);
    }

    /**
     * @param entity the entity
     * @return a copy that matches only signals about it
     * @since 2.0.0
     */
    public SignalFilter subject(EntityRef entity) {
        return new SignalFilter(Optional.of(entity), plugin, kind);
    }

    /**
     * @param pluginId the publishing plugin
     * @return a copy that matches only signals it published
     * @since 2.0.0
     */
    public SignalFilter plugin(String pluginId) {
        return new SignalFilter(subject, Optional.of(pluginId), kind);
    }

    /**
     * @param signalKind the kind, e.g. {@code error-budget}
     * @return a copy that matches only signals of that kind
     * @since 2.0.0
     */
    public SignalFilter kind(String signalKind) {
        return new SignalFilter(subject, plugin, Optional.of(signalKind));
    }
}
