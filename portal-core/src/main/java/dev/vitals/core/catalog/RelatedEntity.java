package dev.vitals.core.catalog;

/**
 * The other end of a relation.
 *
 * @param type the relation, read from the entity in question: {@code dependsOn} / {@code dependencyOf},
 *     {@code ownedBy} / {@code ownerOf}, {@code partOf} / {@code hasPart}…
 * @param ref the other entity's reference
 * @param kind its kind (lower case when it is not in the catalog)
 * @param title its title, or its name when it is not in the catalog
 * @param known whether the other entity is in the catalog (a reference may dangle)
 */
public record RelatedEntity(String type, String ref, String kind, String title, boolean known) {
}
