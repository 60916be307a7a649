package dev.vitals.plugins.graph.map;

import dev.vitals.api.EntityRef;
import dev.vitals.api.Signal;
import dev.vitals.api.SignalFilter;
import dev.vitals.api.SignalStatus;
import dev.vitals.api.Signals;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** A node's health on the map: the worst of the latest signals about it, whichever plugin published them. */
public final class NodeHealth {

    private final Signals signals;

    /** @param signals the portal's signals */
    public NodeHealth(Signals signals) {
        this.signals = signals;
    }

    /** @return per entity its worst latest signal, read once for the whole map */
    public Function<EntityRef, Optional<SignalStatus>> now() {
        Map<EntityRef, SignalStatus> worst = new HashMap<>();
        for (Signal signal : signals.latest(SignalFilter.any())) {
            // SignalStatus runs from best to worst, so the worst of several is the greatest.
            worst.merge(signal.subject(), signal.status(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
        return ref -> Optional.ofNullable(worst.get(ref));
    }
}
