package dev.vitals.core.pluginhost;

import java.util.List;

/**
 * How far the demo organisation is seeded.
 *
 * @param pending what is still to be seeded, in the order it will be: {@code catalog} for the demo catalog, else a
 *     plugin's id
 */
public record DemoProgress(List<String> pending) {

    public DemoProgress {
        pending = List.copyOf(pending);
    }

    /** True until everything is seeded. */
    public boolean loading() {
        return !pending.isEmpty();
    }
}
