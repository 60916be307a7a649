package dev.vitals.api;

import java.util.Optional;
import java.util.OptionalDouble;

/** Publishes signals on behalf of one plugin; the host stamps the plugin id and the time. */
public interface SignalPublisher {

    /**
     * Stores the signal as the latest for (this plugin, subject, kind), appends it to the history and delivers it to
     * every other started plugin's {@link VitalsPlugin#onSignal}.
     *
     * @param subject an entity reference, e.g. {@code component:default/artist-lookup}
     * @param kind what the verdict is about
     * @param status the verdict
     * @param summary one line a person can read
     * @param value the number behind the verdict, if any
     * @param link where to see the detail, if anywhere
     * @return the stored signal
     */
    Signal publish(String subject, String kind, SignalStatus status, String summary, OptionalDouble value,
            Optional<String> link);
}
