package dev.vitals.plugins.deploys.migration;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.CatalogEntity;
import dev.vitals.api.CatalogView;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.RouteDoc;
import dev.vitals.plugins.deploys.catalog.ServiceRefs;
import dev.vitals.plugins.deploys.dora.OrgClock;
import io.javalin.http.Context;
import java.util.List;

/** {@code GET /release-modes} and {@code PUT /release-modes/{service}}: who rides the train, who ships alone. */
public final class ReleaseModesApi {

    static final RouteDoc LIST = RouteDoc.of("List every service's release mode today")
            .returns(ReleaseModeList.class);

    static final RouteDoc SET = RouteDoc.of("Move a service onto or off the release train")
            .description("From the date `since` on, in the organisation's time zone, the service deploys with the "
                    + "train or independently; only editors of the service's team may move it.")
            .accepts(SentReleaseMode.class, """
                    {"mode": "independent", "since": "2026-11-02"}""")
            .returnsNothing(204);

    private final MigrationTracker migration;
    private final CatalogView catalog;
    private final OrgClock clock;

    public ReleaseModesApi(MigrationTracker migration, CatalogView catalog, OrgClock clock) {
        this.migration = migration;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** @return the routes */
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/release-modes", ctx -> ctx.json(new ReleaseModeList(migration.modes(
                        ServiceRefs.keys(catalog.services()), clock.today()).stream().map(ReleaseModeJson::of)
                        .toList()))).doc(LIST),
                ApiRoute.put("/release-modes/{service}", this::set).doc(SET));
    }

    private void set(Context ctx) {
        CatalogEntity service = ServiceRefs.service(catalog, ctx.pathParam("service"))
                .orElseThrow(() -> ProblemException.notFound("no service " + ctx.pathParam("service")
                        + " in the catalog"));
        RequestCaller.requireEditorOf(ctx, service.ref());
        SentReleaseMode body = ctx.bodyAsClass(SentReleaseMode.class);
        migration.set(service.ref().key(), body.mode(), body.since(), RequestCaller.of(ctx).name(), clock.now());
        ctx.status(204);
    }
}
