package dev.vitals.core.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vitals.api.EntityRef;
import dev.vitals.core.Json;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.audit.AuditLog;
import dev.vitals.core.database.RedoneAfterDeadlock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Writes what a {@link DescriptorReader} read into the catalog, all or nothing per source.
 *
 * <p>Re-importing an unchanged source writes nothing. An entity whose descriptor in the source did not change keeps
 * the edits people made in the portal; one that changed in the source takes the source's version. An entity that
 * disappeared from its source is kept and marked orphaned, so links to it keep working and someone decides.
 */
public final class CatalogImporter {

    private static final int BATCH = 500;
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;
    private final EntityParser parser = new EntityParser();
    private final ObjectMapper json = Json.mapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    public CatalogImporter(Jdbi jdbi, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    public ImportReport apply(String location, DescriptorReader.Result read, Actor actor, Consumer<String> progress) {
        Instant now = clock.instant();
        List<ImportProblem> problems = new ArrayList<>(read.problems());
        Map<String, Entity> entities = new LinkedHashMap<>();
        Map<String, Descriptor> origin = new HashMap<>();
        Map<String, Integer> byKind = new TreeMap<>();
        int unknown = 0;
        for (Descriptor descriptor : read.descriptors()) {
            EntityParser.Parsed parsed = parser.parse(descriptor);
            problems.addAll(parsed.problems());
            if (parsed.unknownKind()) {
                unknown++;
            }
            if (parsed.entity().isPresent()) {
                Entity entity = parsed.entity().get();
                String ref = entity.ref().toString();
                Descriptor first = origin.putIfAbsent(ref, descriptor);
                if (first != null) {
                    problems.add(new ImportProblem(descriptor.file(), descriptor.index(), "metadata.name",
                            ref + " is defined twice: also in " + first.file() + " document " + first.index()));
                    continue;
                }
                entities.put(ref, entity);
                byKind.merge(entity.kind(), 1, Integer::sum);
            }
        }
        progress.accept("validated " + entities.size() + " entities, " + problems.size() + " problems");
        long sourceId = sourceId(location, actor, now);
        problems.addAll(conflicts(sourceId, entities, origin));
        if (!problems.isEmpty()) {
            ImportReport refused = new ImportReport(location, now, false, read.files(), byKind, unknown, 0, 0, 0, 0,
                    List.copyOf(problems));
            saveResult(sourceId, refused);
            return refused;
        }
        int finalUnknown = unknown;
        ImportReport report = RedoneAfterDeadlock.inTransaction(jdbi, h -> write(h, sourceId, location, now, read.files(), entities, byKind,
                finalUnknown, actor, progress));
        saveResult(sourceId, report);
        return report;
    }

    private ImportReport write(Handle h, long sourceId, String location, Instant now, int files,
            Map<String, Entity> entities, Map<String, Integer> byKind, int unknown, Actor actor, Consumer<String> progress) {
        CatalogVersion.lock(h);
        Map<String, String> existing = new HashMap<>();
        h.createQuery("SELECT ref, source_hash FROM core.catalog_entities WHERE ref = ANY(:refs)")
                .bindArray("refs", String.class, entities.keySet().toArray(String[]::new))
                .map((rs, ctx) -> Map.entry(rs.getString(1), String.valueOf(rs.getString(2))))
                .forEach(e -> existing.put(e.getKey(), e.getValue()));
        List<Entity> toWrite = new ArrayList<>();
        int created = 0;
        int updated = 0;
        for (Entity entity : entities.values()) {
            String ref = entity.ref().toString();
            String hash = hash(entity.document());
            if (!existing.containsKey(ref)) {
                created++;
                toWrite.add(entity);
            } else if (!existing.get(ref).equals(hash)) {
                updated++;
                toWrite.add(entity);
            }
        }
        upsert(h, sourceId, now, toWrite, progress);
        String[] refs = entities.keySet().toArray(String[]::new);
        h.createUpdate("UPDATE core.catalog_entities SET orphaned = false, source_id = :source, updated_at = :now "
                        + "WHERE ref = ANY(:refs) AND (orphaned OR source_id IS DISTINCT FROM :source)")
                .bind("source", sourceId).bind("now", now).bindArray("refs", String.class, refs).execute();
        int orphaned = h.createUpdate("UPDATE core.catalog_entities SET orphaned = true, updated_at = :now "
                        + "WHERE source_id = :source AND NOT orphaned AND ref <> ALL(:refs)")
                .bind("source", sourceId).bind("now", now).bindArray("refs", String.class, refs).execute();
        ImportReport report = new ImportReport(location, now, true, files, byKind, unknown, created, updated,
                entities.size() - created - updated, orphaned, List.of());
        if (created + updated + orphaned > 0) {
            audit.record(h, actor, "catalog.import", "source:" + location, null,
                    Map.of("created", created, "updated", updated, "orphaned", orphaned));
        }
        return report;
    }

    private void upsert(Handle h, long sourceId, Instant now, List<Entity> toWrite, Consumer<String> progress) {
        for (int from = 0; from < toWrite.size(); from += BATCH) {
            List<Entity> chunk = toWrite.subList(from, Math.min(toWrite.size(), from + BATCH));
            PreparedBatch entities = h.prepareBatch("""
                    INSERT INTO core.catalog_entities (ref, kind, namespace, name, title, description, spec_type,
                        lifecycle, owner_ref, system_ref, tags, document, source_id, source_hash, orphaned, updated_at)
                    VALUES (:ref, :kind, :namespace, :name, :title, :description, :specType, :lifecycle, :owner,
                        :system, :tags, CAST(:document AS jsonb), :source, :hash, false, :now)
                    ON CONFLICT (ref) DO UPDATE SET kind = excluded.kind, namespace = excluded.namespace,
                        name = excluded.name, title = excluded.title, description = excluded.description,
                        spec_type = excluded.spec_type, lifecycle = excluded.lifecycle, owner_ref = excluded.owner_ref,
                        system_ref = excluded.system_ref, tags = excluded.tags, document = excluded.document,
                        source_id = excluded.source_id, source_hash = excluded.source_hash, orphaned = false,
                        updated_at = excluded.updated_at""");
            for (Entity e : chunk) {
                entities.bind("ref", e.ref().toString()).bind("kind", e.kind()).bind("namespace", e.ref().namespace())
                        .bind("name", e.name()).bind("title", e.title().orElse(null))
                        .bind("description", e.description().orElse(null)).bind("specType", e.specType().orElse(null))
                        .bind("lifecycle", e.lifecycle().orElse(null))
                        .bind("owner", e.owner().map(EntityRef::toString).orElse(null))
                        .bind("system", e.system().map(EntityRef::toString).orElse(null))
                        .bindArray("tags", String.class, e.tags().toArray(String[]::new))
                        .bind("document", toJson(e.document())).bind("source", sourceId).bind("hash", hash(e.document()))
                        .bind("now", now).add();
            }
            entities.execute();
            String[] refs = chunk.stream().map(e -> e.ref().toString()).toArray(String[]::new);
            h.createUpdate("DELETE FROM core.catalog_relations WHERE source_ref = ANY(:refs)")
                    .bindArray("refs", String.class, refs).execute();
            PreparedBatch relations = h.prepareBatch("INSERT INTO core.catalog_relations (source_ref, type, target_ref) "
                    + "VALUES (:source, :type, :target) ON CONFLICT DO NOTHING");
            int count = 0;
            for (Entity e : chunk) {
                for (Relation r : e.relations()) {
                    relations.bind("source", r.source().toString()).bind("type", r.type())
                            .bind("target", r.target().toString()).add();
                    count++;
                }
            }
            if (count > 0) {
                relations.execute();
            }
            progress.accept("wrote " + Math.min(toWrite.size(), from + BATCH) + " of " + toWrite.size() + " entities");
        }
    }

    private List<ImportProblem> conflicts(long sourceId, Map<String, Entity> entities, Map<String, Descriptor> origin) {
        List<ImportProblem> conflicts = new ArrayList<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT e.ref, s.location FROM core.catalog_entities e JOIN core.catalog_sources s ON s.id = e.source_id
                        WHERE e.ref = ANY(:refs) AND e.source_id <> :source AND NOT e.orphaned""")
                .bindArray("refs", String.class, entities.keySet().toArray(String[]::new)).bind("source", sourceId)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> {
                    Descriptor d = origin.get(e.getKey());
                    conflicts.add(new ImportProblem(d.file(), d.index(), "metadata.name",
                            e.getKey() + " already comes from source " + e.getValue()
                                    + "; one entity has one source"));
                }));
        return conflicts;
    }

    private long sourceId(String location, Actor actor, Instant now) {
        return jdbi.withHandle(h -> {
            h.createUpdate("INSERT INTO core.catalog_sources (location, registered_at, registered_by) "
                            + "VALUES (:location, :now, :by) ON CONFLICT (location) DO NOTHING")
                    .bind("location", location).bind("now", now).bind("by", actor.name()).execute();
            return h.createQuery("SELECT id FROM core.catalog_sources WHERE location = :location")
                    .bind("location", location).mapTo(Long.class).one();
        });
    }

    private void saveResult(long sourceId, ImportReport report) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE core.catalog_sources SET last_import_at = :at, "
                        + "last_result = CAST(:result AS jsonb) WHERE id = :id")
                .bind("at", report.at()).bind("result", toJson(report)).bind("id", sourceId).execute());
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String hash(Map<String, Object> document) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(toJson(document).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
