package dev.vitals.core.catalog;

import dev.vitals.api.EntityRef;

/**
 * A directed relation between two entities, stored in its forward direction only.
 *
 * @param source the entity the relation starts from
 * @param type {@code ownedBy}, {@code partOf}, {@code dependsOn}, {@code providesApi}, {@code consumesApi},
 *     {@code memberOf}, {@code childOf}, {@code includes}, {@code inScope}, {@code hasStakeholder}
 * @param target the entity it points to
 */
public record Relation(EntityRef source, String type, EntityRef target) {
}
