package dev.vitals.plugins.graph.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.testkit.RouteDocs;
import dev.vitals.testkit.TestCatalog;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The graph's routes over HTTP, in a real portal, on a catalog with an API that two services provide. */
class GraphApiTest {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .catalog(TestCatalog.of().team("web").team("payments")
                    .service("pay-eu", "payments").service("pay-us", "payments", "ghost-db")
                    .descriptor("""
                            apiVersion: backstage.io/v1alpha1
                            kind: API
                            metadata: {name: payments}
                            spec: {type: openapi, lifecycle: production, owner: payments, definition: "{}"}
                            """)
                    .descriptor("""
                            apiVersion: backstage.io/v1alpha1
                            kind: Component
                            metadata: {name: shop}
                            spec: {type: service, lifecycle: production, owner: web, consumesApis: [payments]}
                            """)
                    .descriptor("""
                            apiVersion: backstage.io/v1alpha1
                            kind: Component
                            metadata: {name: pay-eu-impl}
                            spec: {type: library, lifecycle: production, owner: payments, providesApis: [payments],
                              subcomponentOf: pay-eu}
                            """)
                    .descriptor("""
                            apiVersion: backstage.io/v1alpha1
                            kind: Component
                            metadata: {name: pay-us-impl}
                            spec: {type: library, lifecycle: production, owner: payments, providesApis: [payments]}
                            """))
            .build();

    @Test
    void everyRouteIsDescribedAndItsExampleReadsAsTheRouteReadsItsBody(VitalsPortal portal) {
        assertEquals(List.of(), RouteDocs.faults(portal.apiRoutes(), portal.webhooks(), Set.of()));
    }

    @Test
    void theBlastRadiusOfAProviderListsTheApiAndItsConsumerWithTheirTeams(VitalsPortal portal) {
        GraphStatus.awaitFresh(portal, status -> status.nodes() > 0);

        ReachJson reach = portal.viewer().get("/api/graph/nodes/component:pay-us-impl/dependents")
                .expect(200).as(ReachJson.class);

        assertEquals("component:default/pay-us-impl", reach.ref());
        assertEquals(List.of(
                new ReachJson.Reached("api:default/payments", 1, Optional.of("group:default/payments")),
                new ReachJson.Reached("component:default/shop", 2, Optional.of("group:default/web"))), reach.nodes());
        assertEquals(List.of("group:default/payments", "group:default/web"), reach.teams());
        assertEquals(false, reach.truncated());
    }

    @Test
    void aBlastRadiusAskedWithGzipIsTheSameJsonCompressedAndAskedAgainTheSameBytes(VitalsPortal portal)
            throws Exception {
        GraphStatus.awaitFresh(portal, status -> status.nodes() > 0);
        String path = "/api/graph/nodes/component:pay-us-impl/dependents";
        String plain = portal.viewer().get(path).expect(200).body();

        HttpResponse<byte[]> first = askAsABrowser(portal, path, "gzip, deflate, br");
        HttpResponse<byte[]> again = askAsABrowser(portal, path, "gzip, deflate, br");
        HttpResponse<byte[]> refused = askAsABrowser(portal, path, "gzip;q=0, identity");

        assertEquals(Optional.of("gzip"), first.headers().firstValue("Content-Encoding"));
        assertEquals(Optional.of("Accept-Encoding"), first.headers().firstValue("Vary"));
        assertEquals(plain, gunzipped(first.body()));
        assertArrayEquals(first.body(), again.body());
        assertEquals(Optional.empty(), refused.headers().firstValue("Content-Encoding"));
        assertEquals(plain, new String(refused.body(), StandardCharsets.UTF_8));
    }

    private static HttpResponse<byte[]> askAsABrowser(VitalsPortal portal, String path, String acceptEncoding)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(portal.uri(path)).header("X-Forwarded-User", "vera")
                .header("Accept", "application/json").header("Accept-Encoding", acceptEncoding).build();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        return response;
    }

    private static String gunzipped(byte[] body) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aDepthOfOneStopsAtTheApiAndSaysItWasCut(VitalsPortal portal) {
        GraphStatus.awaitFresh(portal, status -> status.nodes() > 0);

        ReachJson reach = portal.viewer().get("/api/graph/nodes/component:shop/dependencies?depth=1")
                .expect(200).as(ReachJson.class);

        assertEquals(List.of("api:default/payments"), reach.nodes().stream().map(ReachJson.Reached::ref).toList());
        assertTrue(reach.truncated());
    }

    @Test
    void aPathGoesThroughTheApiAndANodeWithoutOneIsA404WithTheReason(VitalsPortal portal) {
        GraphStatus.awaitFresh(portal, status -> status.nodes() > 0);

        PathJson path = portal.viewer().get("/api/graph/path?from=component:shop&to=component:default%2Fpay-eu-impl")
                .expect(200).as(PathJson.class);
        var none = portal.viewer().get("/api/graph/path?from=component:pay-eu&to=component:shop");

        assertEquals(List.of("component:default/shop", "api:default/payments", "component:default/pay-eu-impl"),
                path.refs());
        assertEquals(2, path.hops());
        assertEquals(404, none.status());
        assertTrue(none.body().contains("does not depend on"), none.body());
    }

    @Test
    void aDanglingReferenceIsListedAsMissing(VitalsPortal portal) {
        GraphStatus.awaitFresh(portal, status -> status.nodes() > 0);

        StatusJson status = portal.viewer().get("/api/graph/status").expect(200).as(StatusJson.class);

        assertEquals(List.of("component:default/ghost-db"), status.missing());
    }

    @Test
    void badParametersAreRefusedNamingTheParameter(VitalsPortal portal) {
        GraphStatus.awaitFresh(portal, status -> status.nodes() > 0);

        var badRef = portal.viewer().get("/api/graph/nodes/not-a-ref/dependents");
        var unknown = portal.viewer().get("/api/graph/nodes/component:nowhere/dependents");
        var badDepth = portal.viewer().get("/api/graph/nodes/component:shop/dependents?depth=0");
        var badFormat = portal.viewer().get("/api/graph/export?format=png");
        var noFrom = portal.viewer().get("/api/graph/path?to=component:shop");
        var noProgram = portal.viewer().get("/api/graph/programs/nothing/stakeholders");

        assertEquals(400, badRef.status());
        assertTrue(badRef.body().contains("\"ref\""), badRef.body());
        assertEquals(404, unknown.status());
        assertTrue(unknown.body().contains("\"ref\""), unknown.body());
        assertEquals(400, badDepth.status());
        assertTrue(badDepth.body().contains("\"depth\""), badDepth.body());
        assertEquals(400, badFormat.status());
        assertTrue(badFormat.body().contains("\"format\""), badFormat.body());
        assertEquals(400, noFrom.status());
        assertTrue(noFrom.body().contains("\"from\""), noFrom.body());
        assertEquals(404, noProgram.status());
        assertTrue(badRef.contentType().orElseThrow().startsWith("application/problem+json"));
    }

    @Test
    void theExportWritesEveryEdgeWithItsRelation(VitalsPortal portal) {
        GraphStatus.awaitFresh(portal, status -> status.nodes() > 0);

        var dot = portal.viewer().get("/api/graph/export?format=dot").expect(200);
        var graphml = portal.viewer().get("/api/graph/export?format=graphml&focus=api:payments&depth=1")
                .expect(200);

        assertTrue(dot.contentType().orElseThrow().startsWith("text/vnd.graphviz"));
        assertEquals(2, dot.body().split("providesApi", -1).length - 1, dot.body());
        assertTrue(graphml.body().contains("component:default/shop"), graphml.body());
        assertTrue(!graphml.body().contains("ghost-db"), graphml.body());
    }

    @Test
    void theTeamMapCountsWebDependingOnPaymentsThroughTheApiOncePerPair(VitalsPortal portal) {
        GraphStatus.awaitFresh(portal, status -> status.nodes() > 0);

        var teams = portal.viewer().get("/api/graph/teams").expect(200).json();

        assertEquals("group:default/web", teams.get("edges").get(0).get("from").asText());
        assertEquals("group:default/payments", teams.get("edges").get(0).get("to").asText());
        assertEquals(2, teams.get("edges").get(0).get("count").asInt());
    }

    @Test
    void criticalityRanksTheApiFirstAndSaysBetweennessIsExact(VitalsPortal portal) {
        GraphStatus.awaitFresh(portal, status -> status.nodes() > 0);

        CriticalityJson criticality = portal.viewer().get("/api/graph/criticality?limit=2").expect(200)
                .as(CriticalityJson.class);

        assertEquals(2, criticality.nodes().size());
        assertEquals(false, criticality.betweennessSampled());
        assertTrue(criticality.nodes().get(0).dependents() >= 1);
        assertEquals(200, portal.viewer().get("/api/graph/cycles").status());
    }

    @Test
    void aBlastRadiusAskedAgainAfterTheCatalogChangedAnswersFromTheNewGraph(VitalsPortal portal) throws Exception {
        // A team of its own, so that the other answers here stay as they are; zz-late sorts after late-b, so late-b
        // keeps its node number and a kept answer would be asked for by the same question.
        Path folder = Files.createTempDirectory("graph-late");
        Path team = Files.writeString(folder.resolve("late-b.yaml"), """
                apiVersion: backstage.io/v1alpha1
                kind: Group
                metadata: {name: late}
                spec: {type: team, children: []}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata: {name: late-b}
                spec: {type: service, lifecycle: production, owner: late}
                """);
        Path dependent = Files.writeString(folder.resolve("zz-late.yaml"), """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata: {name: zz-late}
                spec: {type: service, lifecycle: production, owner: late, dependsOn: [component:late-b]}
                """);
        portal.importCatalog(team);
        GraphStatus.awaitFresh(portal, status -> hasNode(portal, "component:late-b"));
        String path = "/api/graph/nodes/component:late-b/dependents";
        ReachJson before = portal.viewer().get(path).expect(200).as(ReachJson.class);
        ReachJson again = portal.viewer().get(path).expect(200).as(ReachJson.class);

        portal.importCatalog(dependent);
        GraphStatus.awaitFresh(portal, status -> hasNode(portal, "component:zz-late"));
        ReachJson after = portal.viewer().get(path).expect(200).as(ReachJson.class);

        assertEquals(0, before.total());
        assertEquals(before, again);
        assertEquals(1, after.total());
        assertEquals(List.of(new ReachJson.Reached("component:default/zz-late", 1, Optional.of("group:default/late"))),
                after.nodes());
    }

    private static boolean hasNode(VitalsPortal portal, String ref) {
        return portal.viewer().get("/api/graph/nodes/" + ref + "/dependents").status() == 200;
    }
}
