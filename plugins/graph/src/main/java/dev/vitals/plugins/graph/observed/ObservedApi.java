package dev.vitals.plugins.graph.observed;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.RouteDoc;
import dev.vitals.plugins.graph.freshness.GraphHolder;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;

/**
 * {@code POST /observed}: call edges seen by tracing. Idempotent per (from, to, day), all or nothing. A team reports
 * the calls its own services make: the caller must edit the team owning every {@code from} (admins and all-team
 * tokens report any); tokens need the scope {@value #SCOPE}.
 */
public final class ObservedApi {

    /** The token scope a tracing exporter needs. */
    public static final String SCOPE = "graph:ingest";

    private final ObservedStore store;
    private final GraphHolder holder;

    /**
     * @param store where the edges go
     * @param holder rebuilt after a batch, so that the drift report and the graph see it
     */
    public ObservedApi(ObservedStore store, GraphHolder holder) {
        this.store = store;
        this.holder = holder;
    }

    /** @return the ingest route */
    public List<ApiRoute> routes() {
        return List.of(ApiRoute.post("/observed", this::ingest).scoped(SCOPE)
                .doc(RouteDoc.of("Record call edges seen by tracing, per caller, callee and day")
                        .description("All or nothing; sending a (from, to, day) again replaces it. The caller must "
                                + "edit the team that owns every 'from'.")
                        .accepts(SentObservedEdge[].class, """
                                [{"from": "component:shop", "to": "api:payments", "calls": 1200, "errors": 3,
                                  "day": "2026-12-05"}]""")
                        .returns(ObservedAnswer.class)));
    }

    private void ingest(Context ctx) {
        List<ObservedCalls> calls = ObservedBatch.check(Arrays.asList(ctx.bodyAsClass(SentObservedEdge[].class)),
                store.today());
        RequestCaller.requireEditorOfAll(ctx, calls.stream().map(ObservedCalls::from).distinct().toList());
        store.save(calls);
        holder.requestRebuild();
        ctx.json(new ObservedAnswer(calls.size()));
    }

    /** @param stored how many (from, to, day) rows the batch wrote or replaced */
    public record ObservedAnswer(int stored) {
    }
}
