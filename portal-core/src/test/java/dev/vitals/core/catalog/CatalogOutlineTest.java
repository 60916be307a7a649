package dev.vitals.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.EntityRef;
import dev.vitals.core.Vitals;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.pluginhost.PluginSource;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cached option lists and counts must follow every change to the catalog, also when the change is made through
 * another portal instance (another {@link Catalog} on the same database, with its own cache).
 */
class CatalogOutlineTest {

    private static final Actor ADA = new Actor("ada", Optional.empty());
    private static final Set<String> TEAMS = Set.of("Group");
    private static final Set<String> SERVICES = Set.of("Component");
    private Vitals portal;
    private Catalog otherInstance;

    @BeforeEach
    void start() {
        portal = TestPortal.start(TestPostgres.freshDatabase(), PluginSource.none());
        otherInstance = new Catalog(portal.database().jdbi());
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    private static String team(String name) {
        return "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: " + name
                + "\nspec:\n  type: team\n  children: []\n";
    }

    private ImportReport importTeams(String source, String... names) {
        StringBuilder yaml = new StringBuilder();
        for (String name : names) {
            yaml.append(team(name)).append("---\n");
        }
        yaml.append(CatalogImportTest.component("svc-" + source, names[0]));
        ImportReport report = portal.catalogSources().importText(source, yaml.toString(), ADA);
        assertTrue(report.applied(), report.problems().toString());
        return report;
    }

    private static List<String> names(List<EntitySummary> entities) {
        return entities.stream().map(EntitySummary::name).toList();
    }

    @Test
    void anEmptyCatalogHasEmptyOptionListsAndNoCounts() {
        CatalogOutline outline = portal.catalog().outline();

        assertTrue(outline.isEmpty());
        assertEquals(List.of(), outline.all(TEAMS));
        assertEquals(0, outline.count(SERVICES));
        assertEquals(Map.of(), outline.countsByKind());
    }

    @Test
    void theOptionListsAndCountsFollowAnImportOnEveryInstance() {
        importTeams("first", "team-b", "team-a");
        assertEquals(List.of("team-a", "team-b"), names(portal.catalog().all(TEAMS)));
        assertEquals(List.of("team-a", "team-b"), names(otherInstance.all(TEAMS)));
        assertEquals(1, otherInstance.outline().count(SERVICES));

        importTeams("second", "team-c");

        assertEquals(List.of("team-a", "team-b", "team-c"), names(portal.catalog().all(TEAMS)));
        assertEquals(List.of("team-a", "team-b", "team-c"), names(otherInstance.all(TEAMS)));
        assertEquals(Map.of("Component", 2L, "Group", 3L), otherInstance.countsByKind());
        assertEquals(2, otherInstance.list(SERVICES, CatalogFilter.NONE, 1, 25).total(),
                "an unfiltered list's total comes from the outline");
        assertFalse(otherInstance.isEmpty());
    }

    @Test
    void anEditOnOneInstanceIsSeenByTheOtherOnItsNextRead() {
        importTeams("first", "team-a");
        assertEquals("team-a", otherInstance.all(TEAMS).get(0).title());

        portal.catalogEditor().editMetadata(new EntityRef("group", "default", "team-a"),
                new CatalogEditor.MetadataEdit("Team Alpha", null, List.of()), ADA);

        assertEquals("Team Alpha", otherInstance.all(TEAMS).get(0).title());
        assertEquals("Team Alpha", portal.catalog().all(TEAMS).get(0).title());
    }

    @Test
    void anOrphanedEntityIsMarkedInTheOptionList() {
        importTeams("first", "team-a", "team-b");
        assertFalse(otherInstance.all(TEAMS).get(1).orphaned());

        importTeams("first", "team-a");

        assertEquals(List.of(false, true), otherInstance.all(TEAMS).stream().map(EntitySummary::orphaned).toList());
    }

    @Test
    void stakeholderEditsMoveTheVersion() {
        portal.catalogSources().importText("programs", team("team-a") + """
                ---
                apiVersion: vitals.dev/v1
                kind: Program
                metadata:
                  name: availability
                spec:
                  owner: team-a
                  outcome: Every availability component meets its SLO every month
                """, ADA);
        long before = otherInstance.outline().version();

        portal.catalogEditor().editStakeholders(new EntityRef("program", "default", "availability"),
                List.of(new CatalogEditor.Stakeholder("team-a", "Engineering")), ADA);

        assertNotEquals(before, otherInstance.outline().version());
    }

    @Test
    void anUnchangedReimportKeepsTheVersionAndTheCachedLists() {
        importTeams("first", "team-a");
        CatalogOutline outline = otherInstance.outline();
        List<EntitySummary> teams = outline.all(TEAMS);

        ImportReport again = importTeams("first", "team-a");

        assertEquals(0, again.created() + again.updated() + again.orphaned());
        assertSame(outline, otherInstance.outline(), "nothing changed, so nothing is read again");
        assertSame(teams, otherInstance.all(TEAMS));
    }

    @Test
    void theCachedListsCannotBeChangedByACaller() {
        importTeams("first", "team-a");

        assertThrows(UnsupportedOperationException.class, () -> portal.catalog().all(TEAMS).clear());
        assertThrows(UnsupportedOperationException.class, () -> portal.catalog().countsByKind().clear());
    }
}
