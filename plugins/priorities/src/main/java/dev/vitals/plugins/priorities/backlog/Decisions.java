package dev.vitals.plugins.priorities.backlog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** The decision log in the plugin's schema. */
public final class Decisions {

    private static final String SELECT = """
            SELECT d.*, i.title, i.level, i.owner FROM decisions d JOIN items i ON i.id = d.item_id""";

    private final Jdbi jdbi;

    public Decisions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public static void log(Handle h, long item, String kind, String from, String to, String reason, String by,
            Instant at) {
        h.createUpdate("""
                        INSERT INTO decisions (item_id, kind, from_value, to_value, reason, decided_by, decided_at)
                        VALUES (:item, :kind, :from, :to, :reason, :by, :at)""")
                .bind("item", item).bind("kind", kind).bind("from", from).bind("to", to).bind("reason", reason)
                .bind("by", by).bind("at", at).execute();
    }

    /**
     * Which entries: every part optional.
     *
     * @param item one item's
     * @param owner one owner's items'
     * @param kind rank, org-rank or status
     * @param from decided on or after this day, in the organisation's zone
     * @param to decided on or before this day
     */
    public record Filter(Optional<Long> item, Optional<String> owner, Optional<String> kind,
            Optional<LocalDate> from, Optional<LocalDate> to) {

        String where() {
            List<String> parts = new ArrayList<>();
            item.ifPresent(i -> parts.add("d.item_id = :item"));
            owner.ifPresent(o -> parts.add("i.owner = :owner"));
            kind.ifPresent(k -> parts.add("d.kind = :kind"));
            from.ifPresent(f -> parts.add("d.decided_at >= :fromAt"));
            to.ifPresent(t -> parts.add("d.decided_at < :toAt"));
            return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
        }

        void bind(Query query, ZoneId zone) {
            item.ifPresent(i -> query.bind("item", i));
            owner.ifPresent(o -> query.bind("owner", o));
            kind.ifPresent(k -> query.bind("kind", k));
            from.ifPresent(f -> query.bind("fromAt", f.atStartOfDay(zone).toInstant()));
            to.ifPresent(t -> query.bind("toAt", t.plusDays(1).atStartOfDay(zone).toInstant()));
        }
    }

    public DecisionList list(Filter filter, ZoneId zone, int page, int size) {
        return jdbi.withHandle(h -> {
            Query count = h.createQuery("SELECT count(*) FROM decisions d JOIN items i ON i.id = d.item_id"
                    + filter.where());
            filter.bind(count, zone);
            long total = count.mapTo(Long.class).one();
            Query query = h.createQuery(SELECT + filter.where()
                    + " ORDER BY d.decided_at DESC, d.id DESC LIMIT :limit OFFSET :offset");
            filter.bind(query, zone);
            List<Decision> decisions = query.bind("limit", size).bind("offset", (long) (page - 1) * size)
                    .map((rs, ctx) -> new Decision(rs.getLong("id"), rs.getLong("item_id"), rs.getString("title"),
                            rs.getString("level"), rs.getString("owner"), rs.getString("kind"),
                            rs.getString("from_value"), rs.getString("to_value"), rs.getString("reason"),
                            rs.getString("decided_by"),
                            rs.getObject("decided_at", OffsetDateTime.class).toInstant()))
                    .list();
            return new DecisionList(decisions, page, size, total);
        });
    }
}
