package dev.vitals.plugins.deploys.demo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.CatalogEntity;
import dev.vitals.api.EntityRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The demo tells its story with the organisation's services only: no test fixture, nothing half-described. */
class DemonstrableServicesTest {

    private static CatalogEntity service(String kind, Optional<String> lifecycle, List<String> tags) {
        return new CatalogEntity(EntityRef.of(kind.toLowerCase(), "svc"), kind, "svc", "svc", Optional.empty(),
                Optional.empty(), lifecycle, tags, Map.of());
    }

    @Test
    void servicesOfAKnownLifecycleAreInTheDemo() {
        assertTrue(DemoDeploys.demonstrable(service("Component", Optional.of("production"), List.of())));
        assertTrue(DemoDeploys.demonstrable(service("Component", Optional.of("experimental"), List.of("java"))));
        assertTrue(DemoDeploys.demonstrable(service("Component", Optional.of("deprecated"), List.of())));
    }

    @Test
    void testFixturesAndEntitiesOfUnknownKindOrLifecycleAreNot() {
        assertFalse(DemoDeploys.demonstrable(service("Component", Optional.of("production"), List.of("test"))));
        assertFalse(DemoDeploys.demonstrable(service("Component", Optional.empty(), List.of())));
        assertFalse(DemoDeploys.demonstrable(service("Component", Optional.of("test"), List.of())));
        assertFalse(DemoDeploys.demonstrable(service("Widget", Optional.of("production"), List.of())));
    }
}
