package dev.vitals.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Signals for one plugin: it publishes its own verdicts and reads anyone's. The host stamps the publishing plugin and
 * the time, keeps the latest signal per (plugin, subject, kind) and the history, and delivers each new signal to
 * every other running plugin's {@link RunningPlugin#onSignal}.
 *
 * @since 2.0.0
 */
public interface Signals {

    /**
     * Stores the signal as the latest for (this plugin, subject, kind), appends it to the history and delivers it.
     *
     * @param subject the entity the verdict is about
     * @param kind what the verdict is about, e.g. {@code error-budget}
     * @param status the verdict
     * @param summary one line a person can read
     * @param value the number behind the verdict, if any
     * @param link where to see the detail, if anywhere (build it with {@link PluginUrls})
     * @return the stored signal
     * @since 2.0.0
     */
    Signal publish(EntityRef subject, String kind, SignalStatus status, String summary, OptionalDouble value,
            Optional<String> link);

    /**
     * @param filter which signals
     * @return the latest signal of every (plugin, subject, kind) the filter matches, ordered by subject, plugin and
     *     kind; signals of plugins that are not running are included
     * @since 2.0.0
     */
    List<Signal> latest(SignalFilter filter);

    /**
     * @param filter which signals
     * @param from the earliest observation time, inclusive
     * @param to the latest observation time, exclusive
     * @param limit at most this many, the newest first
     * @return the matching signals published in the period, newest first
     * @throws IllegalArgumentException when the limit is not positive or the period is reversed
     * @since 2.0.0
     */
    List<Signal> history(SignalFilter filter, Instant from, Instant to, int limit);
}
