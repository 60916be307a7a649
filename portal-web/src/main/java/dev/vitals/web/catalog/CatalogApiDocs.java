package dev.vitals.web.catalog;

import dev.vitals.api.RouteDoc;
import dev.vitals.api.RouteParam;
import dev.vitals.core.catalog.CatalogPage;
import dev.vitals.core.catalog.EntityDetail;
import dev.vitals.core.catalog.ImportReport;

/** What the API description says about {@code /api/catalog/…}: kept apart so the routes stay readable. */
final class CatalogApiDocs {

    private static final String REPORT = """
            {"source": "default", "at": "2030-01-02T03:04:05Z", "applied": true, "files": 1,
             "entitiesByKind": {"Component": 2, "Group": 1}, "skippedUnknownKinds": 0, "created": 1, "updated": 2,
             "unchanged": 0, "orphaned": 0, "problems": []}""";
    private static final String SUMMARY = """
            {"ref": "component:default/artist-lookup", "key": "artist-lookup", "kind": "Component",
             "name": "artist-lookup", "title": "Artist lookup", "description": "Finds artists by name",
             "type": "service", "lifecycle": "production", "owner": "group:default/identity", "system": null,
             "tags": ["java"], "orphaned": false}""";

    static final RouteDoc EXPORT = RouteDoc.of("Export one entity as catalog YAML")
            .query(RouteParam.required("ref", "the entity, [kind:][namespace/]name, e.g. "
                    + "component:default/artist-lookup; the kind defaults to component"))
            .returns(200, RouteDoc.Body.text("application/yaml", """
                    apiVersion: backstage.io/v1alpha1
                    kind: Component
                    metadata:
                      name: artist-lookup
                    spec:
                      type: service
                      lifecycle: production
                      owner: identity
                    """));

    static final RouteDoc IMPORT = RouteDoc.of("Import catalog YAML sent in the body")
            .description("All or nothing: a document with a problem imports none, and the answer is a 422 naming "
                    + "each file, document and field at fault.")
            .query(RouteParam.optional("source", "the name the entities are kept under, letters, digits, '.', '_' "
                    + "and '-'; default 'default'"))
            .accepts(RouteDoc.Body.text("application/yaml", """
                    apiVersion: backstage.io/v1alpha1
                    kind: Group
                    metadata: {name: identity}
                    spec: {type: team, children: []}
                    """))
            .returns(200, RouteDoc.Body.json(ImportReport.class, REPORT));

    static final RouteDoc SOURCES = RouteDoc.of("List the catalog sources and their last imports")
            .returns(200, RouteDoc.Body.json(CatalogApi.Sources.class, """
                    {"sources": [{"id": 1, "location": "https://git.example.com/catalog/all.yaml",
                      "registeredAt": "2030-01-01T00:00:00Z", "registeredBy": "ada",
                      "lastImportAt": "2030-01-02T03:04:05Z", "lastResult": %s}]}""".formatted(REPORT)));

    static final RouteDoc REGISTER_SOURCE = RouteDoc.of("Register a catalog source and import it now")
            .description("The source stays registered and is imported again periodically; Locations in it are "
                    + "followed within its folder, to its own host and to the allowed hosts.")
            .accepts(CatalogApi.NewSource.class, "{\"location\": \"https://git.example.com/catalog/all.yaml\"}")
            .returns(200, RouteDoc.Body.json(ImportReport.class, REPORT));

    static final RouteDoc ALLOWED_HOSTS = RouteDoc.of("List the hosts catalog sources may be fetched from")
            .returns(200, RouteDoc.Body.json(CatalogApi.AllowedHosts.class, "{\"hosts\": [\"git.example.com\"]}"));

    static final RouteDoc REPLACE_ALLOWED_HOSTS = RouteDoc.of("Replace the hosts catalog sources may be fetched from")
            .accepts(CatalogApi.AllowedHosts.class, "{\"hosts\": [\"git.example.com\", \"raw.example.org\"]}")
            .returns(200, RouteDoc.Body.json(CatalogApi.AllowedHosts.class,
                    "{\"hosts\": [\"git.example.com\", \"raw.example.org\"]}"));

    private CatalogApiDocs() {
    }

    static RouteDoc list(Collection collection) {
        return RouteDoc.of("List " + collection.title().toLowerCase() + ", filtered and a page at a time")
                .query(RouteParam.optional("owner", "the owning team's key, e.g. identity"),
                        RouteParam.optional("system", "the system's key, e.g. accounts"),
                        RouteParam.optional("tag", "a tag, e.g. java"),
                        RouteParam.optional("lifecycle", "e.g. production"),
                        RouteParam.optional("text", "words in the name, title or description"),
                        RouteParam.optional("page", "the page, from 1").ofType(Integer.class),
                        RouteParam.optional("size", "entities per page, 1 to 100").ofType(Integer.class))
                .returns(200, RouteDoc.Body.json(CatalogPage.class,
                        "{\"items\": [" + SUMMARY + "], \"total\": 40, \"page\": 1, \"size\": 1}"));
    }

    static RouteDoc one(Collection collection) {
        return RouteDoc.of("Show one " + collection.singular() + " with its relations both ways")
                .description("The key is the entity's name, or namespace/name outside the default namespace.")
                .returns(200, RouteDoc.Body.json(EntityDetail.class, """
                        {"entity": %s,
                         "document": {"apiVersion": "backstage.io/v1alpha1", "kind": "Component",
                           "metadata": {"name": "artist-lookup"}, "spec": {"type": "service", "owner": "identity"}},
                         "relations": [{"type": "ownedBy", "ref": "group:default/identity", "kind": "Group",
                           "title": "Identity", "known": true}],
                         "source": "default"}""".formatted(SUMMARY)));
    }
}
