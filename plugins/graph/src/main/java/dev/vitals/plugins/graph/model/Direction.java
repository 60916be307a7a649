package dev.vitals.plugins.graph.model;

/** Which way a walk goes along the dependency edges. */
public enum Direction {
    /** Towards what a node needs. */
    DEPENDENCIES,
    /** Towards what needs the node: the blast radius. */
    DEPENDENTS
}
