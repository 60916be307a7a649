package dev.vitals.plugins.cost.allocation;

import dev.vitals.api.CatalogEntity;
import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What allocation reads of the catalog: the allocation tags, every service, and each team's and system's services,
 * in a fixed order (so splits are the same on every instance), with a fingerprint that moves only when one of them
 * does. Rebuilt when the catalog's version moves.
 */
public final class CatalogShape {

    private final CatalogView catalog;
    private final ServiceTags tags;
    private volatile Snapshot snapshot = new Snapshot(Long.MIN_VALUE, Map.of(), List.of(), Map.of(), Map.of(),
            "");

    public CatalogShape(CatalogView catalog, ServiceTags tags) {
        this.catalog = catalog;
        this.tags = tags;
    }

    /** @return the catalog as allocation sees it now */
    public Snapshot now() {
        long version = catalog.version();
        Snapshot now = snapshot;
        if (now.version() != version) {
            now = build(version);
            snapshot = now;
        }
        return now;
    }

    private Snapshot build(long version) {
        List<EntityRef> services = catalog.services().stream().map(CatalogEntity::ref)
                .sorted(Comparator.comparing(EntityRef::toString)).toList();
        Map<EntityRef, List<EntityRef>> groups = new TreeMap<>(Comparator.comparing(EntityRef::toString));
        Map<EntityRef, Set<EntityRef>> owned = new HashMap<>();
        for (CatalogEntity service : catalog.services()) {
            service.owner().ifPresent(team -> groups.computeIfAbsent(team, t -> new ArrayList<>()).add(service.ref()));
            service.owner().ifPresent(team -> owned.computeIfAbsent(team, t -> new HashSet<>()).add(service.ref()));
            service.system().ifPresent(s -> groups.computeIfAbsent(s, t -> new ArrayList<>()).add(service.ref()));
        }
        groups.values().forEach(list -> list.sort(Comparator.comparing(EntityRef::toString)));
        Map<String, EntityRef> byTag = new TreeMap<>(tags.all());
        StringBuilder text = new StringBuilder();
        byTag.forEach((tag, service) -> text.append("t ").append(tag).append(' ').append(service).append('\n'));
        services.forEach(service -> text.append("s ").append(service).append('\n'));
        groups.forEach((group, members) -> text.append("g ").append(group).append(' ').append(members).append('\n'));
        Map<EntityRef, Set<EntityRef>> frozen = new HashMap<>();
        owned.forEach((team, members) -> frozen.put(team, Set.copyOf(members)));
        return new Snapshot(version, byTag, services, groups, Map.copyOf(frozen), sha256(text.toString()));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * @param version the catalog's version it was built from
     * @param byTag each allocation tag, lower case, with its service
     * @param services every service, in canonical order
     * @param groups each team's and each system's services, in canonical order
     * @param owned each owner's services (the owners are among the groups, so the fingerprint covers them)
     * @param fingerprint moves when any of the above does
     */
    public record Snapshot(long version, Map<String, EntityRef> byTag, List<EntityRef> services,
            Map<EntityRef, List<EntityRef>> groups, Map<EntityRef, Set<EntityRef>> owned, String fingerprint) {

        /**
         * @param scope some services
         * @return the team that owns exactly these services, neither more nor fewer, if there is one
         */
        public Optional<EntityRef> ownerOfExactly(Set<EntityRef> scope) {
            if (scope.isEmpty()) {
                return Optional.empty();
            }
            return owned.entrySet().stream().filter(o -> o.getValue().size() == scope.size()
                    && o.getValue().equals(scope)).map(Map.Entry::getKey).findFirst();
        }

        /** @return the services a rule splits among; empty when the team or system has none or is unknown */
        public List<EntityRef> among(Among among) {
            return among.group().map(g -> groups.getOrDefault(g, List.of())).orElse(services);
        }

        /** @return whether the catalog has the service */
        public boolean has(EntityRef service) {
            return Optional.ofNullable(service).map(s -> java.util.Collections.binarySearch(services, s,
                    Comparator.comparing(EntityRef::toString)) >= 0).orElse(false);
        }
    }
}
