package ${package};

import dev.vitals.api.PluginUrls;
import dev.vitals.api.SignalStatus;
import dev.vitals.api.Signals;
import java.util.Optional;
import java.util.OptionalDouble;

/** The job that publishes, per service, a {@code greetings} signal the home page and other plugins read. */
final class GreetingCountSignals {

    static final String KIND = "greetings";

    private final Greetings greetings;
    private final Signals signals;
    private final PluginUrls urls;

    GreetingCountSignals(Greetings greetings, Signals signals, PluginUrls urls) {
        this.greetings = greetings;
        this.signals = signals;
        this.urls = urls;
    }

    void publish() {
        greetings.countsByService().forEach(count -> signals.publish(count.service(), KIND, SignalStatus.OK,
                count.greetings() + (count.greetings() == 1 ? " greeting" : " greetings"),
                OptionalDouble.of(count.greetings()), Optional.of(urls.page("/"))));
    }
}
