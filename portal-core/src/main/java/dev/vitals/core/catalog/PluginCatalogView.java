package dev.vitals.core.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.api.CatalogEntity;
import dev.vitals.api.CatalogView;
import dev.vitals.core.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The catalog as plugins read it, through the host's connections: plugin roles have no access to {@code core}. */
public final class PluginCatalogView implements CatalogView {

    private static final String SELECT = "SELECT ref, kind, name, coalesce(title, name) AS title, owner_ref, system_ref, "
            + "lifecycle, tags, document -> 'metadata' -> 'annotations' AS annotations FROM core.catalog_entities e ";
    private final Jdbi jdbi;
    private final ObjectMapper json = Json.mapper();

    public PluginCatalogView(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<CatalogEntity> entity(String ref) {
        String key = Catalog.normalise(ref, "component");
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE ref = :ref").bind("ref", key)
                .map((rs, ctx) -> entity(rs)).findOne());
    }

    @Override
    public List<CatalogEntity> services() {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE kind = 'Component' ORDER BY ref")
                .map((rs, ctx) -> entity(rs)).list());
    }

    @Override
    public List<CatalogEntity> servicesOf(String ref) {
        String key = Catalog.normalise(ref, "group");
        return jdbi.withHandle(h -> h.createQuery(SELECT + """
                        WHERE kind = 'Component' AND (owner_ref = :ref OR system_ref = :ref OR EXISTS (
                            SELECT 1 FROM core.catalog_relations r
                             WHERE (r.source_ref = :ref AND r.target_ref = e.ref AND r.type IN ('includes', 'inScope'))))
                        ORDER BY ref""")
                .bind("ref", key).map((rs, ctx) -> entity(rs)).list());
    }

    @Override
    public List<CatalogEntity> entities(String kind) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE kind = :kind ORDER BY ref")
                .bind("kind", kind).map((rs, ctx) -> entity(rs)).list());
    }

    @Override
    public List<CatalogEntity> availabilityComponentsOf(String programRef) {
        String key = Catalog.normalise(programRef, "program");
        return jdbi.withHandle(h -> h.createQuery(SELECT + """
                        JOIN core.catalog_relations r ON r.target_ref = e.ref
                        WHERE r.source_ref = :ref AND r.type = 'inScope' AND e.kind = 'AvailabilityComponent'
                        ORDER BY e.ref""")
                .bind("ref", key).map((rs, ctx) -> entity(rs)).list());
    }

    private CatalogEntity entity(java.sql.ResultSet rs) throws java.sql.SQLException {
        String[] tags = (String[]) rs.getArray("tags").getArray();
        return new CatalogEntity(rs.getString("ref"), rs.getString("kind"), rs.getString("name"), rs.getString("title"),
                Optional.ofNullable(rs.getString("owner_ref")), Optional.ofNullable(rs.getString("system_ref")),
                Optional.ofNullable(rs.getString("lifecycle")), List.of(tags), annotations(rs.getString("annotations")));
    }

    private Map<String, String> annotations(String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            Map<String, String> result = new LinkedHashMap<>();
            json.readTree(text).fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue().asText()));
            return result;
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
