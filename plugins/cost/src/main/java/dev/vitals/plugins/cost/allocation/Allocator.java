package dev.vitals.plugins.cost.allocation;

import dev.vitals.api.EntityRef;
import dev.vitals.api.MeasurePoint;
import dev.vitals.api.Measures;
import dev.vitals.plugins.cost.db.LongTransaction;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.postgresql.PGConnection;

/**
 * Allocates the stored charges to services, per day of the organisation's time zone, into {@code allocations}: a
 * row's service by its tag; else a shared-cost rule (the first created that matches) splits it among a team's,
 * system's or the organisation's services; else a ResourceId prefix names its service; else a sub-account rule
 * spreads it over a team's services; else it is unallocated. Every day's services plus its unallocated cost is
 * exactly the day's effective cost (see {@link Shares}).
 *
 * <p>The table is kept, not computed per answer: the days an import touched (it notes them in {@code allocation_dirty}),
 * every day when the catalog's tags, teams or systems move, and the days a rule change asks for are allocated again
 * before the next answer, under one lock across instances.
 */
public final class Allocator {

    /** Days allocated per statement, so that memory stays bounded whatever the history. */
    private static final int CHUNK_DAYS = 31;

    private final Jdbi jdbi;
    private final CatalogShape catalog;
    private final Measures measures;
    private final ZoneId zone;
    private volatile String allocatedWith = "";

    public Allocator(Jdbi jdbi, CatalogShape catalog, Measures measures, ZoneId zone) {
        this.jdbi = jdbi;
        this.catalog = catalog;
        this.measures = measures;
        this.zone = zone;
    }

    /** @return the organisation's time zone, where days begin */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Allocates what changed since the last time: days whose charges changed, or all when the catalog moved.
     *
     * @return the catalog as the stored allocations and their sums per team now stand for it
     */
    public CatalogShape.Snapshot ensureCurrent() {
        CatalogShape.Snapshot shape = catalog.now();
        boolean dirty = jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM allocation_dirty)")
                .mapTo(Boolean.class).one());
        if (!dirty && shape.fingerprint().equals(allocatedWith)) {
            return shape;
        }
        jdbi.useTransaction(h -> {
            lock(h);
            String stored = h.createQuery("SELECT catalog FROM allocation_state WHERE id = 1").mapTo(String.class)
                    .one();
            List<Long> ids = new ArrayList<>();
            List<Span> spans = new ArrayList<>();
            h.createQuery("SELECT id, first_start, last_start FROM allocation_dirty ORDER BY id")
                    .map((rs, ctx) -> {
                        ids.add(rs.getLong("id"));
                        return new Span(day(rs.getObject("first_start", OffsetDateTime.class)),
                                day(rs.getObject("last_start", OffsetDateTime.class)).plusDays(1));
                    })
                    .forEach(spans::add);
            if (!stored.equals(shape.fingerprint())) {
                h.execute("DELETE FROM allocation_tags");
                try (var batch = h.prepareBatch("INSERT INTO allocation_tags (tag, service) VALUES (:tag, :service)")) {
                    shape.byTag().forEach((tag, service) -> batch.bind("tag", tag).bind("service", service.toString())
                            .add());
                    if (!shape.byTag().isEmpty()) {
                        batch.execute();
                    }
                }
                h.createUpdate("UPDATE allocation_state SET catalog = :catalog WHERE id = 1")
                        .bind("catalog", shape.fingerprint()).execute();
                h.execute("DELETE FROM allocations");
                TeamDays.clear(h);
                storedSpan(h).ifPresent(all -> allocate(h, all, shape));
            } else {
                TeamDays.sumAllOnce(h, shape);
                for (Span span : merged(spans)) {
                    allocate(h, span, shape);
                }
            }
            h.execute("UPDATE allocation_state SET teams_summed = true WHERE id = 1");
            if (!ids.isEmpty()) {
                h.createUpdate("DELETE FROM allocation_dirty WHERE id = ANY(:ids)")
                        .bindArray("ids", Long.class, ids).execute();
            }
        });
        allocatedWith = shape.fingerprint();
        return shape;
    }

    /**
     * Allocates the stored days from {@code first} on again, with the rules as they are now, and records it.
     *
     * @param subject what changed, for the record
     * @param first the first day to allocate again
     * @return the days allocated again, when any charge lies in them
     */
    public Optional<Reallocation> reallocate(String subject, LocalDate first, String by, Instant at) {
        ensureCurrent();
        return jdbi.inTransaction(h -> {
            lock(h);
            Optional<Span> stored = storedSpan(h);
            if (stored.isEmpty() || !first.isBefore(stored.get().until())) {
                return Optional.empty();
            }
            Span span = new Span(first.isAfter(stored.get().from()) ? first : stored.get().from(),
                    stored.get().until());
            allocate(h, span, catalog.now());
            return Optional.of(RuleBook.record(h, subject, span.from(), span.until().minusDays(1), by, at));
        });
    }

    /**
     * What a rule would change over a period, computed without saving anything: the allocation with the rules as
     * they are, and with the candidate in force over the whole period (replacing the rule of the same name).
     *
     * @param candidate the rule to try
     * @param from the first day
     * @param to the day after the last
     * @return per service the cost before and after, and the unallocated cost before and after
     */
    public Effect preview(SharedRule candidate, LocalDate from, LocalDate to) {
        ensureCurrent();
        return jdbi.withHandle(h -> {
            CatalogShape.Snapshot shape = catalog.now();
            List<RuleVersion> versions = RuleBook.versions(h);
            List<RuleVersion> tried = new ArrayList<>(versions);
            tried.add(new RuleVersion(Long.MAX_VALUE, candidate.name(), from, Optional.of(candidate), "", Instant.EPOCH));
            // The candidate keeps the place of the rule it replaces; a new rule comes after those there are.
            long position = versions.stream().filter(v -> v.name().equals(candidate.name()))
                    .mapToLong(RuleVersion::id).min().orElse(Long.MAX_VALUE);
            List<RuleSpan> after = RuleSpan.of(tried).stream()
                    .map(s -> s.rule().name().equals(candidate.name()) ? new RuleSpan(position, s.from(), s.until(),
                            s.rule()) : s)
                    .sorted(java.util.Comparator.comparingLong(RuleSpan::position).thenComparing(RuleSpan::from))
                    .toList();
            Map<String, BigDecimal> before = totals(compute(h, new Span(from, to), shape, RuleSpan.of(versions)));
            Map<String, BigDecimal> then = totals(compute(h, new Span(from, to), shape, after));
            return new Effect(before, then);
        });
    }

    private static Map<String, BigDecimal> totals(List<Allocated> rows) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        rows.forEach(r -> totals.merge(r.service(), r.direct().add(r.shared()), BigDecimal::add));
        return totals;
    }

    private void allocate(Handle h, Span whole, CatalogShape.Snapshot shape) {
        // A full re-allocation of years of a large organisation may take longer than the portal's one minute.
        LongTransaction.allow(h);
        List<RuleSpan> rules = RuleSpan.of(RuleBook.versions(h));
        for (LocalDate start = whole.from(); start.isBefore(whole.until()); start = start.plusDays(CHUNK_DAYS)) {
            LocalDate end = start.plusDays(CHUNK_DAYS).isBefore(whole.until()) ? start.plusDays(CHUNK_DAYS)
                    : whole.until();
            List<Allocated> rows = compute(h, new Span(start, end), shape, rules);
            h.createUpdate("DELETE FROM allocations WHERE day >= :from AND day < :to")
                    .bind("from", start).bind("to", end).execute();
            copy(h, rows);
            TeamDays.sum(h, start, end, shape);
        }
    }

    private List<Allocated> compute(Handle h, Span span, CatalogShape.Snapshot shape, List<RuleSpan> rules) {
        Map<String, SubAccountRule> subAccounts = RuleBook.subAccountRules(h);
        StringBuilder ruleRows = new StringBuilder("[");
        boolean byTags = false;
        for (int i = 0; i < rules.size(); i++) {
            RuleSpan r = rules.get(i);
            if (r.until().isAfter(span.from()) && r.from().isBefore(span.until())) {
                byTags |= r.rule().match().kind() == RuleMatch.Kind.TAG;
                ruleRows.append(ruleRows.length() > 1 ? "," : "").append(com.fasterxml.jackson.databind.node
                        .JsonNodeFactory.instance.objectNode().put("idx", i).put("pos", r.position())
                        .put("from_day", r.from().toString()).put("until_day", r.until().toString())
                        .put("kind", r.rule().match().kind().word()).put("key", r.rule().match().key())
                        .put("value", r.rule().match().value()));
            }
        }
        ruleRows.append(']');
        List<Pool> pools = h.createQuery("""
                WITH rules AS MATERIALIZED (
                    SELECT * FROM jsonb_to_recordset(CAST(:rules AS jsonb))
                        AS e(idx int, pos bigint, from_day date, until_day date, kind text, key text, value text)),
                -- The rows summed per everything a match reads first: the joins below then run per group, not
                -- per row (a million-row month is a few thousand groups). Tags are read only when a rule matches
                -- by tag.
                rows AS (
                    SELECT (charge_period_start AT TIME ZONE :zone)::date AS day, lower(allocation_tag) AS tag,
                           CASE WHEN :byTags THEN tags END AS tags,
                           service_name, billing_account_id, sub_account_id, resource_id, sum(cost) AS cost
                    FROM charges WHERE charge_period_start >= :from AND charge_period_start < :to
                    GROUP BY 1, 2, 3, 4, 5, 6, 7)
                SELECT r.day, t.service AS tagged, s.idx AS shared, p.service AS resource,
                       a.sub_account_id AS sub_account, sum(r.cost) AS cost
                FROM rows r
                LEFT JOIN allocation_tags t ON t.tag = r.tag
                LEFT JOIN LATERAL (
                    SELECT e.idx FROM rules e
                    WHERE t.service IS NULL AND r.day >= e.from_day AND r.day < e.until_day
                      AND CASE e.kind WHEN 'tag' THEN r.tags ->> e.key = e.value
                                      WHEN 'serviceName' THEN r.service_name = e.value
                                      ELSE r.billing_account_id = e.value OR r.sub_account_id = e.value END
                    ORDER BY e.pos LIMIT 1) s ON true
                LEFT JOIN LATERAL (
                    SELECT x.service FROM resource_rules x
                    WHERE t.service IS NULL AND s.idx IS NULL AND starts_with(r.resource_id, x.prefix)
                    ORDER BY length(x.prefix) DESC LIMIT 1) p ON true
                LEFT JOIN sub_account_rules a ON t.service IS NULL AND s.idx IS NULL AND p.service IS NULL
                                             AND a.sub_account_id = r.sub_account_id
                GROUP BY 1, 2, 3, 4, 5""")
                .bind("rules", ruleRows.toString())
                .bind("byTags", byTags)
                .bind("zone", zone.getId())
                .bind("from", span.from().atStartOfDay(zone).toOffsetDateTime())
                .bind("to", span.until().atStartOfDay(zone).toOffsetDateTime())
                .map((rs, ctx) -> new Pool(rs.getObject("day", LocalDate.class), Optional.ofNullable(rs.getString(
                        "tagged")), Optional.ofNullable((Integer) rs.getObject("shared")),
                        Optional.ofNullable(rs.getString("resource")), Optional.ofNullable(rs.getString("sub_account")),
                        rs.getBigDecimal("cost")))
                .list();
        Map<LocalDate, List<Pool>> byDay = new TreeMap<>();
        pools.forEach(p -> byDay.computeIfAbsent(p.day(), d -> new ArrayList<>()).add(p));
        Weights weights = new Weights(measuresOf(rules, subAccounts.values(), span));
        List<Allocated> rows = new ArrayList<>();
        byDay.forEach((day, ofDay) -> rows.addAll(new DayAllocation(day, shape, rules, subAccounts, weights)
                .allocate(ofDay)));
        return rows;
    }

    /** The values of the measures the rules split by, per measure, service and day. */
    private Map<String, Map<EntityRef, Map<LocalDate, BigDecimal>>> measuresOf(List<RuleSpan> rules,
            java.util.Collection<SubAccountRule> subAccounts, Span span) {
        Set<String> names = new HashSet<>();
        rules.forEach(r -> r.rule().split().measure().ifPresent(names::add));
        subAccounts.forEach(r -> r.split().measure().ifPresent(names::add));
        Map<String, Map<EntityRef, Map<LocalDate, BigDecimal>>> values = new HashMap<>();
        for (String name : names) {
            Map<EntityRef, Map<LocalDate, BigDecimal>> ofName = new HashMap<>();
            for (MeasurePoint point : measures.read(name, span.from(), span.until().minusDays(1))) {
                ofName.computeIfAbsent(point.entity(), e -> new HashMap<>()).put(point.day(), point.value());
            }
            values.put(name, ofName);
        }
        return values;
    }

    private static void copy(Handle h, List<Allocated> rows) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder(rows.size() * 64);
        for (Allocated row : rows) {
            text.append(row.day()).append('\t').append(row.service()).append('\t')
                    .append(row.direct().toPlainString()).append('\t').append(row.shared().toPlainString())
                    .append('\n');
        }
        try {
            h.getConnection().unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY allocations (day, service, direct, shared) FROM STDIN", new StringReader(
                            text.toString()));
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException("COPY into allocations failed", e, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<Span> storedSpan(Handle h) {
        // From the distinct starts the imports note (migration V9): the charges' block range index cannot give them.
        return h.createQuery("""
                SELECT min(charge_period_start) AS first, max(charge_period_start) AS last FROM charge_starts""")
                .map((rs, ctx) -> {
                    OffsetDateTime first = rs.getObject("first", OffsetDateTime.class);
                    OffsetDateTime last = rs.getObject("last", OffsetDateTime.class);
                    return first == null ? Optional.<Span>empty()
                            : Optional.of(new Span(day(first), day(last).plusDays(1)));
                })
                .one();
    }

    private LocalDate day(OffsetDateTime instant) {
        return instant.atZoneSameInstant(zone).toLocalDate();
    }

    private static List<Span> merged(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(java.util.Comparator.comparing(Span::from));
        List<Span> merged = new ArrayList<>();
        for (Span span : sorted) {
            Span last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !span.from().isAfter(last.until())) {
                merged.set(merged.size() - 1, new Span(last.from(), span.until().isAfter(last.until()) ? span.until()
                        : last.until()));
            } else {
                merged.add(span);
            }
        }
        return merged;
    }

    private static void lock(Handle h) {
        h.execute("SELECT pg_advisory_xact_lock(hashtext('cost.allocation'))");
    }

    /** Days [from, until). */
    record Span(LocalDate from, LocalDate until) {
    }

    /**
     * A day's charges that went the same way: tagged to a service, matched by a shared rule (its index among the
     * spans), by a ResourceId prefix, by a sub-account rule, or by nothing.
     */
    record Pool(LocalDate day, Optional<String> tagged, Optional<Integer> shared, Optional<String> resource,
            Optional<String> subAccount, BigDecimal cost) {
    }

    /**
     * The allocation of a period before and after a change, per service (canonical ref; {@code ""} is unallocated).
     *
     * @param before with the rules as they are
     * @param after with the candidate in force
     */
    public record Effect(Map<String, BigDecimal> before, Map<String, BigDecimal> after) {
    }
}
