package dev.vitals.plugins.priorities.evidence;

import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import dev.vitals.api.PluginUrls;
import dev.vitals.api.Signal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Turns other plugins' signals into proposals. Per (subject, kind) the evidence either stands or not
 * ({@code evidence_states}); a proposal is raised when it starts standing, its evidence refreshed while it stands,
 * and it is raised again only after a signal cleared it and a later one brought it back. At most one proposal per
 * (subject, kind) is open at a time.
 */
public final class Proposals {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Proposals.class);

    private final Jdbi jdbi;
    private final CatalogView catalog;

    public Proposals(Jdbi jdbi, CatalogView catalog) {
        this.jdbi = jdbi;
        this.catalog = catalog;
    }

    /** Reads one signal; most signals are not evidence of anything and cost no statement at all. */
    public void hear(Signal signal) {
        for (EvidenceRule rule : EvidenceRule.reading(signal)) {
            rule.stands(signal).ifPresent(stands -> {
                if (stands) {
                    stands(rule, signal);
                } else {
                    cleared(rule, signal);
                }
            });
        }
    }

    /**
     * Hears again the latest signal of every kind a rule reads, for what was published while this plugin was not
     * running (before its start, or while an admin had it switched off). Hearing a signal twice changes nothing.
     *
     * @return how many signals were heard
     */
    public int catchUp(dev.vitals.api.Signals signals) {
        long started = System.nanoTime();
        int heard = 0;
        for (EvidenceRule rule : EvidenceRule.values()) {
            for (Signal signal : signals.latest(rule.signals())) {
                hear(signal);
                heard++;
            }
        }
        LOG.info("Heard {} signals of the kinds that propose items in {} ms", heard,
                (System.nanoTime() - started) / 1_000_000);
        return heard;
    }

    private void cleared(EvidenceRule rule, Signal signal) {
        jdbi.useHandle(h -> h.createUpdate("""
                        WITH cleared AS (
                            UPDATE evidence_states SET active = false, changed_at = :at
                             WHERE subject = :subject AND kind = :kind AND active RETURNING subject, kind)
                        UPDATE proposals p SET cleared_at = :at FROM cleared c
                         WHERE p.subject = c.subject AND p.kind = c.kind AND p.state = 'open'""")
                .bind("subject", signal.subject().toString()).bind("kind", rule.kind())
                .bind("at", signal.observedAt()).execute());
    }

    private void stands(EvidenceRule rule, Signal signal) {
        String subject = signal.subject().toString();
        int refreshed = jdbi.withHandle(h -> {
            if (h.createQuery("SELECT 1 FROM evidence_states WHERE subject = :subject AND kind = :kind AND active")
                    .bind("subject", subject).bind("kind", rule.kind()).mapTo(Integer.class).findOne().isEmpty()) {
                return 0;
            }
            return 1 + evidence(h.createUpdate("""
                            UPDATE proposals SET signal_status = :status, summary = :summary, value = :value,
                                link = :link, observed_at = :at
                             WHERE subject = :subject AND kind = :kind AND state = 'open'"""), signal)
                    .bind("subject", subject).bind("kind", rule.kind()).execute();
        });
        if (refreshed > 0) {
            return;
        }
        Optional<String> owner = catalog.entity(signal.subject()).flatMap(e -> e.owner()).map(EntityRef::toString);
        jdbi.useTransaction(h -> {
            // Flips to standing only if it was not; a concurrent signal for the same pair waits here, then sees it
            // standing and raises nothing.
            boolean flipped = h.createQuery("""
                            INSERT INTO evidence_states (subject, kind, active, changed_at)
                            VALUES (:subject, :kind, true, :at)
                            ON CONFLICT (subject, kind) DO UPDATE SET active = true, changed_at = excluded.changed_at
                             WHERE NOT evidence_states.active
                            RETURNING 1""")
                    .bind("subject", subject).bind("kind", rule.kind()).bind("at", signal.observedAt())
                    .mapTo(Integer.class).findOne().isPresent();
            if (!flipped) {
                return;
            }
            // An open proposal raised before the evidence cleared is raised again, not doubled.
            evidence(h.createUpdate("""
                            INSERT INTO proposals (subject, kind, owner, title, state, signal_plugin, signal_kind,
                                signal_status, summary, value, link, observed_at, raised_at)
                            VALUES (:subject, :kind, :owner, :title, 'open', :plugin, :signalKind, :status, :summary,
                                :value, :link, :at, :at)
                            ON CONFLICT (subject, kind) WHERE state = 'open' DO UPDATE SET
                                signal_status = excluded.signal_status, summary = excluded.summary,
                                value = excluded.value, link = excluded.link, observed_at = excluded.observed_at,
                                raised_at = excluded.raised_at, cleared_at = NULL"""), signal)
                    .bind("subject", subject).bind("kind", rule.kind()).bind("owner", owner.orElse(null))
                    .bind("title", rule.title(signal.subject().name())).bind("plugin", signal.plugin())
                    .bind("signalKind", signal.kind()).execute();
        });
    }

    private static org.jdbi.v3.core.statement.Update evidence(org.jdbi.v3.core.statement.Update update,
            Signal signal) {
        return update.bind("status", signal.status().name()).bind("summary", signal.summary())
                .bind("value", signal.value().isPresent() ? signal.value().getAsDouble() : null)
                .bind("link", signal.link().orElse(PluginUrls.entity(signal.subject())))
                .bind("at", signal.observedAt());
    }

    /** Which proposals: every part optional. */
    public record Filter(Optional<String> state, Optional<String> owner, Optional<String> subject,
            Optional<String> kind) {

        public static Filter open() {
            return new Filter(Optional.of("open"), Optional.empty(), Optional.empty(), Optional.empty());
        }

        String where() {
            List<String> parts = new ArrayList<>();
            state.ifPresent(s -> parts.add("state = :state"));
            owner.ifPresent(o -> parts.add("owner = :owner"));
            subject.ifPresent(s -> parts.add("subject = :subject"));
            kind.ifPresent(k -> parts.add("kind = :kind"));
            return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
        }

        void bind(Query query) {
            state.ifPresent(s -> query.bind("state", s));
            owner.ifPresent(o -> query.bind("owner", o));
            subject.ifPresent(s -> query.bind("subject", s));
            kind.ifPresent(k -> query.bind("kind", k));
        }
    }

    public Proposal.Page list(Filter filter, int page, int size) {
        return jdbi.withHandle(h -> {
            Query count = h.createQuery("SELECT count(*) FROM proposals" + filter.where());
            filter.bind(count);
            long total = count.mapTo(Long.class).one();
            Query query = h.createQuery("SELECT * FROM proposals" + filter.where()
                    + " ORDER BY raised_at DESC, id DESC LIMIT :limit OFFSET :offset");
            filter.bind(query);
            return new Proposal.Page(query.bind("limit", size).bind("offset", (long) (page - 1) * size)
                    .map((rs, ctx) -> row(rs)).list(), page, size, total);
        });
    }

    public Optional<Proposal> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    static Optional<Proposal> find(Handle h, long id) {
        return h.createQuery("SELECT * FROM proposals WHERE id = :id").bind("id", id).map((rs, ctx) -> row(rs))
                .findOne();
    }

    /** Closes an open proposal; false when it was decided meanwhile. */
    boolean decide(long id, String state, String by, Instant at, String reason) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE proposals SET state = :state, decided_by = :by, decided_at = :at, reason = :reason
                         WHERE id = :id AND state = 'open'""")
                .bind("id", id).bind("state", state).bind("by", by).bind("at", at).bind("reason", reason)
                .execute()) == 1;
    }

    void accepted(long id, long item) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE proposals SET item_id = :item WHERE id = :id").bind("id", id)
                .bind("item", item).execute());
    }

    /** Gives a claimed proposal back when the story could not be made. */
    void reopen(long id) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE proposals SET state = 'open', decided_by = NULL, decided_at = NULL
                         WHERE id = :id AND state = 'accepted' AND item_id IS NULL""").bind("id", id).execute());
    }

    static Proposal row(ResultSet rs) throws SQLException {
        double value = rs.getDouble("value");
        Double boxed = rs.wasNull() ? null : value;
        long item = rs.getLong("item_id");
        return new Proposal(rs.getLong("id"), rs.getString("subject"), rs.getString("kind"), rs.getString("owner"),
                rs.getString("title"), rs.getString("state"),
                new Evidence(rs.getString("signal_plugin"), rs.getString("signal_kind"),
                        rs.getString("signal_status"), rs.getString("summary"), boxed, rs.getString("link"),
                        instant(rs, "observed_at")),
                instant(rs, "raised_at"), instant(rs, "cleared_at"), rs.getString("decided_by"),
                instant(rs, "decided_at"), rs.getString("reason"), item == 0 ? null : item);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
