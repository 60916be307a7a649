package dev.vitals.plugins.graph.answers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vitals.plugins.graph.model.DependencyGraph;
import dev.vitals.plugins.graph.model.ObservedEdge;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftTest {

    private static ObservedEdge seen(String from, String to) {
        return new ObservedEdge(Graphs.ref(from), Graphs.ref(to), 10, 0, LocalDate.of(2026, 12, 5));
    }

    @Test
    void callsToAnApisProviderObserveTheConsumptionOfTheApiAndAreDeclared() {
        DependencyGraph graph = Graphs.of().node("shop").node("pay").node("api:payments").node("db")
                .consumes("shop", "api:payments").provides("pay", "api:payments").dependsOn("shop", "db").build();

        Drift drift = Drift.of(graph, List.of(seen("shop", "pay"), seen("pay", "db")));

        assertEquals(List.of(new Drift.DeclaredEdge("component:default/shop", "dependsOn", "component:default/db")),
                drift.declaredNeverObserved());
        assertEquals(List.of(seen("pay", "db")), drift.observedNeverDeclared());
    }

    @Test
    void anApiConsumedButNeverCalledIsDeclaredNeverObserved() {
        DependencyGraph graph = Graphs.of().node("shop").node("pay").node("api:payments")
                .consumes("shop", "api:payments").provides("pay", "api:payments").build();

        Drift drift = Drift.of(graph, List.of());

        assertEquals(List.of(new Drift.DeclaredEdge("component:default/shop", "consumesApi", "api:default/payments")),
                drift.declaredNeverObserved());
    }
}
