package dev.vitals.core.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.api.EntityRef;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.core.Json;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.audit.AuditLog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Changes people make to entities in the portal: metadata (title, description, tags) and a program's stakeholders.
 * Every change is audited with the entity's state before and after. The next import of the entity's source keeps the
 * change unless the source's own descriptor changed too.
 */
public final class CatalogEditor {

    private static final Pattern TAG = Pattern.compile("[a-z0-9:+#]+(-[a-z0-9:+#]+)*");
    private final org.jdbi.v3.core.Jdbi jdbi;
    private final Catalog catalog;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectMapper json = Json.mapper();

    public CatalogEditor(org.jdbi.v3.core.Jdbi jdbi, Catalog catalog, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * New metadata for an entity.
     *
     * @param title the display title; blank removes it
     * @param description one paragraph; blank removes it
     * @param tags the tags
     */
    public record MetadataEdit(String title, String description, List<String> tags) {
    }

    /**
     * A stakeholder of a program.
     *
     * @param team the team's reference or name
     * @param role what the team is there for: Engineering, Customer Experience, Sales, Legal…
     */
    public record Stakeholder(String team, String role) {
    }

    @SuppressWarnings("unchecked")
    public EntityDetail editMetadata(EntityRef ref, MetadataEdit edit, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        if (edit.title() != null && edit.title().length() > 200) {
            errors.add(new FieldError("title", "must be at most 200 characters"));
        }
        if (edit.description() != null && edit.description().length() > 2000) {
            errors.add(new FieldError("description", "must be at most 2000 characters"));
        }
        List<String> tags = edit.tags() == null ? List.of() : edit.tags();
        for (int i = 0; i < tags.size(); i++) {
            if (tags.get(i).length() > 63 || !TAG.matcher(tags.get(i)).matches()) {
                errors.add(new FieldError("tags[" + i + "]", "'" + tags.get(i) + "' is not a valid tag: lower case "
                        + "letters, digits and :+#, joined by -"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the entity was not changed", errors);
        }
        EntityDetail before = require(ref);
        Map<String, Object> document = copy(before.document());
        Map<String, Object> metadata = (Map<String, Object>) document.computeIfAbsent("metadata", k -> new LinkedHashMap<>());
        putOrRemove(metadata, "title", edit.title());
        putOrRemove(metadata, "description", edit.description());
        if (tags.isEmpty()) {
            metadata.remove("tags");
        } else {
            metadata.put("tags", List.copyOf(tags));
        }
        jdbi.useTransaction(h -> {
            CatalogVersion.lock(h);
            h.createUpdate("UPDATE core.catalog_entities SET title = :title, description = :description, "
                            + "tags = :tags, document = CAST(:document AS jsonb), updated_at = :now WHERE ref = :ref")
                    .bind("title", blankToNull(edit.title())).bind("description", blankToNull(edit.description()))
                    .bindArray("tags", String.class, tags.toArray(String[]::new)).bind("document", toJson(document))
                    .bind("now", clock.instant()).bind("ref", ref.toString()).execute();
            audit.record(h, actor, "catalog.edit", ref.toString(), before.document().get("metadata"), metadata);
        });
        return require(ref);
    }

    @SuppressWarnings("unchecked")
    public EntityDetail editStakeholders(EntityRef program, List<Stakeholder> stakeholders, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        List<Map<String, Object>> written = new ArrayList<>();
        List<EntityRef> teams = new ArrayList<>();
        for (int i = 0; i < stakeholders.size(); i++) {
            Stakeholder s = stakeholders.get(i);
            var team = WrittenRef.parse(s.team(), "group", program.namespace());
            if (team.isEmpty() || catalog.get(team.get()).isEmpty()) {
                errors.add(new FieldError("stakeholders[" + i + "].team", "'" + s.team() + "' is not a team in the catalog"));
            }
            if (s.role() == null || s.role().isBlank() || s.role().length() > 100) {
                errors.add(new FieldError("stakeholders[" + i + "].role", "is required: e.g. Engineering, Sales, Legal"));
            }
            team.ifPresent(teams::add);
            written.add(Map.of("team", s.team() == null ? "" : s.team().trim(), "role", s.role() == null ? "" : s.role().trim()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the stakeholders were not changed", errors);
        }
        EntityDetail before = require(program);
        if (!before.entity().kind().equals("Program")) {
            throw ProblemException.notFound("no program " + program);
        }
        Map<String, Object> document = copy(before.document());
        Map<String, Object> spec = (Map<String, Object>) document.computeIfAbsent("spec", k -> new LinkedHashMap<>());
        spec.put("stakeholders", written);
        jdbi.useTransaction(h -> {
            CatalogVersion.lock(h);
            h.createUpdate("UPDATE core.catalog_entities SET document = CAST(:document AS jsonb), updated_at = :now "
                    + "WHERE ref = :ref").bind("document", toJson(document)).bind("now", clock.instant())
                    .bind("ref", program.toString()).execute();
            h.createUpdate("DELETE FROM core.catalog_relations WHERE source_ref = :ref AND type = 'hasStakeholder'")
                    .bind("ref", program.toString()).execute();
            for (EntityRef team : teams) {
                h.createUpdate("INSERT INTO core.catalog_relations (source_ref, type, target_ref) "
                                + "VALUES (:ref, 'hasStakeholder', :team) ON CONFLICT DO NOTHING")
                        .bind("ref", program.toString()).bind("team", team.toString()).execute();
            }
            audit.record(h, actor, "catalog.stakeholders", program.toString(),
                    ((Map<String, Object>) before.document().getOrDefault("spec", Map.of())).get("stakeholders"), written);
        });
        return require(program);
    }

    private EntityDetail require(EntityRef ref) {
        return catalog.get(ref).orElseThrow(() -> ProblemException.notFound("no entity " + ref + " in the catalog"));
    }

    private Map<String, Object> copy(Map<String, Object> document) {
        try {
            return json.readValue(json.writeValueAsString(document),
                    new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putOrRemove(Map<String, Object> map, String key, String value) {
        if (value == null || value.isBlank()) {
            map.remove(key);
        } else {
            map.put(key, value.trim());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
