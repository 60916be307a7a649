package dev.vitals.core.pluginhost;

import dev.vitals.core.audit.Actor;
import dev.vitals.core.audit.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** Admins' choice of which plugins run, persisted so that every instance and every restart honours it. */
final class PluginSettingsStore {

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;

    PluginSettingsStore(Jdbi jdbi, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /** @param enabled the choice @param changedBy who made it @param changedAt when */
    record Setting(boolean enabled, String changedBy, Instant changedAt) {
    }

    Map<String, Setting> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT plugin_id, enabled, changed_by, changed_at FROM core.plugin_settings")
                .map((rs, ctx) -> Map.entry(rs.getString("plugin_id"), new Setting(rs.getBoolean("enabled"),
                        rs.getString("changed_by"), rs.getObject("changed_at", OffsetDateTime.class).toInstant())))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    Optional<Setting> get(String pluginId) {
        return Optional.ofNullable(all().get(pluginId));
    }

    /** Saves the choice and its audit record in one transaction. */
    void save(String pluginId, boolean enabled, Actor actor, Object before) {
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO core.plugin_settings (plugin_id, enabled, changed_by, changed_at) "
                            + "VALUES (:id, :enabled, :by, :at) ON CONFLICT (plugin_id) DO UPDATE SET "
                            + "enabled = excluded.enabled, changed_by = excluded.changed_by, changed_at = excluded.changed_at")
                    .bind("id", pluginId).bind("enabled", enabled).bind("by", actor.name()).bind("at", now).execute();
            audit.record(h, actor, enabled ? "plugin.enable" : "plugin.disable", "plugin:" + pluginId, before,
                    Map.of("enabled", enabled));
        });
    }
}
