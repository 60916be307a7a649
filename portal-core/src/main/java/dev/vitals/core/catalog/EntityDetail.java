package dev.vitals.core.catalog;

import java.util.List;
import java.util.Map;

/**
 * One entity with its relations both ways.
 *
 * @param entity the entity
 * @param document its descriptor
 * @param relations outgoing and incoming relations, each named from this entity's side
 * @param source where it was imported from, or null for entities only edited here
 */
public record EntityDetail(EntitySummary entity, Map<String, Object> document, List<RelatedEntity> relations,
        String source) {

    public List<RelatedEntity> related(String type) {
        return relations.stream().filter(r -> r.type().equals(type)).toList();
    }
}
