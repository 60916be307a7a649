package dev.vitals.core.measures;

import dev.vitals.api.EntityRef;
import dev.vitals.api.MeasurePoint;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The measures table ({@code core.measures}): one exact value per (name, entity, day). Entities are stored as the
 * text of their {@link EntityRef}.
 */
public final class MeasureStore {

    private final Jdbi jdbi;
    private final Clock clock;

    public MeasureStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Stores the points in one transaction, replacing what their (name, entity, day) held. A value equal to the
     * stored one, digit for digit, is left as it is, so publishing the same points again changes nothing.
     */
    public void publish(String pluginId, Collection<MeasurePoint> points) {
        if (points.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO core.measures AS m (name, entity, day, value, plugin, updated_at)
                    VALUES (:name, :entity, :day, :value, :plugin, :updatedAt)
                    ON CONFLICT (name, entity, day) DO UPDATE
                        SET value = excluded.value, plugin = excluded.plugin, updated_at = excluded.updated_at
                        WHERE m.value::text IS DISTINCT FROM excluded.value::text""");
            for (MeasurePoint p : points) {
                batch.bind("name", p.name()).bind("entity", p.entity().toString()).bind("day", p.day())
                        .bind("value", p.value()).bind("plugin", pluginId)
                        .bind("updatedAt", clock.instant().atOffset(ZoneOffset.UTC)).add();
            }
            batch.execute();
        });
    }

    /** One entity's values of a measure in {@code [from, to]}, by day. */
    public List<MeasurePoint> read(String name, EntityRef entity, LocalDate from, LocalDate to) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT name, entity, day, value FROM core.measures
                         WHERE name = :name AND entity = :entity AND day BETWEEN :from AND :to
                         ORDER BY day""")
                .bind("name", name).bind("entity", entity.toString()).bind("from", from).bind("to", to)
                .map((rs, ctx) -> point(rs)).stream().flatMap(Optional::stream).toList());
    }

    /** Every entity's values of a measure in {@code [from, to]}, by entity then day. */
    public List<MeasurePoint> read(String name, LocalDate from, LocalDate to) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT name, entity, day, value FROM core.measures
                         WHERE name = :name AND day BETWEEN :from AND :to
                         ORDER BY entity, day""")
                .bind("name", name).bind("from", from).bind("to", to)
                .map((rs, ctx) -> point(rs)).stream().flatMap(Optional::stream).toList());
    }

    /** Removes one entity's values of a measure in {@code [from, to]}; how many there were. */
    public int delete(String name, EntityRef entity, LocalDate from, LocalDate to) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        DELETE FROM core.measures WHERE name = :name AND entity = :entity AND day BETWEEN :from AND :to""")
                .bind("name", name).bind("entity", entity.toString()).bind("from", from).bind("to", to).execute());
    }

    private static Optional<MeasurePoint> point(ResultSet rs) throws SQLException {
        try {
            return Optional.of(new MeasurePoint(rs.getString("name"), EntityRef.parse(rs.getString("entity")),
                    rs.getObject("day", LocalDate.class), rs.getBigDecimal("value")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
