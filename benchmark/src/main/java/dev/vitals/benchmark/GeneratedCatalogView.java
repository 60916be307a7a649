package dev.vitals.benchmark;

import dev.vitals.api.CatalogEntity;
import dev.vitals.api.CatalogRelation;
import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The generated organisation as the host's catalog hands it to a plugin (entities by kind, relations as the catalog
 * tables hold them, in the host's order), held in memory so that the graph can be built and weighed in the
 * benchmark's own process.
 */
final class GeneratedCatalogView implements CatalogView {

    private final Map<String, List<CatalogEntity>> byKind = new HashMap<>();
    private final Map<EntityRef, CatalogEntity> byRef = new HashMap<>();
    private final List<CatalogRelation> relations = new ArrayList<>();

    GeneratedCatalogView(GeneratedOrganisation org) {
        for (GeneratedOrganisation.Entity e : org.entities) {
            EntityRef ref = EntityRef.of(e.kind(), e.name());
            Optional<EntityRef> owner = Optional.ofNullable(e.owner()).map(o -> EntityRef.of("group", o));
            Optional<EntityRef> system = Optional.ofNullable(e.system()).map(s -> EntityRef.of("system", s));
            CatalogEntity entity = new CatalogEntity(ref, e.kind(), e.name(), e.name(), owner, system,
                    Optional.ofNullable(e.lifecycle()), List.of(),
                    e.tier() > 0 ? Map.of("vitals.dev/tier", String.valueOf(e.tier())) : Map.of());
            byKind.computeIfAbsent(e.kind(), k -> new ArrayList<>()).add(entity);
            byRef.put(ref, entity);
        }
        for (GeneratedOrganisation.Entity e : org.entities) {
            EntityRef ref = EntityRef.of(e.kind(), e.name());
            CatalogEntity entity = byRef.get(ref);
            entity.owner().ifPresent(o -> relate(ref, "ownedBy", o));
            entity.system().ifPresent(s -> relate(ref, "partOf", s));
            e.dependsOn().forEach(d -> relate(ref, "dependsOn", EntityRef.parse(d, "component")));
            e.providesApis().forEach(a -> relate(ref, "providesApi", EntityRef.parse(a, "api")));
            e.consumesApis().forEach(a -> relate(ref, "consumesApi", EntityRef.parse(a, "api")));
            for (int k = 0; k < e.stakeholders().size(); k++) {
                relations.add(new CatalogRelation(ref, "stakeholder", EntityRef.of("group", e.stakeholders().get(k)),
                        byRef.containsKey(EntityRef.of("group", e.stakeholders().get(k))), Optional.of("Engineering")));
            }
            e.scope().forEach(s -> relate(ref, "scopes", EntityRef.parse(s, "component")));
        }
        for (List<CatalogEntity> entities : byKind.values()) {
            entities.sort(Comparator.comparing(entity -> entity.ref().toString()));
        }
        relations.sort(Comparator.comparing((CatalogRelation r) -> r.source().toString())
                .thenComparing(CatalogRelation::type).thenComparing(r -> r.target().toString()));
    }

    private void relate(EntityRef source, String type, EntityRef target) {
        relations.add(new CatalogRelation(source, type, target, byRef.containsKey(target), Optional.empty()));
    }

    @Override
    public Optional<CatalogEntity> entity(EntityRef ref) {
        return Optional.ofNullable(byRef.get(ref));
    }

    @Override
    public List<CatalogEntity> services() {
        return entities("Component");
    }

    @Override
    public List<CatalogEntity> servicesOf(EntityRef ref) {
        return services().stream().filter(s -> s.owner().equals(Optional.of(ref))).toList();
    }

    @Override
    public List<CatalogEntity> entities(String kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    @Override
    public List<CatalogEntity> availabilityComponentsOf(EntityRef program) {
        return List.of();
    }

    @Override
    public List<CatalogRelation> relations() {
        return relations;
    }

    @Override
    public long version() {
        return 1;
    }
}
