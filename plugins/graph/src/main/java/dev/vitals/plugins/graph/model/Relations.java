package dev.vitals.plugins.graph.model;

/** The relation names the graph gives special meaning to. */
public final class Relations {

    /** X needs Y. */
    public static final String DEPENDS_ON = "dependsOn";
    /** X calls the API. */
    public static final String CONSUMES_API = "consumesApi";
    /** Read from the API to the component that provides it. */
    public static final String PROVIDES_API = "providesApi";
    /** An entity and its team. */
    public static final String OWNED_BY = "ownedBy";
    /** A program and a team with a role. */
    public static final String STAKEHOLDER = "stakeholder";

    private Relations() {
    }

    /**
     * @param relation a relation name
     * @return true for the edges a dependency travels along: dependsOn, consumesApi and API to provider
     */
    public static boolean isDependency(String relation) {
        return relation.equals(DEPENDS_ON) || relation.equals(CONSUMES_API) || relation.equals(PROVIDES_API);
    }
}
