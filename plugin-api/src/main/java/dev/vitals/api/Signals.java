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
     * Publishes many verdicts at once, each exactly as {@link #publish} would: the latest for (this plugin, subject,
     * kind), appended to the history and delivered. The host stores them in one transaction, so a plugin that
     * recomputes the verdicts of a thousand services pays for one commit instead of a thousand. Delivery follows the
     * commit, in the order given. When a (subject, kind) appears more than once, each joins the history and the last
     * one is the latest.
     *
     * @param verdicts the verdicts, in the order they are delivered
     * @return the stored signals, in the same order
     * @since 2.1.0
     */
    default List<Signal> publishAll(List<SignalVerdict> verdicts) {
        return verdicts.stream().map(v -> publish(v.subject(), v.kind(), v.status(), v.summary(), v.value(), v.link()))
                .toList();
    }

    /**
     * Appends a verdict as it stood at a past moment to the history, for history a plugin reconstructs from its own
     * data, e.g. from its demonstration data or after a backfill, so that charts of the past (a team's health over 90
     * days) show it. The latest signal of (this plugin, subject, kind) stays as it is, and nothing is delivered to
     * other plugins: a past verdict is news to no one.
     *
     * @param subject the entity the verdict is about
     * @param kind what the verdict is about
     * @param status the verdict as it stood then
     * @param summary one line a person can read
     * @param value the number behind the verdict, if any
     * @param link where to see the detail, if anywhere
     * @param observedAt the moment the verdict describes, not after now
     * @return the stored signal
     * @throws IllegalArgumentException when {@code observedAt} is in the future
     * @throws UnsupportedOperationException when the host keeps no past verdicts (a host before API 2.1.0)
     * @since 2.1.0
     */
    default Signal publishPast(EntityRef subject, String kind, SignalStatus status, String summary,
            OptionalDouble value, Optional<String> link, Instant observedAt) {
        throw new UnsupportedOperationException("this host keeps no past signals");
    }

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
