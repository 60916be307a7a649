package dev.vitals.api;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A verdict a plugin is about to publish with {@link Signals#publishAll}: a {@link Signal} before the host stamps
 * the publishing plugin and the time. Every part is required (an absent value or link is an empty Optional): a verdict
 * with a part missing is refused when published, as {@link Signal}'s constructor refuses it.
 *
 * @param subject the entity the verdict is about
 * @param kind what the verdict is about, e.g. {@code error-budget}
 * @param status the verdict
 * @param summary one line a person can read
 * @param value the number behind the verdict, if any
 * @param link where to see the detail, if anywhere (build it with {@link PluginUrls})
 * @since 2.1.0
 */
public record SignalVerdict(
        EntityRef subject,
        String kind,
        SignalStatus status,
        String summary,
        OptionalDouble value,
        Optional<String> link) {
}
