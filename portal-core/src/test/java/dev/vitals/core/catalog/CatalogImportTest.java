package dev.vitals.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.EntityRef;
import dev.vitals.core.Vitals;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.pluginhost.PluginSource;
import dev.vitals.core.testing.Samples;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogImportTest {

    private static final Actor ADA = new Actor("ada", java.util.Optional.empty());
    private Vitals portal;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void start() {
        portal = TestPortal.start(TestPostgres.freshDatabase(), PluginSource.none());
        // The refresh job's first run re-imports every registered source: let it pass before a test registers one,
        // or it may apply a test's changed file before the test's own import does.
        TestPortal.awaitFirstRun(portal, "core", "catalog-refresh");
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    private ImportReport importLocation(Path path) {
        return portal.catalogSources().importLocation(path.toString(), ADA, progress::add);
    }

    @Test
    void everyBackstageSampleImportsWithTheRightCountsPerKind() {
        ImportReport report = importLocation(Samples.path("backstage"));

        assertTrue(report.applied(), report.problems().toString());
        assertEquals(Map.of("API", 11, "Component", 13, "Domain", 3, "Group", 9, "Location", 8, "Resource", 1,
                "System", 3, "User", 17), report.entitiesByKind());
        assertEquals(65, report.created());
        assertEquals(0, report.skippedUnknownKinds());
        assertFalse(progress.isEmpty(), "long imports say how far they are");
    }

    @Test
    void relationsAreResolvedWithBackstagesDefaultsAndReadableBothWays() {
        importLocation(Samples.path("backstage"));
        EntityDetail artistLookup = portal.catalog().get(new EntityRef("component", "default", "artist-lookup")).orElseThrow();

        assertEquals("group:default/team-a", artistLookup.entity().owner());
        assertEquals("system:default/artist-engagement-portal", artistLookup.entity().system());
        assertEquals(List.of("resource:default/artists-db"),
                artistLookup.related("dependsOn").stream().map(RelatedEntity::ref).toList());

        EntityDetail teamA = portal.catalog().get(new EntityRef("group", "default", "team-a")).orElseThrow();
        assertTrue(teamA.related("ownerOf").stream().anyMatch(r -> r.ref().equals("component:default/artist-lookup")));
        assertEquals(List.of("group:default/backstage"), teamA.related("childOf").stream().map(RelatedEntity::ref).toList());
        // Both guests are members: one writes team-a, the other group:default/team-a from namespace development.
        assertTrue(teamA.related("hasMember").stream().map(RelatedEntity::ref).toList()
                .containsAll(List.of("user:default/guest", "user:development/guest", "user:default/breanna.davison")));
    }

    @Test
    void anEntryPointFollowsItsLocationsRelativeToThemselves() {
        ImportReport report = importLocation(Samples.path("backstage/acme-corp.yaml"));

        assertTrue(report.applied(), report.problems().toString());
        assertEquals(9, report.entitiesByKind().get("Group"));
        assertEquals(10, report.files(), "acme-corp.yaml, then org.yaml, then the 8 group files org.yaml lists");
    }

    @Test
    void reimportingAnUnchangedSourceChangesNothing() {
        importLocation(Samples.path("backstage"));
        ImportReport again = importLocation(Samples.path("backstage"));

        assertTrue(again.applied());
        assertEquals(List.of(0, 0, 65, 0), List.of(again.created(), again.updated(), again.unchanged(), again.orphaned()));
    }

    @Test
    void anInvalidEntityNamesFileDocumentAndFieldAndNothingIsImported(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("good.yaml"), component("good-one", "team-a"));
        Files.writeString(dir.resolve("bad.yaml"), component("fine", "team-a") + "---\n" + """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: no-owner
                spec:
                  type: service
                  lifecycle: production
                """);

        ImportReport report = importLocation(dir);

        assertFalse(report.applied());
        assertEquals(List.of(new ImportProblem(dir.resolve("bad.yaml").toString(), 1, "spec.owner", "is required")),
                report.problems());
        assertEquals(Map.of(), portal.catalog().countsByKind(), "a source with errors imports nothing");
    }

    @Test
    void anEntityThatDisappearsFromItsSourceIsOrphanedNotDeleted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("catalog.yaml");
        Files.writeString(file, component("stays", "team-a") + "---\n" + component("goes", "team-a"));
        importLocation(file);
        Files.writeString(file, component("stays", "team-a"));

        ImportReport report = importLocation(file);

        assertEquals(1, report.orphaned());
        EntitySummary goes = portal.catalog().get(new EntityRef("component", "default", "goes")).orElseThrow().entity();
        assertTrue(goes.orphaned());
        assertFalse(portal.catalog().get(new EntityRef("component", "default", "stays")).orElseThrow().entity().orphaned());
    }

    @Test
    void unknownKindsAreSkippedAndCounted(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("catalog.yaml"), component("svc", "team-a") + """
                ---
                apiVersion: scaffolder.backstage.io/v1beta3
                kind: Template
                metadata:
                  name: springboot-template
                spec: {}
                """);

        ImportReport report = importLocation(dir);

        assertTrue(report.applied());
        assertEquals(1, report.skippedUnknownKinds());
        assertEquals(Map.of("Component", 1), report.entitiesByKind());
    }

    @Test
    void aYamlBombIsRefusedWithoutExpandingIt(@TempDir Path dir) throws Exception {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char previous = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [")
                    .append(String.join(",", java.util.Collections.nCopies(9, "*" + previous))).append("]\n");
        }
        Files.writeString(dir.resolve("bomb.yaml"), bomb.toString());

        ImportReport report = importLocation(dir);

        assertFalse(report.applied());
        assertTrue(report.problems().get(0).reason().contains("aliases"), report.problems().toString());
    }

    @Test
    void anOversizedFileIsRefused(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, "# " + "x".repeat(DescriptorReader.MAX_FILE_BYTES) + "\n");

        ImportReport report = importLocation(big);

        assertFalse(report.applied());
        assertTrue(report.problems().get(0).reason().contains("larger than"), report.problems().toString());
    }

    @Test
    void anEntityDefinedByAnotherSourceIsAConflict(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("one"));
        Files.createDirectories(dir.resolve("two"));
        Files.writeString(dir.resolve("one/c.yaml"), component("shared-name", "team-a"));
        Files.writeString(dir.resolve("two/c.yaml"), component("shared-name", "team-b"));
        importLocation(dir.resolve("one"));

        ImportReport second = importLocation(dir.resolve("two"));

        assertFalse(second.applied());
        assertTrue(second.problems().get(0).reason().contains("already comes from source " + dir.resolve("one")));
        assertEquals("group:default/team-a", portal.catalog().get(new EntityRef("component", "default", "shared-name"))
                .orElseThrow().entity().owner());
    }

    @Test
    void malformedFieldsAreEachNamed() {
        ImportReport report = portal.catalogSources().importText("test", """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: "has spaces"
                  tags: [Java]
                  links:
                    - url: "javascript:alert(1)"
                spec:
                  type: service
                  lifecycle: production
                  owner: team-a
                  dependsOn: "resource:db"
                """, ADA);

        assertFalse(report.applied());
        assertEquals(List.of("metadata.name", "metadata.tags[0]", "metadata.links[0].url"),
                report.problems().stream().map(ImportProblem::field).toList());
    }

    @Test
    void listsFilterAndPageWithATotal() {
        importLocation(Samples.path("backstage"));

        CatalogPage teamA = portal.catalog().list(Set.of("Component"),
                new CatalogFilter(java.util.Optional.of("team-a"), java.util.Optional.empty(), java.util.Optional.empty(),
                        java.util.Optional.empty(), java.util.Optional.empty()), 1, 2);
        assertEquals(2, teamA.items().size());
        CatalogPage all = portal.catalog().list(Set.of("Component"), CatalogFilter.NONE, 1, 100);
        assertEquals(13, all.total());
        CatalogPage text = portal.catalog().list(Set.of("Component"), new CatalogFilter(java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.of("ARTIST")), 1, 10);
        assertEquals(List.of("artist-lookup", "www-artist"), text.items().stream().map(EntitySummary::name).sorted().toList());
    }

    @Test
    void theRefreshJobReimportsRegisteredSourcesAndKeepsEditsOfUnchangedDescriptors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("catalog.yaml");
        Files.writeString(file, component("edited", "team-a") + "---\n" + component("changing", "team-a"));
        importLocation(file);
        portal.catalogEditor().editMetadata(new EntityRef("component", "default", "edited"),
                new CatalogEditor.MetadataEdit("Edited here", null, List.of("kept")), ADA);
        Files.writeString(file, component("edited", "team-a") + "---\n" + component("changing", "team-b"));

        portal.catalogSources().refreshAll();

        EntitySummary edited = portal.catalog().get(new EntityRef("component", "default", "edited")).orElseThrow().entity();
        assertEquals("Edited here", edited.title(), "its descriptor did not change in the source, so the edit stays");
        assertEquals("group:default/team-b",
                portal.catalog().get(new EntityRef("component", "default", "changing")).orElseThrow().entity().owner());
    }

    @Test
    void aUrlSourceIsFetchedAndItsLocationsFollowedRelativeToTheUrl() throws Exception {
        com.sun.net.httpserver.HttpServer http = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        Map<String, String> files = Map.of(
                "/repo/catalog-info.yaml", """
                        apiVersion: backstage.io/v1alpha1
                        kind: Location
                        metadata: {name: repo}
                        spec: {targets: [./services/one.yaml, ./services/two.yaml]}
                        """,
                "/repo/services/one.yaml", component("from-url-one", "team-a"),
                "/repo/services/two.yaml", component("from-url-two", "team-a"));
        http.createContext("/", exchange -> {
            String body = files.get(exchange.getRequestURI().getPath());
            byte[] bytes = body == null ? new byte[0] : body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        http.start();
        try {
            String url = "http://127.0.0.1:" + http.getAddress().getPort() + "/repo/catalog-info.yaml";
            ImportReport report = portal.catalogSources().importLocation(url, ADA, progress::add);

            assertTrue(report.applied(), report.problems().toString());
            assertEquals(Map.of("Component", 2, "Location", 1), report.entitiesByKind());
            assertEquals(3, report.files());
        } finally {
            http.stop(0);
        }
    }

    @Test
    void theAllowedHostsAreKeptLowerCaseAndEveryChangeIsAudited() {
        assertEquals(Set.of(), portal.catalogSources().allowedHosts().list(), "none until an admin names some");

        portal.catalogSources().allowedHosts().replace(List.of("Raw.GitHubUserContent.com", " localhost "), ADA);
        portal.catalogSources().allowedHosts().replace(List.of("localhost"), ADA);

        assertEquals(Set.of("localhost"), portal.catalogSources().allowedHosts().list());
        var entries = portal.audit().recent(10).stream().filter(e -> e.action().equals("catalog.allowed-hosts")).toList();
        assertEquals(2, entries.size());
        assertEquals("ada", entries.get(0).actor());
        assertTrue(entries.get(0).before().orElseThrow().contains("raw.githubusercontent.com"), entries.toString());
        assertFalse(entries.get(0).after().orElseThrow().contains("raw.githubusercontent.com"), entries.toString());
    }

    @Test
    void anAllowedHostListWithAnythingButHostNamesChangesNothing() {
        portal.catalogSources().allowedHosts().replace(List.of("localhost"), ADA);

        CatalogAllowedHosts.InvalidHosts refused = org.junit.jupiter.api.Assertions.assertThrows(
                CatalogAllowedHosts.InvalidHosts.class, () -> portal.catalogSources().allowedHosts().replace(
                        List.of("git.example.com", "https://evil.example/x", "evil.example:8080", ""), ADA));

        assertEquals(List.of("hosts[1]", "hosts[2]", "hosts[3]"), refused.fields());
        assertEquals(Set.of("localhost"), portal.catalogSources().allowedHosts().list());
    }

    @Test
    void aUrlSourceReachesAnotherHostOnlyOnceAnAdminAllowsIt() {
        try (CatalogHosts here = CatalogHosts.on("127.0.0.1"); CatalogHosts elsewhere = CatalogHosts.on("localhost")) {
            elsewhere.file("/team-b.yaml", component("from-elsewhere", "team-b"));
            here.file("/catalog-info.yaml", component("from-here", "team-a") + """
                    ---
                    apiVersion: backstage.io/v1alpha1
                    kind: Location
                    metadata: {name: both}
                    spec: {targets: [%s]}
                    """.formatted(elsewhere.url("/team-b.yaml")));

            ImportReport refused = portal.catalogSources().importLocation(here.url("/catalog-info.yaml"), ADA, m -> { });
            portal.catalogSources().allowedHosts().replace(List.of("localhost"), ADA);
            ImportReport allowed = portal.catalogSources().importLocation(here.url("/catalog-info.yaml"), ADA, m -> { });

            assertFalse(refused.applied());
            assertEquals(List.of("spec.targets[0]"), refused.problems().stream().map(ImportProblem::field).toList());
            assertTrue(allowed.applied(), allowed.problems().toString());
            assertEquals(Map.of("Component", 2, "Location", 1), allowed.entitiesByKind());
        }
    }

    @Test
    void onlyFoldersYamlFilesAndHttpUrlsCanBeRegistered(@TempDir Path dir) throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "not a catalog");

        for (String location : List.of(notes.toString(), "file:///etc/passwd", "ftp://example.com/catalog.yaml",
                "http:///no-host.yaml", dir.resolve("missing.yaml").toString())) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> portal.catalogSources().importLocation(location, ADA, m -> { }), location);
        }
        assertEquals(List.of(), portal.catalogSources().list());
    }

    @Test
    void aSourceThatCanNoLongerBeReadDoesNotStopTheRefreshOfTheOthers(@TempDir Path dir) throws Exception {
        Path gone = Files.createDirectories(dir.resolve("gone"));
        Files.writeString(gone.resolve("a.yaml"), component("from-gone", "team-a"));
        Path file = dir.resolve("z-catalog.yaml");
        Files.writeString(file, component("before", "team-a"));
        importLocation(gone);
        importLocation(file);
        Files.delete(gone.resolve("a.yaml"));
        Files.delete(gone);
        Files.writeString(file, component("before", "team-b"));

        portal.catalogSources().refreshAll();

        assertEquals("group:default/team-b",
                portal.catalog().get(new EntityRef("component", "default", "before")).orElseThrow().entity().owner());
    }

    static String component(String name, String owner) {
        return """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: %s
                spec:
                  type: service
                  lifecycle: production
                  owner: %s
                """.formatted(name, owner);
    }
}
