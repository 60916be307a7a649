package dev.vitals.plugins.cost.allocation;

import dev.vitals.api.CatalogEntity;
import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalog as cost sees it: each service's team, and the programs that have it in scope (a service shared by
 * programs counts in each). Rebuilt when the catalog changes.
 */
public final class Organisation {

    private final CatalogView catalog;
    private volatile Snapshot snapshot = new Snapshot(Long.MIN_VALUE, Map.of(), Map.of());

    public Organisation(CatalogView catalog) {
        this.catalog = catalog;
    }

    /** @return the team that owns the service, if the catalog names one */
    public Optional<EntityRef> teamOf(EntityRef service) {
        return Optional.ofNullable(current().teams().get(service));
    }

    /**
     * The services' teams as the catalog is now, for looking up thousands: {@link #teamOf} checks the catalog's
     * version, a database read, on every call.
     *
     * @return a lookup of each service's team over one state of the catalog
     */
    public Function<EntityRef, Optional<EntityRef>> teams() {
        Map<EntityRef, EntityRef> teams = current().teams();
        return service -> Optional.ofNullable(teams.get(service));
    }

    /** @return the programs that have the service in scope, possibly none */
    public List<EntityRef> programsOf(EntityRef service) {
        return current().programs().getOrDefault(service, List.of());
    }

    /** @return per service the programs that have it in scope, for services in at least one */
    public Map<EntityRef, List<EntityRef>> programsByService() {
        return current().programs();
    }

    /**
     * @param ref a service, team or program
     * @return the services it stands for; empty when the catalog has no such entity
     */
    public Optional<Set<EntityRef>> servicesOf(EntityRef ref) {
        Optional<CatalogEntity> entity = catalog.entity(ref);
        if (entity.isEmpty()) {
            return Optional.empty();
        }
        if (ref.kind().equalsIgnoreCase("component")) {
            return Optional.of(Set.of(entity.get().ref()));
        }
        return Optional.of(catalog.servicesOf(ref).stream().map(CatalogEntity::ref).collect(Collectors.toSet()));
    }

    private Snapshot current() {
        long version = catalog.version();
        Snapshot now = snapshot;
        if (now.version() != version) {
            Map<EntityRef, EntityRef> teams = new HashMap<>();
            for (CatalogEntity service : catalog.services()) {
                service.owner().ifPresent(owner -> teams.put(service.ref(), owner));
            }
            Map<EntityRef, List<EntityRef>> programs = new HashMap<>();
            for (CatalogEntity program : catalog.entities("Program")) {
                for (CatalogEntity service : catalog.servicesOf(program.ref())) {
                    programs.computeIfAbsent(service.ref(), s -> new ArrayList<>()).add(program.ref());
                }
            }
            now = new Snapshot(version, Map.copyOf(teams), Map.copyOf(programs));
            snapshot = now;
        }
        return now;
    }

    private record Snapshot(long version, Map<EntityRef, EntityRef> teams, Map<EntityRef, List<EntityRef>> programs) {
    }
}
