package dev.vitals.plugins.graph.model;

import dev.vitals.api.EntityRef;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One entity of the graph.
 *
 * @param ref its reference
 * @param missing true when something refers to it but the catalog does not have it: a dangling reference, kept
 * @param owner its owning team, when the catalog names one
 * @param lifecycle e.g. {@code production}, {@code experimental}, {@code deprecated}
 * @param tier the annotation {@code vitals.dev/tier} as a number, when it is one
 */
public record Node(EntityRef ref, boolean missing, Optional<EntityRef> owner, Optional<String> lifecycle,
        OptionalInt tier) {

    /** @param ref a reference nothing more is known of @return a node marked missing */
    public static Node missing(EntityRef ref) {
        return new Node(ref, true, Optional.empty(), Optional.empty(), OptionalInt.empty());
    }

    /** @param ref a reference the catalog has, without details @return a known node */
    public static Node known(EntityRef ref) {
        return new Node(ref, false, Optional.empty(), Optional.empty(), OptionalInt.empty());
    }

    /** @return true for a service (a catalog Component) */
    public boolean isService() {
        return ref.kind().equals("component");
    }
}
