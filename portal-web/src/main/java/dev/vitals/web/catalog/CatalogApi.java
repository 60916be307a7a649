package dev.vitals.web.catalog;

import dev.vitals.core.catalog.WrittenRef;
import dev.vitals.web.security.GuardedRoutes;
import dev.vitals.core.identity.Scopes;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.api.Role;
import dev.vitals.core.Json;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.catalog.CatalogAllowedHosts;
import dev.vitals.core.catalog.CatalogFilter;
import dev.vitals.core.catalog.CatalogSources;
import dev.vitals.core.catalog.EntityDetail;
import dev.vitals.api.EntityRef;
import dev.vitals.core.catalog.ImportProblem;
import dev.vitals.core.catalog.ImportReport;
import dev.vitals.core.Vitals;
import dev.vitals.web.security.Authentication;
import dev.vitals.web.security.Caller;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /api/catalog/…}: lists with filters and paging, one entity with its relations both ways, YAML export, and
 * import of posted YAML.
 */
public final class CatalogApi {

    private final Vitals vitals;
    private final ObjectMapper json = Json.mapper();

    public CatalogApi(Vitals vitals) {
        this.vitals = vitals;
    }

    public void register(GuardedRoutes routes) {
        for (Collection collection : Collection.values()) {
            routes.get("/api/catalog/" + collection.path(), Role.VIEWER, Scopes.CATALOG_READ,
                    CatalogApiDocs.list(collection), ctx -> list(ctx, collection));
            routes.get("/api/catalog/" + collection.path() + "/<key>", Role.VIEWER, Scopes.CATALOG_READ,
                    CatalogApiDocs.one(collection), ctx -> one(ctx, collection));
        }
        routes.get("/api/catalog/export", Role.VIEWER, Scopes.CATALOG_READ, CatalogApiDocs.EXPORT, this::export);
        routes.post("/api/catalog/import", Role.ADMIN, Scopes.CATALOG_WRITE, CatalogApiDocs.IMPORT, this::importYaml);
        routes.get("/api/catalog/sources", Role.ADMIN, Scopes.ADMIN, CatalogApiDocs.SOURCES,
                ctx -> ctx.json(new Sources(vitals.catalogSources().list())));
        routes.post("/api/catalog/sources", Role.ADMIN, Scopes.CATALOG_WRITE, CatalogApiDocs.REGISTER_SOURCE,
                this::registerSource);
        routes.get("/api/admin/catalog/allowed-hosts", Role.ADMIN, Scopes.ADMIN, CatalogApiDocs.ALLOWED_HOSTS,
                ctx -> ctx.json(new AllowedHosts(List.copyOf(vitals.catalogSources().allowedHosts().list()))));
        routes.put("/api/admin/catalog/allowed-hosts", Role.ADMIN, Scopes.ADMIN, CatalogApiDocs.REPLACE_ALLOWED_HOSTS,
                this::replaceAllowedHosts);
    }

    /**
     * The body of {@code GET} and {@code PUT /api/admin/catalog/allowed-hosts}.
     *
     * @param hosts the hosts URL sources and their Locations may be fetched from, besides a source's own host
     */
    public record AllowedHosts(List<String> hosts) {
    }

    /**
     * The answer to {@code GET /api/catalog/sources}.
     *
     * @param sources every registered source with its last import
     */
    public record Sources(List<CatalogSources.Source> sources) {
    }

    /**
     * The body of {@code POST /api/catalog/sources}. The route reads it member by member, so that a missing or
     * misspelt location is answered in the route's own words.
     *
     * @param location a {@code .yaml} file, a folder or an http(s) URL
     */
    public record NewSource(String location) {
    }

    private void replaceAllowedHosts(Context ctx) {
        Object body = ctx.bodyAsClass(Object.class);
        if (!(body instanceof Map<?, ?> map) || !(map.get("hosts") instanceof List<?> list)
                || !list.stream().allMatch(String.class::isInstance)) {
            throw ProblemException.unprocessable("say which hosts catalog sources may be fetched from",
                    List.of(new FieldError("hosts", "is required: a list of host names, possibly empty")));
        }
        List<String> hosts = list.stream().map(String.class::cast).toList();
        ctx.json(new AllowedHosts(List.copyOf(replace(hosts, Caller.actor(ctx)))));
    }

    /** Sets the allowed hosts, or answers 422 naming each entry that is not a host name. */
    private Set<String> replace(List<String> hosts, Actor actor) {
        try {
            return vitals.catalogSources().allowedHosts().replace(hosts, actor);
        } catch (CatalogAllowedHosts.InvalidHosts e) {
            throw ProblemException.unprocessable(e.getMessage(), e.fields().stream()
                    .map(field -> new FieldError(field, e.getMessage())).toList());
        }
    }

    private void list(Context ctx, Collection collection) {
        Paging paging = Paging.of(ctx);
        ctx.json(vitals.catalog().list(collection.kinds(), filter(ctx), paging.page(), paging.size()));
    }

    /** Owner and system as short keys ({@code owner=identity}) or full references, as every filter link may write them. */
    static CatalogFilter filter(Context ctx) {
        return new CatalogFilter(entity(ctx, "owner", "group"), entity(ctx, "system", "system"), param(ctx, "tag"),
                param(ctx, "lifecycle"), param(ctx, "text"));
    }

    private static Optional<String> entity(Context ctx, String name, String kind) {
        return param(ctx, name).map(v -> dev.vitals.api.ui.EntityFilter.of(name, kind, v).ref()
                .map(EntityRef::toString).orElse(v));
    }

    private static Optional<String> param(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    private void one(Context ctx, Collection collection) {
        EntityDetail detail = collection.ref(ctx.pathParam("key")).flatMap(vitals.catalog()::get).orElseThrow(() -> ProblemException.notFound(
                "no " + collection.singular() + " '" + ctx.pathParam("key") + "' in the catalog"));
        ctx.json(detail);
    }

    private void export(Context ctx) {
        String text = Optional.ofNullable(ctx.queryParam("ref")).orElseThrow(() -> new ProblemException(400,
                "say which entity to export", List.of(new FieldError("ref", "is required, e.g. component:default/artist-lookup"))));
        EntityRef ref = WrittenRef.parse(text, "component", EntityRef.DEFAULT_NAMESPACE).orElseThrow(() ->
                new ProblemException(400, "not an entity reference",
                        List.of(new FieldError("ref", "expected [kind:][namespace/]name, got " + text))));
        EntityDetail detail = vitals.catalog().get(ref).orElseThrow(() -> ProblemException.notFound(
                "no entity " + ref + " in the catalog"));
        ctx.contentType("application/yaml; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + ref.name() + ".yaml\"")
                .result(CatalogYaml.write(detail.document()));
    }

    private void importYaml(Context ctx) {
        String source = Optional.ofNullable(ctx.queryParam("source")).filter(s -> s.matches("[a-zA-Z0-9._-]{1,100}"))
                .orElse("default");
        ImportReport report = vitals.catalogSources().importText(source, ctx.body(), Caller.actor(ctx));
        answer(ctx, report);
    }

    private void registerSource(Context ctx) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = ctx.bodyAsClass(Map.class);
        if (!(body.get("location") instanceof String location) || location.isBlank()) {
            throw ProblemException.unprocessable("say where the descriptors are",
                    List.of(new FieldError("location", "is required: a file, a folder or an http(s) URL")));
        }
        try {
            answer(ctx, vitals.catalogSources().importLocation(location, Caller.actor(ctx), message -> { }));
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable(e.getMessage(), List.of(new FieldError("location", e.getMessage())));
        }
    }

    private static void answer(Context ctx, ImportReport report) {
        if (!report.applied()) {
            throw ProblemException.unprocessable(report.summary(), report.problems().stream()
                    .map(CatalogApi::fieldError).toList());
        }
        ctx.json(report);
    }

    private static FieldError fieldError(ImportProblem p) {
        return new FieldError(p.file() + (p.document() >= 0 ? " document " + p.document() : "")
                + (p.field().isEmpty() ? "" : " " + p.field()), p.reason());
    }
}
