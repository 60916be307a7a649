package dev.vitals.web.catalog;

import java.util.Map;

/** How pages name relations, read from the entity whose page it is. */
final class RelationLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("dependsOn", "Depends on"), Map.entry("dependencyOf", "Depended on by"),
            Map.entry("ownerOf", "Owns"), Map.entry("partOf", "Part of"), Map.entry("hasPart", "Has parts"),
            Map.entry("providesApi", "Provides APIs"), Map.entry("apiProvidedBy", "Provided by"),
            Map.entry("consumesApi", "Consumes APIs"), Map.entry("apiConsumedBy", "Consumed by"),
            Map.entry("memberOf", "Member of"), Map.entry("hasMember", "Members"), Map.entry("childOf", "Parent team"),
            Map.entry("parentOf", "Child teams"), Map.entry("includes", "Services"),
            Map.entry("includedIn", "Availability components"), Map.entry("inScope", "In scope"),
            Map.entry("inScopeOf", "Programs"), Map.entry("hasStakeholder", "Stakeholders"),
            Map.entry("stakeholderOf", "Stakeholder in"));

    private RelationLabels() {
    }

    static String label(String type) {
        return LABELS.getOrDefault(type, type);
    }
}
