package dev.vitals.core.pluginhost;

import dev.vitals.api.EntityRef;
import dev.vitals.api.Signal;
import dev.vitals.api.SignalFilter;
import dev.vitals.api.SignalStatus;
import dev.vitals.api.SignalVerdict;
import dev.vitals.api.Signals;
import dev.vitals.core.signals.SignalStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/** One plugin's door to the signals: it publishes under its own id and reads everyone's. */
final class PluginSignals implements Signals {

    private final String pluginId;
    private final SignalStore store;
    private final Clock clock;
    private final Consumer<Signal> delivery;

    PluginSignals(String pluginId, SignalStore store, Clock clock, Consumer<Signal> delivery) {
        this.pluginId = pluginId;
        this.store = store;
        this.clock = clock;
        this.delivery = delivery;
    }

    @Override
    public Signal publish(EntityRef subject, String kind, SignalStatus status, String summary, OptionalDouble value,
            Optional<String> link) {
        Signal signal = new Signal(pluginId, subject, kind, status, summary, value, link, clock.instant());
        store.save(signal);
        delivery.accept(signal);
        return signal;
    }

    @Override
    public List<Signal> publishAll(List<SignalVerdict> verdicts) {
        Instant now = clock.instant();
        List<Signal> signals = verdicts.stream().map(v -> new Signal(pluginId, v.subject(), v.kind(), v.status(),
                v.summary(), v.value(), v.link(), now)).toList();
        store.saveAll(signals);
        signals.forEach(delivery);
        return signals;
    }

    @Override
    public Signal publishPast(EntityRef subject, String kind, SignalStatus status, String summary,
            OptionalDouble value, Optional<String> link, Instant observedAt) {
        if (observedAt.isAfter(clock.instant())) {
            throw new IllegalArgumentException("observedAt " + observedAt + " is in the future; publish a current"
                    + " verdict with publish");
        }
        Signal signal = new Signal(pluginId, subject, kind, status, summary, value, link, observedAt);
        store.appendToHistory(signal);
        return signal;
    }

    @Override
    public List<Signal> latest(SignalFilter filter) {
        return store.latest(filter);
    }

    @Override
    public List<Signal> history(SignalFilter filter, Instant from, Instant to, int limit) {
        return store.history(filter, from, to, limit);
    }
}
