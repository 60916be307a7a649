package dev.vitals.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vitals.api.CatalogEntity;
import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import dev.vitals.core.Vitals;
import dev.vitals.core.pluginhost.PluginSource;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The catalog as plugins read it, on the demo organisation. */
class PluginCatalogViewTest {

    private static Vitals portal;
    private static CatalogView view;

    @BeforeAll
    static void start() {
        portal = TestPortal.start(TestPostgres.freshDatabase(), PluginSource.none(), Map.of("VITALS_DEMO", "true"));
        view = new PluginCatalogView(portal.database().jdbi());
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    private static List<String> names(List<CatalogEntity> entities) {
        return entities.stream().map(CatalogEntity::name).toList();
    }

    @Test
    void entitiesOfAKindAreListedInReferenceOrder() {
        assertEquals(List.of("playback", "processing", "public-api", "sign-in", "web-recording"),
                names(view.entities("AvailabilityComponent")));
        assertEquals(List.of("availability", "continuous-delivery", "cost-optimization", "incident-response"),
                names(view.entities("Program")));
        assertEquals(9, view.entities("Group").size(), "eight teams and the organisation");
        assertEquals(List.of(), view.entities("Spaceship"));
    }

    @Test
    void theServicesOfATeamSystemComponentOrProgramAreThoseItOwnsHoldsIncludesOrScopes() {
        List<CatalogEntity> services = view.entities("Component");
        List<dev.vitals.api.CatalogRelation> relations = view.relations();
        int nonEmpty = 0;
        for (String kind : List.of("Group", "System", "AvailabilityComponent", "Program")) {
            for (CatalogEntity subject : view.entities(kind)) {
                EntityRef ref = subject.ref();
                List<String> expected = services.stream()
                        .filter(s -> s.owner().equals(java.util.Optional.of(ref))
                                || s.system().equals(java.util.Optional.of(ref))
                                || relations.stream().anyMatch(r -> r.source().equals(ref) && r.target().equals(s.ref())
                                        && (r.type().equals("includes") || r.type().equals("scopes"))))
                        .map(s -> s.ref().toString()).sorted().toList();
                assertEquals(expected, view.servicesOf(ref).stream().map(s -> s.ref().toString()).toList(),
                        ref.toString());
                nonEmpty += expected.isEmpty() ? 0 : 1;
            }
        }
        assertEquals(true, nonEmpty >= 10, "the demo has teams and systems with services: " + nonEmpty);
        assertEquals(List.of(), view.servicesOf(EntityRef.parse("group:default/nobody")));
    }

    @Test
    void aProgramsAvailabilityComponentsAreThoseInItsScope() {
        assertEquals(List.of("playback", "processing", "public-api", "sign-in", "web-recording"),
                names(view.availabilityComponentsOf(EntityRef.parse("program:default/availability"))));
        assertEquals(List.of(), view.availabilityComponentsOf(EntityRef.parse("program:default/cost-optimization")));
        assertEquals(List.of(), view.availabilityComponentsOf(EntityRef.parse("program:default/nothing-here")));
    }
}
