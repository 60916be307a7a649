package dev.vitals.plugins.graph.api;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.EntityRef;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RouteDoc;
import dev.vitals.api.RouteParam;
import dev.vitals.plugins.graph.answers.Drift;
import dev.vitals.plugins.graph.answers.GraphExport;
import dev.vitals.plugins.graph.answers.ShortestPath;
import dev.vitals.plugins.graph.answers.Stakeholders;
import dev.vitals.plugins.graph.answers.TeamMap;
import dev.vitals.plugins.graph.freshness.GraphHolder;
import dev.vitals.plugins.graph.freshness.GraphSnapshot;
import dev.vitals.plugins.graph.freshness.KeptAnswers;
import dev.vitals.plugins.graph.model.DependencyGraph;
import dev.vitals.plugins.graph.model.Direction;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.Supplier;

/** The graph's answers as JSON (and DOT or GraphML), each read from one snapshot. */
public final class GraphApi {

    private static final RouteParam DEPTH = RouteParam.optional("depth",
            "the most edges to walk, 1 or more; an API is a node, so consumer → API → provider is 2; default: no "
                    + "limit").ofType(Integer.class);
    private static final RouteParam LIMIT = RouteParam.optional("limit",
            "the most nodes to list, nearest first, 1 to 1000000; default 1000. The teams and the total cover every "
                    + "node reached").ofType(Integer.class);

    private final GraphHolder holder;

    /** @param holder the current graph */
    public GraphApi(GraphHolder holder) {
        this.holder = holder;
    }

    /** @return the read routes */
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/nodes/{ref}/dependents", ctx -> reach(ctx, Direction.DEPENDENTS))
                        .doc(RouteDoc.of("List every node that depends on a node: its blast radius")
                                .description("{ref} is kind:name (namespace default) or kind:namespace/name with "
                                        + "the slash encoded. Each node is listed once with its shortest distance.")
                                .query(DEPTH, LIMIT).returns(ReachJson.class)),
                ApiRoute.get("/nodes/{ref}/dependencies", ctx -> reach(ctx, Direction.DEPENDENCIES))
                        .doc(RouteDoc.of("List every node a node depends on, directly or transitively")
                                .query(DEPTH, LIMIT).returns(ReachJson.class)),
                ApiRoute.get("/path", this::path)
                        .doc(RouteDoc.of("Find a shortest dependency path from one node to another")
                                .description("404 with the reason when the first does not depend on the second.")
                                .query(RouteParam.required("from", "the node that depends, e.g. component:checkout"),
                                        RouteParam.required("to", "the node depended on, e.g. resource:payments-db"))
                                .returns(PathJson.class)),
                ApiRoute.get("/cycles", this::cycles)
                        .doc(RouteDoc.of("List the dependency cycles, biggest first").returns(CyclesJson.class)),
                ApiRoute.get("/criticality", this::criticality)
                        .doc(RouteDoc.of("Rank nodes by how many nodes depend on them, with PageRank and betweenness")
                                .query(RouteParam.optional("limit", "how many nodes, 1 to 1000; default 50")
                                        .ofType(Integer.class))
                                .returns(CriticalityJson.class)),
                ApiRoute.get("/teams", this::teams)
                        .doc(RouteDoc.of("Map which teams depend on which, counting service-to-service pairs")
                                .returns(TeamMap.class)),
                ApiRoute.get("/programs/{key}/stakeholders", this::stakeholders)
                        .doc(RouteDoc.of("List a program's stakeholder teams and the teams it depends on unnamed")
                                .returns(Stakeholders.class)),
                ApiRoute.get("/export", this::export)
                        .doc(RouteDoc.of("Export the graph or a node's neighbourhood as DOT or GraphML")
                                .query(RouteParam.required("format", "dot or graphml"),
                                        RouteParam.optional("focus", "a node whose neighbourhood to export, e.g. "
                                                + "component:checkout; default: the whole graph"),
                                        DEPTH)
                                .returns(200, RouteDoc.Body.text("text/vnd.graphviz", "strict digraph G {\n}\n"))),
                ApiRoute.get("/drift", this::drift)
                        .doc(RouteDoc.of("List declared dependencies never observed in 30 days, and observed calls "
                                + "never declared").returns(DriftJson.class)),
                ApiRoute.get("/status", this::status)
                        .doc(RouteDoc.of("Say which catalog version the graph answers from and list dangling "
                                + "references").returns(StatusJson.class)));
    }

    private void reach(Context ctx, Direction direction) {
        GraphSnapshot snapshot = holder.current();
        int start = Parameters.node(snapshot.graph(), ctx.pathParam("ref"), "ref");
        OptionalInt depth = Parameters.wholeNumber(ctx, "depth", 1, 1_000_000);
        int limit = Parameters.wholeNumber(ctx, "limit", 1, 1_000_000).orElse(ReachJson.DEFAULT_LIMIT);
        DependencyGraph graph = snapshot.graph();
        sendKept(ctx, snapshot.kept(), new ReachQuestion(start, direction, depth, limit),
                () -> written(ctx, snapshot.walks().walk(start, direction, depth,
                        walked -> ReachJson.of(graph, walked, limit)), ReachJson.class));
    }

    /** A blast radius (or its opposite) as asked: its answer is the same for as long as the snapshot answers. */
    private record ReachQuestion(int start, Direction direction, OptionalInt depth, int limit) {
    }

    /** The team map's JSON, written once per snapshot: at 1,000 teams it has 150,000 team edges. */
    private record TeamsQuestion() {
    }

    /** A kept answer in gzip: compressed once, from the kept JSON, the first time a client accepting gzip asks. */
    private record Gzipped(Object question) {
    }

    private static <T> byte[] written(Context ctx, T answer, Class<T> type) {
        return ctx.jsonMapper().toJsonString(answer, type).getBytes(StandardCharsets.UTF_8);
    }

    private static void sendKept(Context ctx, KeptAnswers kept, Object question, Supplier<byte[]> json) {
        ctx.contentType(ContentType.APPLICATION_JSON).header(Header.VARY, Header.ACCEPT_ENCODING);
        if (GzipAnswers.accepted(ctx.header(Header.ACCEPT_ENCODING))) {
            // The portal compresses nothing that already names its encoding.
            ctx.header(Header.CONTENT_ENCODING, "gzip").result(kept.answer(new Gzipped(question),
                    () -> GzipAnswers.gzip(kept.answer(question, json))));
        } else {
            ctx.result(kept.answer(question, json));
        }
    }

    private void path(Context ctx) {
        DependencyGraph graph = holder.current().graph();
        int from = Parameters.requiredNode(ctx, graph, "from");
        int to = Parameters.requiredNode(ctx, graph, "to");
        String fromRef = graph.node(from).ref().toString();
        String toRef = graph.node(to).ref().toString();
        List<Integer> path = ShortestPath.between(graph, from, to).orElseThrow(() -> ProblemException.notFound(
                fromRef + " does not depend on " + toRef + ": no path along dependsOn, consumesApi and providesApi"));
        ctx.json(new PathJson(fromRef, toRef, path.stream().map(i -> graph.node(i).ref().toString()).toList(),
                path.size() - 1));
    }

    private void cycles(Context ctx) {
        ctx.json(new CyclesJson(holder.current().cycles().stream().map(CyclesJson.Cycle::new).toList()));
    }

    private void criticality(Context ctx) {
        int limit = Parameters.wholeNumber(ctx, "limit", 1, 1000).orElse(50);
        GraphSnapshot snapshot = holder.current();
        ctx.json(CriticalityJson.of(snapshot.graph(), snapshot.criticality(), limit));
    }

    private void teams(Context ctx) {
        GraphSnapshot snapshot = holder.current();
        sendKept(ctx, snapshot.kept(), new TeamsQuestion(), () -> written(ctx, snapshot.teamMap(), TeamMap.class));
    }

    private void stakeholders(Context ctx) {
        String key = ctx.pathParam("key");
        EntityRef program = EntityRef.fromKey("program", key).orElseThrow(() -> new ProblemException(400,
                "'key' is not a program's key", List.of(new FieldError("key",
                        "must be a program's name, or namespace/name with the slash encoded; got '" + key + "'"))));
        ctx.json(Stakeholders.of(holder.current().graph(), program).orElseThrow(() -> new ProblemException(404,
                "the catalog has no program " + program, List.of(new FieldError("key", "names no program: " + key)))));
    }

    private void export(Context ctx) {
        String text = Parameters.text(ctx, "format").orElse("");
        GraphExport.Format format;
        try {
            format = GraphExport.Format.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "the query parameter 'format' is not a format the export writes",
                    List.of(new FieldError("format", "must be dot or graphml, got '" + text + "'")));
        }
        DependencyGraph graph = holder.current().graph();
        OptionalInt focus = Parameters.optionalNode(ctx, graph, "focus");
        OptionalInt depth = Parameters.wholeNumber(ctx, "depth", 1, 1_000_000);
        ctx.contentType(format.mediaType() + "; charset=utf-8")
                .result(GraphExport.write(graph, format, focus, depth));
    }

    private void drift(Context ctx) {
        GraphSnapshot snapshot = holder.current();
        Drift drift = Drift.of(snapshot.graph(), snapshot.observed());
        ctx.json(new DriftJson(drift.declaredNeverObserved(), drift.observedNeverDeclared().stream()
                .map(e -> new DriftJson.Observed(e.from().toString(), e.to().toString(), e.calls(), e.errors(),
                        e.lastDay().toString()))
                .toList()));
    }

    private void status(Context ctx) {
        GraphSnapshot snapshot = holder.current();
        DependencyGraph graph = snapshot.graph();
        ctx.json(new StatusJson(snapshot.catalogVersion(), holder.fresh(), snapshot.builtAt().toString(),
                graph.size(), graph.edges().size(), snapshot.observed().size(),
                graph.missing().stream().map(n -> n.ref().toString()).toList()));
    }
}
