package dev.vitals.plugins.graph.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.CatalogChanges;
import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import dev.vitals.core.Vitals;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.catalog.CatalogEditor;
import dev.vitals.core.catalog.PluginCatalogView;
import dev.vitals.core.pluginhost.PluginSource;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import dev.vitals.plugins.graph.answers.Cycles;
import dev.vitals.plugins.graph.answers.TeamMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A graph kept between rebuilds and brought forward by the catalog's changes is the graph a whole read of the catalog
 * gives: after random edits through the importer, the editor and SQL (services added, their dependencies, APIs and
 * owners changed, removed and added again, relations written alone, stakeholders changed), on a real PostgreSQL, the
 * nodes, edges in order, missing references, cycles and team map are the same.
 */
class CatalogChangesAppliedTest {

    private static final Actor ADA = new Actor("ada", Optional.empty());
    private static final int SERVICES = 24;
    private static final int APIS = 6;
    private static final int TEAMS = 4;
    private Vitals portal;
    private CatalogView view;

    @BeforeEach
    void start() {
        portal = TestPortal.start(TestPostgres.freshDatabase(), PluginSource.none());
        view = new PluginCatalogView(portal.database().jdbi());
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void aKeptGraphWithEveryChangeAppliedIsTheGraphOfAWholeRead(long seed) {
        Random random = new Random(seed);
        for (int t = 0; t < TEAMS; t++) {
            importText("team-" + t, """
                    apiVersion: backstage.io/v1alpha1
                    kind: Group
                    metadata: {name: team-%d}
                    spec: {type: team, children: []}
                    """.formatted(t));
        }
        for (int a = 0; a < APIS; a++) {
            importText("api-" + a, api(a, random));
        }
        Set<Integer> present = new HashSet<>();
        for (int s = 0; s < SERVICES - 4; s++) {
            importText("s" + s, service(s, random));
            present.add(s);
        }
        importText("program", program(random));
        long version = view.version();
        CatalogGraph catalog = new CatalogGraph(view);
        CatalogCopy copy = catalog.read();
        assertSameGraph(catalog.build(), copy.graph(), "read whole");

        for (int step = 0; step < 40; step++) {
            int s = random.nextInt(SERVICES);
            String what;
            switch (random.nextInt(7)) {
                case 0, 1 -> {
                    what = "s" + s + " imported with other dependencies, APIs, owner and tier";
                    importText("s" + s, service(s, random));
                    present.add(s);
                }
                case 2 -> {
                    what = "s" + s + " removed by SQL";
                    sql("DELETE FROM core.catalog_relations WHERE source_ref = 'component:default/s" + s + "'");
                    sql("DELETE FROM core.catalog_entities WHERE ref = 'component:default/s" + s + "'");
                    present.remove(s);
                }
                case 3 -> {
                    what = "a dependency of s" + s + " written by SQL";
                    sql("INSERT INTO core.catalog_relations (source_ref, type, target_ref) VALUES ('component:default/s"
                            + s + "', 'dependsOn', 'component:default/s" + random.nextInt(SERVICES + 4)
                            + "') ON CONFLICT DO NOTHING");
                }
                case 4 -> {
                    int a = random.nextInt(APIS);
                    what = "api-" + a + " imported with another owner";
                    importText("api-" + a, api(a, random));
                }
                case 5 -> {
                    what = "the program's stakeholders edited";
                    portal.catalogEditor().editStakeholders(EntityRef.parse("program:default/reliability"),
                            List.of(new CatalogEditor.Stakeholder("team-" + random.nextInt(TEAMS),
                                    random.nextBoolean() ? "Engineering" : "Sales")), ADA);
                }
                default -> {
                    what = "s" + s + " retitled";
                    if (present.contains(s)) {
                        portal.catalogEditor().editMetadata(EntityRef.parse("component:default/s" + s),
                                new CatalogEditor.MetadataEdit("Service " + step, null, List.of()), ADA);
                    }
                }
            }
            if (random.nextInt(3) == 0) {
                continue; // several changes applied at once
            }
            CatalogChanges changes = view.changesSince(version).orElseThrow();
            copy.apply(changes);
            version = changes.version();
            assertEquals(view.version(), version);
            assertSameGraph(catalog.build(), copy.graph(), "step " + step + ", " + what);
        }
        assertTrue(present.size() < SERVICES, "some services were removed along the way: " + present);
    }

    private static void assertSameGraph(DependencyGraph whole, DependencyGraph applied, String after) {
        assertEquals(whole.nodes(), applied.nodes(), after + ": nodes");
        assertEquals(whole.edges(), applied.edges(), after + ": edges");
        assertEquals(whole.missing(), applied.missing(), after + ": missing");
        assertEquals(Cycles.of(whole), Cycles.of(applied), after + ": cycles");
        TeamMap teams = TeamMap.of(whole);
        assertEquals(teams, TeamMap.of(applied), after + ": team map");
        for (int i = 0; i < whole.size(); i++) {
            assertEquals(List.of(whole.dependenciesOf(i).length, whole.dependentsOf(i).length, whole.ownerNumber(i)),
                    List.of(applied.dependenciesOf(i).length, applied.dependentsOf(i).length, applied.ownerNumber(i)),
                    after + ": " + whole.node(i));
        }
    }

    private void importText(String source, String yaml) {
        assertTrue(portal.catalogSources().importText(source, yaml, ADA).applied(), source);
    }

    private void sql(String statement) {
        portal.database().jdbi().useHandle(h -> h.execute(statement));
    }

    /** A service depending on a few others (some never in the catalog), consuming and providing APIs. */
    private static String service(int s, Random random) {
        String dependsOn = IntStream.range(0, random.nextInt(4)).mapToObj(i -> "component:s" + random.nextInt(SERVICES + 4))
                .distinct().collect(Collectors.joining(", "));
        String consumes = IntStream.range(0, random.nextInt(3)).mapToObj(i -> "a" + random.nextInt(APIS + 1))
                .distinct().collect(Collectors.joining(", "));
        String provides = random.nextInt(4) == 0 ? "a" + random.nextInt(APIS) : "";
        return """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: s%d
                  annotations: {vitals.dev/tier: "%d"}
                spec: {type: service, lifecycle: production, owner: team-%d, dependsOn: [%s], consumesApis: [%s],
                  providesApis: [%s]}
                """.formatted(s, 1 + random.nextInt(3), random.nextInt(TEAMS), dependsOn, consumes, provides);
    }

    private static String api(int a, Random random) {
        return """
                apiVersion: backstage.io/v1alpha1
                kind: API
                metadata: {name: a%d}
                spec: {type: openapi, lifecycle: production, owner: team-%d, definition: "openapi: 3.0.0"}
                """.formatted(a, random.nextInt(TEAMS));
    }

    private static String program(Random random) {
        List<String> services = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            services.add("component:s" + random.nextInt(SERVICES));
        }
        return """
                apiVersion: vitals.dev/v1
                kind: Program
                metadata:
                  name: reliability
                spec:
                  owner: team-0
                  outcome: Checkout answers within a second
                  stakeholders:
                  - team: team-1
                    role: Engineering
                  services: [%s]
                """.formatted(String.join(", ", services.stream().distinct().toList()));
    }
}
