package dev.vitals.core.audit;

import java.util.Optional;

/**
 * Who made a change and from where.
 *
 * @param name a person's login or a token's name
 * @param address the client's network address, when the change came over the network
 */
public record Actor(String name, Optional<String> address) {

    /** The portal itself, for changes no person asked for. */
    public static final Actor SYSTEM = new Actor("system", Optional.empty());
}
