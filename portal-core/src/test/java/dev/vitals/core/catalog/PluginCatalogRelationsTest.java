package dev.vitals.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.CatalogRelation;
import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import dev.vitals.core.Vitals;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.pluginhost.PluginSource;
import dev.vitals.core.testing.Samples;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The catalog's relations and version as plugins read them, on Backstage's sample catalog plus one program. */
class PluginCatalogRelationsTest {

    private static final Actor ADA = new Actor("ada", Optional.empty());
    private static final String PROGRAM = """
            apiVersion: vitals.dev/v1
            kind: Program
            metadata:
              name: reliability
            spec:
              owner: team-a
              outcome: Searches answer within a second
              stakeholders:
              - team: team-a
                role: Engineering
              - team: group:default/team-b
                role: Customer Experience
              services:
              - component:wayback-search
              - component:ghost-service
            """;
    private static Vitals portal;
    private static CatalogView view;

    @BeforeAll
    static void start() {
        portal = TestPortal.start(TestPostgres.freshDatabase(), PluginSource.none());
        portal.catalogSources().importLocation(Samples.path("backstage").toString(), ADA, line -> { });
        view = new PluginCatalogView(portal.database().jdbi());
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    private static EntityRef ref(String text) {
        return EntityRef.parse(text);
    }

    private static CatalogRelation known(String source, String type, String target) {
        return new CatalogRelation(ref(source), type, ref(target), true, Optional.empty());
    }

    private static List<CatalogRelation> from(List<CatalogRelation> all, String source) {
        return all.stream().filter(r -> r.source().equals(ref(source))).toList();
    }

    @Test
    void aComponentsRelationsAreItsDependenciesSystemAndOwner() {
        List<CatalogRelation> all = view.relations();

        assertEquals(List.of(
                known("component:default/artist-lookup", "dependsOn", "resource:default/artists-db"),
                known("component:default/artist-lookup", "ownedBy", "group:default/team-a"),
                known("component:default/artist-lookup", "partOf", "system:default/artist-engagement-portal")),
                from(all, "component:default/artist-lookup"));
        assertEquals(List.of(
                known("component:default/wayback-search", "consumesApi", "api:default/wayback-archive"),
                known("component:default/wayback-search", "ownedBy", "group:default/team-a"),
                known("component:default/wayback-search", "providesApi", "api:default/wayback-search")),
                from(all, "component:default/wayback-search"));
    }

    @Test
    void aTeamIsAMemberOfItsParentAndAPersonOfTheirTeam() {
        List<CatalogRelation> all = view.relations();

        assertTrue(from(all, "group:default/team-a").contains(
                known("group:default/team-a", "memberOf", "group:default/backstage")), from(all, "group:default/team-a")
                .toString());
        assertEquals(List.of(known("user:default/breanna.davison", "memberOf", "group:default/team-a")),
                from(all, "user:default/breanna.davison"));
    }

    @Test
    void aProgramNamesItsStakeholdersWithTheirRolesAndKeepsADanglingReferenceMarked() {
        long before = view.version();
        portal.catalogSources().importText("reliability", PROGRAM, ADA);
        long imported = view.version();

        assertEquals(List.of(
                known("program:default/reliability", "ownedBy", "group:default/team-a"),
                new CatalogRelation(ref("program:default/reliability"), "scopes", ref("component:default/ghost-service"),
                        false, Optional.empty()),
                known("program:default/reliability", "scopes", "component:default/wayback-search"),
                new CatalogRelation(ref("program:default/reliability"), "stakeholder", ref("group:default/team-a"), true,
                        Optional.of("Engineering")),
                new CatalogRelation(ref("program:default/reliability"), "stakeholder", ref("group:default/team-b"), true,
                        Optional.of("Customer Experience"))),
                from(view.relations(), "program:default/reliability"));
        assertTrue(imported > before, "an import raises the version: " + before + " then " + imported);

        portal.catalogEditor().editStakeholders(ref("program:default/reliability"),
                List.of(new CatalogEditor.Stakeholder("team-b", "Sales")), ADA);

        assertTrue(view.version() > imported, "an edit raises it again");
        assertEquals(List.of(new CatalogRelation(ref("program:default/reliability"), "stakeholder",
                        ref("group:default/team-b"), true, Optional.of("Sales"))),
                from(view.relations(), "program:default/reliability").stream()
                        .filter(r -> r.type().equals("stakeholder")).toList());
    }

    @Test
    void relationsComeOrderedBySourceTypeAndTargetAsTextCompares() {
        // A language collation would put a-c after ab (it skips the hyphen); the API's order is code-point order.
        portal.catalogSources().importText("order", """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: ab
                spec:
                  type: service
                  lifecycle: production
                  owner: team-a
                  dependsOn:
                  - component:a-c
                  - component:a_d
                  - resource:artists-db
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: a-c
                spec:
                  type: service
                  lifecycle: production
                  owner: team-a
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Group
                metadata:
                  name: a-team
                spec:
                  type: team
                  parent: team-a
                  children: []
                  members: [breanna.davison]
                """, ADA);

        List<CatalogRelation> all = view.relations();
        List<String> written = all.stream().map(r -> r.source() + " " + r.type() + " " + r.target()).toList();

        assertEquals(written.stream().sorted(java.util.Comparator.comparing((String w) -> w.split(" ")[0])
                .thenComparing(w -> w.split(" ")[1]).thenComparing(w -> w.split(" ")[2])).toList(), written);
        assertEquals(List.of(
                known("component:default/ab", "dependsOn", "component:default/a-c"),
                new CatalogRelation(ref("component:default/ab"), "dependsOn", ref("component:default/a_d"), false,
                        Optional.empty()),
                known("component:default/ab", "dependsOn", "resource:default/artists-db"),
                known("component:default/ab", "ownedBy", "group:default/team-a")),
                from(all, "component:default/ab"));
        // Stored as childOf, a team's parent sorted before hasMember; as memberOf it sorts after.
        assertEquals(List.of("hasMember", "memberOf"),
                from(all, "group:default/a-team").stream().map(CatalogRelation::type).toList());
        assertTrue(written.indexOf("component:default/a-c ownedBy group:default/team-a")
                < written.indexOf("component:default/ab dependsOn component:default/a-c"), "a-c comes before ab");
    }

    @Test
    void eachReferenceIsOneValueSharedByItsRelations() {
        List<CatalogRelation> all = from(view.relations(), "component:default/artist-lookup");

        assertTrue(all.size() >= 2, all.toString());
        assertTrue(all.get(0).source() == all.get(1).source(), "one EntityRef per reference");
    }

    @Test
    void referencesWithLettersBeyondAsciiAndWithBackslashesOrTabsReadAsWritten() {
        // The relations are read as COPY writes them: UTF-8 bytes, with a backslash, a tab or a newline escaped.
        portal.catalogSources().importText("written", """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: written-refs
                spec:
                  type: service
                  lifecycle: production
                  owner: team-a
                  dependsOn:
                  - "component:back\\\\slash"
                  - "component:tab\\there"
                  - component:café-ünïcode
                  - resource:artists-db
                """, ADA);

        assertEquals(List.of(
                dangling("component:default/back\\slash"),
                dangling("component:default/café-ünïcode"),
                dangling("component:default/tab\there"),
                known("component:default/written-refs", "dependsOn", "resource:default/artists-db"),
                known("component:default/written-refs", "ownedBy", "group:default/team-a")),
                from(view.relations(), "component:default/written-refs"));
    }

    private static CatalogRelation dangling(String target) {
        return new CatalogRelation(ref("component:default/written-refs"), "dependsOn", ref(target), false,
                Optional.empty());
    }

    @Test
    void copysEscapesReadBackAsTheTextTheyStandFor() {
        assertEquals("a\\b\tc\nd\re\bf\fg\u000bh ü", CopiedRelations.unescaped(
                "a\\\\b\\tc\\nd\\re\\bf\\fg\\vh ü".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
