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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    /** Signals heard in one statement when catching up. */
    private static final int CHUNK = 2000;

    private final Jdbi jdbi;
    private final CatalogView catalog;

    public Proposals(Jdbi jdbi, CatalogView catalog) {
        this.jdbi = jdbi;
        this.catalog = catalog;
    }

    /** Reads one signal; most signals are not evidence of anything and cost no statement at all. */
    public void hear(Signal signal) {
        hearAll(List.of(signal));
    }

    /**
     * Hears again the latest signal of every kind a rule reads, for what was published while this plugin was not
     * running (before its start, or while an admin had it switched off). Hearing a signal twice changes nothing.
     *
     * @return how many signals were heard
     */
    public int catchUp(dev.vitals.api.Signals signals) {
        long started = System.nanoTime();
        List<Signal> latest = new ArrayList<>();
        for (EvidenceRule rule : EvidenceRule.values()) {
            latest.addAll(signals.latest(rule.signals()));
        }
        for (int from = 0; from < latest.size(); from += CHUNK) {
            hearAll(latest.subList(from, Math.min(latest.size(), from + CHUNK)));
        }
        LOG.info("Heard {} signals of the kinds that propose items in {} ms", latest.size(),
                (System.nanoTime() - started) / 1_000_000);
        return latest.size();
    }

    /** One signal as one rule reads it. */
    private record Heard(EvidenceRule rule, Signal signal) {

        String key() {
            return signal.subject() + " " + rule.kind();
        }
    }

    /**
     * Hears signals together, a few statements for the lot whatever their number: evidence that clears marks its
     * open proposal cleared; evidence that starts standing raises a proposal (or raises an open one again); evidence
     * that keeps standing refreshes its open proposal.
     */
    public void hearAll(List<Signal> signals) {
        Map<String, Heard> standing = new LinkedHashMap<>();
        Map<String, Heard> cleared = new LinkedHashMap<>();
        for (Signal signal : signals) {
            for (EvidenceRule rule : EvidenceRule.reading(signal)) {
                rule.stands(signal).ifPresent(stands -> {
                    Heard heard = new Heard(rule, signal);
                    // The last word on a pair wins; a statement may touch each pair once.
                    standing.remove(heard.key());
                    cleared.remove(heard.key());
                    (stands ? standing : cleared).put(heard.key(), heard);
                });
            }
        }
        if (!cleared.isEmpty()) {
            cleared(List.copyOf(cleared.values()));
        }
        if (!standing.isEmpty()) {
            stands(List.copyOf(standing.values()));
        }
    }

    private void cleared(List<Heard> heard) {
        jdbi.useHandle(h -> h.createUpdate("""
                        WITH incoming AS (
                            SELECT * FROM unnest(:subject::text[], :kind::text[], :at::timestamptz[])
                                AS t(subject, kind, at)),
                        cleared AS (
                            UPDATE evidence_states e SET active = false, changed_at = i.at FROM incoming i
                             WHERE e.subject = i.subject AND e.kind = i.kind AND e.active
                            RETURNING e.subject, e.kind, i.at)
                        UPDATE proposals p SET cleared_at = c.at FROM cleared c
                         WHERE p.subject = c.subject AND p.kind = c.kind AND p.state = 'open'""")
                .bind("subject", heard.stream().map(x -> x.signal().subject().toString()).toArray(String[]::new))
                .bind("kind", heard.stream().map(x -> x.rule().kind()).toArray(String[]::new))
                .bind("at", heard.stream().map(x -> x.signal().observedAt().toString()).toArray(String[]::new))
                .execute());
    }

    private void stands(List<Heard> heard) {
        Map<EntityRef, dev.vitals.api.CatalogEntity> subjects = catalog.entities(heard.stream()
                .map(x -> x.signal().subject()).distinct().toList());
        String[] owners = heard.stream().map(x -> Optional.ofNullable(subjects.get(x.signal().subject()))
                .flatMap(e -> e.owner()).map(EntityRef::toString).orElse(null)).toArray(String[]::new);
        // Pairs that start standing flip their state and raise a proposal, or raise an open one again with fresh
        // evidence; a concurrent statement for the same pair waits on its state row, then sees it standing. Pairs
        // that already stood refresh their open proposal's evidence.
        jdbi.useHandle(h -> h.createUpdate("""
                        WITH incoming AS (
                            SELECT * FROM unnest(:subject::text[], :kind::text[], :owner::text[], :title::text[],
                                    :plugin::text[], :signalKind::text[], :status::text[], :summary::text[],
                                    :value::float8[], :link::text[], :at::timestamptz[])
                                AS t(subject, kind, owner, title, plugin, signal_kind, status, summary, value, link,
                                     at)),
                        flipped AS (
                            INSERT INTO evidence_states (subject, kind, active, changed_at)
                            SELECT subject, kind, true, at FROM incoming
                            ON CONFLICT (subject, kind) DO UPDATE SET active = true, changed_at = excluded.changed_at
                             WHERE NOT evidence_states.active
                            RETURNING subject, kind),
                        raised AS (
                            INSERT INTO proposals (subject, kind, owner, title, state, signal_plugin, signal_kind,
                                signal_status, summary, value, link, observed_at, raised_at)
                            SELECT i.subject, i.kind, i.owner, i.title, 'open', i.plugin, i.signal_kind, i.status,
                                   i.summary, i.value, i.link, i.at, i.at
                              FROM incoming i JOIN flipped f ON f.subject = i.subject AND f.kind = i.kind
                            ON CONFLICT (subject, kind) WHERE state = 'open' DO UPDATE SET
                                signal_status = excluded.signal_status, summary = excluded.summary,
                                value = excluded.value, link = excluded.link, observed_at = excluded.observed_at,
                                raised_at = excluded.raised_at, cleared_at = NULL
                            RETURNING id)
                        UPDATE proposals p SET signal_status = i.status, summary = i.summary, value = i.value,
                            link = i.link, observed_at = i.at
                          FROM incoming i
                         WHERE p.subject = i.subject AND p.kind = i.kind AND p.state = 'open'
                           AND NOT EXISTS (SELECT 1 FROM flipped f WHERE f.subject = i.subject AND f.kind = i.kind)""")
                .bind("subject", heard.stream().map(x -> x.signal().subject().toString()).toArray(String[]::new))
                .bind("kind", heard.stream().map(x -> x.rule().kind()).toArray(String[]::new))
                .bind("owner", owners)
                .bind("title", heard.stream().map(x -> x.rule().title(x.signal().subject().name()))
                        .toArray(String[]::new))
                .bind("plugin", heard.stream().map(x -> x.signal().plugin()).toArray(String[]::new))
                .bind("signalKind", heard.stream().map(x -> x.signal().kind()).toArray(String[]::new))
                .bind("status", heard.stream().map(x -> x.signal().status().name()).toArray(String[]::new))
                .bind("summary", heard.stream().map(x -> x.signal().summary()).toArray(String[]::new))
                .bind("value", heard.stream().map(x -> x.signal().value().isPresent()
                        ? String.valueOf(x.signal().value().getAsDouble()) : null).toArray(String[]::new))
                .bind("link", heard.stream().map(x -> x.signal().link()
                        .orElse(PluginUrls.entity(x.signal().subject()))).toArray(String[]::new))
                .bind("at", heard.stream().map(x -> x.signal().observedAt().toString()).toArray(String[]::new))
                .execute());
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
