package dev.vitals.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.Role;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.audit.AuditLog;
import dev.vitals.core.database.Database;
import dev.vitals.core.testing.TestPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TeamEditingTest {

    /** Stands in for the catalog: two services, each owned by one team. */
    private static final TeamOwnership CATALOG = entity -> Optional.ofNullable(Map.of(
            "component:default/artist-lookup", "a", "component:default/playback", "b").get(entity));

    private static Database database;
    private static RoleGrants grants;

    @BeforeAll
    static void start() {
        database = Database.connect(TestPostgres.freshDatabase(), new SimpleMeterRegistry());
        database.migrate();
        grants = new RoleGrants(database.jdbi(), new AuditLog(database.jdbi(), Clock.systemUTC()), Clock.systemUTC(),
                Set.of("vitals-admins"), "team-");
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void anEditorChangesWhatTheirTeamOwnsAndNothingElse() {
        Access editorOfA = grants.accessOf(new Person("ed", Optional.empty(), Set.of("team-a")));
        assertEquals(Role.EDITOR, editorOfA.role());
        assertTrue(CATALOG.mayEdit(editorOfA, "component:default/artist-lookup"));
        assertFalse(CATALOG.mayEdit(editorOfA, "component:default/playback"));
        assertFalse(CATALOG.mayEdit(editorOfA, "component:default/unknown"), "no owner known, no edit");
    }

    @Test
    void anAdminChangesEverythingAndAViewerNothing() {
        Access admin = grants.accessOf(new Person("ada", Optional.empty(), Set.of("vitals-admins")));
        Access viewer = grants.accessOf(new Person("vera", Optional.empty(), Set.of("staff")));
        assertTrue(CATALOG.mayEdit(admin, "component:default/playback"));
        assertEquals(Role.VIEWER, viewer.role());
        assertFalse(CATALOG.mayEdit(viewer, "component:default/artist-lookup"));
    }

    @Test
    void untilTheCatalogAnswersOnlyAllTeamCallersEdit() {
        Access editorOfA = grants.accessOf(new Person("ed", Optional.empty(), Set.of("team-a")));
        assertFalse(TeamOwnership.UNKNOWN.mayEdit(editorOfA, "component:default/artist-lookup"));
        assertTrue(TeamOwnership.UNKNOWN.mayEdit(Access.EVERYTHING, "component:default/artist-lookup"));
    }

    @Test
    void aGrantToAGroupOrAPersonGivesTheRoleAndRevokingTakesItAway() {
        Person carol = new Person("carol", Optional.empty(), Set.of("sre"));
        assertEquals(Role.VIEWER, grants.accessOf(carol).role());
        RoleGrant toGroup = grants.grant("sre", RoleGrant.Kind.GROUP, Role.EDITOR, Optional.of("b"), Actor.SYSTEM);
        assertTrue(CATALOG.mayEdit(grants.accessOf(carol), "component:default/playback"));
        RoleGrant toPerson = grants.grant("carol", RoleGrant.Kind.USER, Role.ADMIN, Optional.empty(), Actor.SYSTEM);
        assertEquals(Role.ADMIN, grants.accessOf(carol).role());
        grants.revoke(toPerson.id(), Actor.SYSTEM);
        grants.revoke(toGroup.id(), Actor.SYSTEM);
        assertEquals(Role.VIEWER, grants.accessOf(carol).role());
    }
}
