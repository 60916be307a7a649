package dev.vitals.core.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.api.CatalogEntity;
import dev.vitals.api.CatalogRelation;
import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import dev.vitals.core.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

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
    public Optional<CatalogEntity> entity(EntityRef ref) {
        String key = ref.toString();
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE ref = :ref").bind("ref", key)
                .map((rs, ctx) -> entity(rs)).findOne());
    }

    @Override
    public Map<EntityRef, CatalogEntity> entities(Collection<EntityRef> refs) {
        Map<String, EntityRef> asked = new HashMap<>();
        refs.forEach(ref -> asked.put(ref.toString(), ref));
        Map<EntityRef, CatalogEntity> found = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery(SELECT + "WHERE ref = ANY(:refs)")
                .bindArray("refs", String.class, asked.keySet().toArray(String[]::new))
                .map((rs, ctx) -> found.put(asked.get(rs.getString("ref")), entity(rs))).list());
        return found;
    }

    @Override
    public List<CatalogEntity> services() {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE kind = 'Component' ORDER BY ref")
                .map((rs, ctx) -> entity(rs)).list());
    }

    @Override
    public List<CatalogEntity> servicesOf(EntityRef ref) {
        String key = ref.toString();
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
    public List<CatalogEntity> availabilityComponentsOf(EntityRef program) {
        String key = program.toString();
        return jdbi.withHandle(h -> h.createQuery(SELECT + """
                        JOIN core.catalog_relations r ON r.target_ref = e.ref
                        WHERE r.source_ref = :ref AND r.type = 'inScope' AND e.kind = 'AvailabilityComponent'
                        ORDER BY e.ref""")
                .bind("ref", key).map((rs, ctx) -> entity(rs)).list());
    }

    /**
     * Every relation as the catalog tables hold them, written in the plugin API's words: a group's parent is
     * {@code memberOf}, a program's scope {@code scopes}, and a program's stakeholder {@code stakeholder} with the
     * role from the program's descriptor.
     *
     * <p>The rows come unsorted through a cursor and are sorted here, by the API's type words and in code-point
     * order ({@link String#compareTo} on the references' text, which is {@code COLLATE "C"} for references, whatever
     * the database's own collation). A cursor keeps PostgreSQL from sorting in parallel, and its one sort of 377,810
     * relations (50,000 services) spilled to disk and took 1.5–1.8 s; sorting them here takes about 0.1 s of CPU. Each
     * distinct text is kept once while the rows are read, so that equal texts compare by identity, and becomes one
     * {@link EntityRef}, shared by all its relations.
     *
     * <p>Whether a target is in the catalog is read from the entities' references in the same snapshot (repeatable
     * read), not by joining every relation to the entities: at 50,000 services that hash join was half of the
     * server's CPU for the query (0.4–0.5 s with it, 0.2–0.3 s without).
     */
    @Override
    public List<CatalogRelation> relations() {
        // A cursor (fetch size) needs a transaction; repeatable read makes its three reads one snapshot.
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            Map<String, String> roles = stakeholderRoles(h);
            Texts texts = new Texts();
            h.createQuery("SELECT ref FROM core.catalog_entities").setFetchSize(RELATIONS_PAGE)
                    .map((rs, ctx) -> texts.of(rs.getString(1)))
                    .forEach(text -> text.entity = true);
            List<Row> rows = new ArrayList<>();
            h.createQuery(RELATIONS).setFetchSize(RELATIONS_PAGE)
                    .map((rs, ctx) -> new Row(texts.of(rs.getString(1)), texts.of(rs.getString(2)),
                            texts.of(rs.getString(3))))
                    .forEach(rows::add);
            List<CatalogRelation> relations = new ArrayList<>(rows.size());
            for (Row row : Texts.sorted(rows)) {
                relation(row, roles).ifPresent(relations::add);
            }
            return Collections.unmodifiableList(relations);
        });
    }

    /** One relation as read, before it is sorted. */
    private record Row(Text source, Text type, Text target) {
    }

    /** One distinct text read (a reference is read once per relation it is in), and whether an entity has it. */
    private static final class Text {
        private final String value;
        private boolean entity;
        private EntityRef ref;

        Text(String value) {
            this.value = value;
        }

        /** @return the one reference this text stands for, parsed when first asked */
        EntityRef ref() {
            if (ref == null) {
                ref = EntityRef.parse(value);
            }
            return ref;
        }
    }

    /** The distinct texts read, each kept once. */
    private static final class Texts {
        private final Map<String, Text> seen = new HashMap<>();

        Text of(String value) {
            Text text = seen.get(value);
            if (text == null) {
                text = new Text(value);
                seen.put(value, text);
            }
            return text;
        }

        /** @return the rows by source, type and target, each compared as {@link String#compareTo} compares them */
        static List<Row> sorted(List<Row> rows) {
            // The table gives the rows mostly in key order already, which the list's merge sort runs through.
            rows.sort(ROW_ORDER);
            return rows;
        }
    }

    private static final Comparator<Row> ROW_ORDER = (a, b) -> {
        int bySource = compare(a.source(), b.source());
        if (bySource != 0) {
            return bySource;
        }
        int byType = compare(a.type(), b.type());
        return byType != 0 ? byType : compare(a.target(), b.target());
    };

    /** Each text is kept once, so equal texts are most often the same one, which needs no comparing. */
    private static int compare(Text a, Text b) {
        return a == b ? 0 : a.value.compareTo(b.value);
    }

    /** The relations in the API's words; the renamed types sort by their new names, in Java. */
    private static final String RELATIONS = """
            SELECT source_ref, CASE type WHEN 'childOf' THEN 'memberOf' WHEN 'inScope' THEN 'scopes'
                                         WHEN 'hasStakeholder' THEN 'stakeholder' ELSE type END,
                   target_ref
              FROM core.catalog_relations
            """;
    private static final int RELATIONS_PAGE = 10_000;

    private static Optional<CatalogRelation> relation(Row row, Map<String, String> roles) {
        try {
            String type = row.type().value;
            Optional<String> role = type.equals("stakeholder")
                    ? Optional.ofNullable(roles.get(row.source().value + " " + row.target().value)) : Optional.empty();
            return Optional.of(new CatalogRelation(row.source().ref(), type, row.target().ref(), row.target().entity,
                    role));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Each program's stakeholder roles, keyed by program and team reference. */
    private static Map<String, String> stakeholderRoles(Handle h) {
        Map<String, String> roles = new HashMap<>();
        h.createQuery("""
                        SELECT e.ref, e.namespace, s ->> 'team' AS team, s ->> 'role' AS role
                          FROM core.catalog_entities e,
                               jsonb_array_elements(CASE WHEN jsonb_typeof(e.document -> 'spec' -> 'stakeholders') = 'array'
                                   THEN e.document -> 'spec' -> 'stakeholders' ELSE '[]'::jsonb END) s
                         WHERE e.kind = 'Program'""")
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                .forEach(row -> {
                    if (row[2] != null && row[3] != null) {
                        WrittenRef.parse(row[2], "group", row[1])
                                .ifPresent(team -> roles.putIfAbsent(row[0] + " " + team, row[3].trim()));
                    }
                });
        return roles;
    }

    @Override
    public long version() {
        return jdbi.withHandle(h -> h.createQuery("SELECT version FROM core.catalog_version").mapTo(Long.class).one());
    }

    private CatalogEntity entity(java.sql.ResultSet rs) throws java.sql.SQLException {
        String[] tags = (String[]) rs.getArray("tags").getArray();
        return new CatalogEntity(EntityRef.parse(rs.getString("ref")), rs.getString("kind"), rs.getString("name"),
                rs.getString("title"), Optional.ofNullable(rs.getString("owner_ref")).map(EntityRef::parse),
                Optional.ofNullable(rs.getString("system_ref")).map(EntityRef::parse),
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
