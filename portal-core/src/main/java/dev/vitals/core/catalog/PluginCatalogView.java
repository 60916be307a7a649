package dev.vitals.core.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.api.CatalogChange;
import dev.vitals.api.CatalogChanges;
import dev.vitals.api.CatalogEntity;
import dev.vitals.api.CatalogRelation;
import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import dev.vitals.core.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
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
        // Three indexed reads joined by UNION: one condition with OR across them was a scan of the whole catalog per
        // call (10 ms at 10,000 services), paid by every team page and team report of every plugin.
        return jdbi.withHandle(h -> h.createQuery(SELECT + """
                        WHERE kind = 'Component' AND ref IN (
                            SELECT o.ref FROM core.catalog_entities o WHERE o.owner_ref = :ref
                            UNION SELECT s.ref FROM core.catalog_entities s WHERE s.system_ref = :ref
                            UNION SELECT r.target_ref FROM core.catalog_relations r
                             WHERE r.source_ref = :ref AND r.type IN ('includes', 'inScope'))
                        ORDER BY ref""")
                .bind("ref", key).map((rs, ctx) -> entity(rs)).list());
    }

    @Override
    public List<CatalogEntity> entities(String kind) {
        // Thousands of entities name a few hundred owners and systems: each is parsed once per read.
        Map<String, EntityRef> named = new HashMap<>();
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE kind = :kind ORDER BY ref")
                .bind("kind", kind).map((rs, ctx) -> entity(rs, named)).list());
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
     * role from the program's descriptor. The rows come through COPY and are sorted in the portal
     * ({@link CopiedRelations}), in code-point order ({@link String#compareTo} on the references' text, which is
     * {@code COLLATE "C"} for references, whatever the database's own collation).
     *
     * <p>Whether a target is in the catalog is read from the entities' references in the same snapshot (repeatable
     * read), not by joining every relation to the entities: at 50,000 services that hash join was half of the
     * server's CPU for the query (0.4–0.5 s with it, 0.2–0.3 s without).
     */
    @Override
    public List<CatalogRelation> relations() {
        // Repeatable read makes the three reads one snapshot.
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ,
                h -> CopiedRelations.read(h, RELATIONS, stakeholderRoles(h)));
    }

    /** A relation's type in the API's words: the stored names of three types differ. */
    private static final String TYPE_AS_THE_API_NAMES_IT = """
            CASE type WHEN 'childOf' THEN 'memberOf' WHEN 'inScope' THEN 'scopes'
                      WHEN 'hasStakeholder' THEN 'stakeholder' ELSE type END""";

    /** The relations in the API's words; the renamed types sort by their new names, in Java. */
    private static final String RELATIONS = "SELECT source_ref, " + TYPE_AS_THE_API_NAMES_IT
            + ", target_ref FROM core.catalog_relations";

    /**
     * Read in one repeatable-read snapshot from the entities the catalog's triggers stamped with the version of their
     * last change (migration V17): the version, the stamped references after the one asked from, their rows and the
     * relations written on them. Whether a relation's target is in the catalog is looked up for these relations
     * alone.
     */
    @Override
    public Optional<CatalogChanges> changesSince(long since) {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            long[] versions = h.createQuery("SELECT version, changes_from FROM core.catalog_version")
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).one();
            long now = versions[0];
            if (since < versions[1] || since > now) {
                return Optional.<CatalogChanges>empty();
            }
            if (since == now) {
                return Optional.of(new CatalogChanges(since, now, List.of()));
            }
            List<String> refs = new ArrayList<>(h.createQuery("SELECT ref FROM core.catalog_changes WHERE version > :since")
                    .bind("since", since).mapTo(String.class).list());
            refs.sort(Comparator.naturalOrder());
            String[] keys = refs.toArray(String[]::new);
            Map<String, CatalogEntity> entities = new HashMap<>();
            Map<String, EntityRef> named = new HashMap<>();
            h.createQuery(SELECT + "WHERE ref = ANY(:refs)").bindArray("refs", String.class, keys)
                    .map((rs, ctx) -> Map.entry(rs.getString("ref"), entity(rs, named)))
                    .forEach(e -> entities.put(e.getKey(), e.getValue()));
            Map<String, String> roles = stakeholderRoles(h, keys);
            Map<String, List<String[]>> written = new HashMap<>();
            h.createQuery("SELECT source_ref, " + TYPE_AS_THE_API_NAMES_IT + """
                            , target_ref,
                                   EXISTS (SELECT 1 FROM core.catalog_entities t WHERE t.ref = r.target_ref)
                              FROM core.catalog_relations r
                             WHERE r.source_ref = ANY(:refs)""")
                    .bindArray("refs", String.class, keys)
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3),
                        String.valueOf(rs.getBoolean(4))})
                    .forEach(row -> written.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row));
            List<CatalogChange> changes = new ArrayList<>(refs.size());
            for (String ref : refs) {
                Optional<EntityRef> parsed = parsed(ref, named);
                if (parsed.isEmpty()) {
                    continue;
                }
                List<String[]> rows = written.getOrDefault(ref, new ArrayList<>(0));
                // The order relations() gives: by type, then target, each as text in String.compareTo's order.
                rows.sort(Comparator.<String[], String>comparing(row -> row[1]).thenComparing(row -> row[2]));
                List<CatalogRelation> relations = new ArrayList<>(rows.size());
                for (String[] row : rows) {
                    parsed(row[2], named).ifPresent(target -> relations.add(new CatalogRelation(parsed.get(), row[1],
                            target, Boolean.parseBoolean(row[3]), row[1].equals("stakeholder")
                                    ? Optional.ofNullable(roles.get(ref + " " + row[2])) : Optional.empty())));
                }
                changes.add(new CatalogChange(parsed.get(), Optional.ofNullable(entities.get(ref)), relations));
            }
            return Optional.of(new CatalogChanges(since, now, changes));
        });
    }

    private static Optional<EntityRef> parsed(String text, Map<String, EntityRef> named) {
        EntityRef known = named.get(text);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            EntityRef ref = EntityRef.parse(text);
            named.put(text, ref);
            return Optional.of(ref);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Each program's stakeholder roles, keyed by program and team reference. */
    private static Map<String, String> stakeholderRoles(Handle h) {
        return stakeholderRoles(h, null);
    }

    /**
     * @param programs the programs to read, or {@code null} for every one
     * @return their stakeholder roles, keyed by program and team reference
     */
    private static Map<String, String> stakeholderRoles(Handle h, String[] programs) {
        Map<String, String> roles = new HashMap<>();
        Query query = h.createQuery("""
                        SELECT e.ref, e.namespace, s ->> 'team' AS team, s ->> 'role' AS role
                          FROM core.catalog_entities e,
                               jsonb_array_elements(CASE WHEN jsonb_typeof(e.document -> 'spec' -> 'stakeholders') = 'array'
                                   THEN e.document -> 'spec' -> 'stakeholders' ELSE '[]'::jsonb END) s
                         WHERE e.kind = 'Program'""" + (programs == null ? "" : " AND e.ref = ANY(:programs)"));
        if (programs != null) {
            query.bindArray("programs", String.class, programs);
        }
        query.map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
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
        return entity(rs, new HashMap<>());
    }

    /** @param named the owners and systems parsed so far in this read, by their text */
    private CatalogEntity entity(java.sql.ResultSet rs, Map<String, EntityRef> named) throws java.sql.SQLException {
        String[] tags = (String[]) rs.getArray("tags").getArray();
        return new CatalogEntity(EntityRef.parse(rs.getString("ref")), rs.getString("kind"), rs.getString("name"),
                rs.getString("title"), Optional.ofNullable(rs.getString("owner_ref")).map(
                        owner -> named.computeIfAbsent(owner, EntityRef::parse)),
                Optional.ofNullable(rs.getString("system_ref")).map(
                        system -> named.computeIfAbsent(system, EntityRef::parse)),
                Optional.ofNullable(rs.getString("lifecycle")), List.of(tags), annotations(rs.getString("annotations")));
    }

    /**
     * @param text the annotations object as PostgreSQL writes it
     * @return each annotation's value as text, as {@code JsonNode.asText} gives it; read token by token, without a
     *     tree per entity (a read of 50,000 services parses 50,000 of them)
     */
    private Map<String, String> annotations(String text) {
        if (text == null) {
            return Map.of();
        }
        try (JsonParser parser = json.getFactory().createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Map.of();
            }
            Map<String, String> result = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                result.put(key, switch (value) {
                    case START_OBJECT, START_ARRAY -> {
                        parser.skipChildren();
                        yield "";
                    }
                    case VALUE_NUMBER_FLOAT -> String.valueOf(parser.getDoubleValue());
                    default -> parser.getText();
                });
            }
            return result;
        } catch (IOException e) {
            return Map.of();
        }
    }
}
