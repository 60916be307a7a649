package dev.vitals.core.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.api.EntityRef;
import dev.vitals.core.Json;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** Reads the catalog: lists with filters and paging, one entity with its relations both ways. */
public final class Catalog {

    /** Reverse names of relation types, as read from the target's side. */
    private static final Map<String, String> REVERSE = Map.of(
            "dependsOn", "dependencyOf", "ownedBy", "ownerOf", "partOf", "hasPart", "providesApi", "apiProvidedBy",
            "consumesApi", "apiConsumedBy", "memberOf", "hasMember", "childOf", "parentOf", "includes", "includedIn",
            "inScope", "inScopeOf", "hasStakeholder", "stakeholderOf");
    private static final String COLUMNS = "ref, kind, namespace, name, title, description, spec_type, lifecycle, "
            + "owner_ref, system_ref, tags, orphaned";
    private final Jdbi jdbi;
    private final ObjectMapper json = Json.mapper();
    private final AtomicReference<CatalogOutline> outline = new AtomicReference<>();

    public Catalog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * The option lists and counts of the catalog as it is now: one read of the catalog version, and the outline
     * cached for that version when it has not moved since.
     */
    public CatalogOutline outline() {
        return outline(jdbi.withHandle(h -> h.createQuery("SELECT version FROM core.catalog_version")
                .mapTo(Long.class).one()));
    }

    /**
     * The outline as of a catalog version the caller read just now, with other things of the same moment (the home
     * grid reads it with its own version): the same as {@link #outline()} without a second read.
     */
    public CatalogOutline outline(long version) {
        CatalogOutline cached = outline.get();
        if (cached != null && cached.version() == version) {
            return cached;
        }
        CatalogOutline fresh = new CatalogOutline(version, this::load, this::loadCountsByKind);
        outline.set(fresh);
        return fresh;
    }

    public CatalogPage list(Set<String> kinds, CatalogFilter filter, int page, int size) {
        return filter.equals(CatalogFilter.NONE) ? list(outline(), kinds, filter, page, size)
                : list(Optional.empty(), kinds, filter, page, size);
    }

    /** As {@link #list(Set, CatalogFilter, int, int)}, for a page that read the outline already. */
    public CatalogPage list(CatalogOutline outline, Set<String> kinds, CatalogFilter filter, int page, int size) {
        // Unfiltered lists take their total from the outline rather than counting 10,000 index entries each time.
        return list(filter.equals(CatalogFilter.NONE) ? Optional.of(outline.count(kinds)) : Optional.empty(), kinds,
                filter, page, size);
    }

    private CatalogPage list(Optional<Long> knownTotal, Set<String> kinds, CatalogFilter filter, int page, int size) {
        // "kind = :kind" rather than ANY(...) for one kind lets the planner walk the display-order index.
        StringBuilder where = new StringBuilder(kinds.size() == 1 ? "kind = :kind" : "kind = ANY(:kinds)");
        filter.owner().ifPresent(o -> where.append(" AND owner_ref = :owner"));
        filter.system().ifPresent(s -> where.append(" AND system_ref = :system"));
        filter.tag().ifPresent(t -> where.append(" AND :tag = ANY(tags)"));
        filter.lifecycle().ifPresent(l -> where.append(" AND lifecycle = :lifecycle"));
        filter.text().ifPresent(t -> where.append(" AND (name ILIKE :text OR title ILIKE :text OR description ILIKE :text)"));
        return jdbi.withHandle(h -> {
            long total = knownTotal.isPresent() ? knownTotal.get() : bind(h.createQuery(
                            "SELECT count(*) FROM core.catalog_entities WHERE " + where), kinds, filter)
                    .mapTo(Long.class).one();
            List<EntitySummary> items = bind(h.createQuery("SELECT " + COLUMNS + " FROM core.catalog_entities WHERE "
                            + where + " ORDER BY lower(coalesce(title, name)), ref LIMIT :limit OFFSET :offset"), kinds, filter)
                    .bind("limit", size).bind("offset", (long) (page - 1) * size)
                    .map((rs, ctx) -> summary(rs)).list();
            return new CatalogPage(items, total, page, size);
        });
    }

    private static Query bind(Query query, Set<String> kinds, CatalogFilter filter) {
        if (kinds.size() == 1) {
            query.bind("kind", kinds.iterator().next());
        } else {
            query.bindArray("kinds", String.class, kinds.toArray(String[]::new));
        }
        filter.owner().ifPresent(o -> query.bind("owner", normalise(o, "group")));
        filter.system().ifPresent(s -> query.bind("system", normalise(s, "system")));
        filter.tag().ifPresent(t -> query.bind("tag", t));
        filter.lifecycle().ifPresent(l -> query.bind("lifecycle", l));
        filter.text().ifPresent(t -> query.bind("text", "%" + t.replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%"));
        return query;
    }

    /** Accepts {@code team-a}, {@code group:team-a} or {@code group:default/team-a} alike. */
    static String normalise(String ref, String defaultKind) {
        return WrittenRef.parse(ref, defaultKind, EntityRef.DEFAULT_NAMESPACE).map(EntityRef::toString).orElse(ref);
    }

    public Optional<EntityDetail> get(EntityRef ref) {
        String key = ref.toString();
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + ", document::text AS document, "
                        + "(SELECT location FROM core.catalog_sources s WHERE s.id = e.source_id) AS source "
                        + "FROM core.catalog_entities e WHERE ref = :ref")
                .bind("ref", key)
                .map((rs, ctx) -> new EntityDetail(summary(rs), document(rs.getString("document")), relations(key),
                        rs.getString("source")))
                .findOne());
    }

    /** Every entity of these kinds, for pages that show them all (grids, option lists); unmodifiable. */
    public List<EntitySummary> all(Set<String> kinds) {
        return outline().all(kinds);
    }

    private List<EntitySummary> load(Set<String> kinds) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM core.catalog_entities "
                        + "WHERE kind = ANY(:kinds) ORDER BY lower(coalesce(title, name)), ref")
                .bindArray("kinds", String.class, kinds.toArray(String[]::new))
                .map((rs, ctx) -> summary(rs)).list());
    }

    /** The entities with a relation of this type to the target: members of a team, services owned by it… */
    public List<EntitySummary> withRelationTo(String type, EntityRef target, Set<String> kinds) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + prefixed() + " FROM core.catalog_entities e "
                        + "JOIN core.catalog_relations r ON r.source_ref = e.ref "
                        + "WHERE r.type = :type AND r.target_ref = :target AND e.kind = ANY(:kinds) "
                        + "ORDER BY lower(coalesce(e.title, e.name))")
                .bind("type", type).bind("target", target.toString())
                .bindArray("kinds", String.class, kinds.toArray(String[]::new))
                .map((rs, ctx) -> summary(rs)).list());
    }

    /** The targets of an entity's outgoing relations of one type: a program's services in scope… */
    public List<String> targets(EntityRef source, String type) {
        return jdbi.withHandle(h -> h.createQuery("SELECT target_ref FROM core.catalog_relations "
                        + "WHERE source_ref = :source AND type = :type ORDER BY target_ref")
                .bind("source", source.toString()).bind("type", type).mapTo(String.class).list());
    }

    /** Every (source, target) pair of one relation type, for grouping many entities at once. */
    public List<Map.Entry<String, String>> pairs(String type) {
        return jdbi.withHandle(h -> h.createQuery("SELECT source_ref, target_ref FROM core.catalog_relations WHERE type = :type")
                .bind("type", type).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).list());
    }

    /**
     * The key of the team owning an entity (its owner's name, as team grants name teams), for checking that an
     * editor edits only what their team owns.
     */
    public Optional<String> ownerOf(String entity) {
        String ref = normalise(entity, "component");
        return jdbi.withHandle(h -> h.createQuery("SELECT owner_ref FROM core.catalog_entities WHERE ref = :ref")
                .bind("ref", ref).mapTo(String.class).findOne())
                .flatMap(owner -> WrittenRef.parse(owner, "group", EntityRef.DEFAULT_NAMESPACE))
                .filter(owner -> owner.kind().equals("group"))
                .map(EntityRef::key);
    }

    /** Whether nothing was imported yet, for pages that say what to do first. */
    public boolean isEmpty() {
        return outline().isEmpty();
    }

    /** How many entities each kind has, in kind order; unmodifiable. */
    public Map<String, Long> countsByKind() {
        return outline().countsByKind();
    }

    private Map<String, Long> loadCountsByKind() {
        return Collections.unmodifiableSortedMap(jdbi.withHandle(h -> h.createQuery(
                        "SELECT kind, count(*) AS n FROM core.catalog_entities GROUP BY kind")
                .reduceRows(new TreeMap<String, Long>(), (map, row) -> {
                    map.put(row.getColumn("kind", String.class), row.getColumn("n", Long.class));
                    return map;
                })));
    }

    private List<RelatedEntity> relations(String ref) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT r.type, r.target_ref AS other, false AS incoming, e.kind, coalesce(e.title, e.name) AS title
                          FROM core.catalog_relations r LEFT JOIN core.catalog_entities e ON e.ref = r.target_ref
                         WHERE r.source_ref = :ref
                        UNION ALL
                        SELECT r.type, r.source_ref AS other, true AS incoming, e.kind, coalesce(e.title, e.name) AS title
                          FROM core.catalog_relations r LEFT JOIN core.catalog_entities e ON e.ref = r.source_ref
                         WHERE r.target_ref = :ref
                        ORDER BY 1, 5""")
                .bind("ref", ref)
                .map((rs, ctx) -> {
                    String type = rs.getBoolean("incoming") ? REVERSE.getOrDefault(rs.getString("type"),
                            rs.getString("type") + "Of") : rs.getString("type");
                    String other = rs.getString("other");
                    boolean known = rs.getString("kind") != null;
                    return new RelatedEntity(type, other, known ? rs.getString("kind") : other.substring(0, other.indexOf(':')),
                            known ? rs.getString("title") : EntitySummary.nameOf(other), known);
                })
                .list());
    }

    private Map<String, Object> document(String text) {
        try {
            return json.readValue(text, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String prefixed() {
        return Arrays.stream(COLUMNS.split(", ")).map(c -> "e." + c).reduce((a, b) -> a + ", " + b).orElseThrow();
    }

    public static EntitySummary summary(ResultSet rs) throws SQLException {
        String ref = rs.getString("ref");
        Array tags = rs.getArray("tags");
        List<String> tagList = tags == null ? List.of()
                : Collections.unmodifiableList(Arrays.asList((String[]) tags.getArray()));
        String name = rs.getString("name");
        String title = rs.getString("title");
        return new EntitySummary(ref, EntitySummary.keyOf(ref), rs.getString("kind"), name, title == null ? name : title,
                rs.getString("description"), rs.getString("spec_type"), rs.getString("lifecycle"),
                rs.getString("owner_ref"), rs.getString("system_ref"), tagList, rs.getBoolean("orphaned"));
    }
}
