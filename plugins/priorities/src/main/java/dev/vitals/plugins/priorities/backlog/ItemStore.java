package dev.vitals.plugins.priorities.backlog;

import dev.vitals.api.EntityRef;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/** Items in the plugin's schema. Every write that places an item in a stack rank holds that list's lock. */
public final class ItemStore {

    /** The item columns with its places in both ranks and its pain reports, for {@link ItemRows}. */
    static final String SELECT = """
            SELECT i.*,
                   (SELECT count(*) FROM items j
                     WHERE j.level = i.level AND j.owner = i.owner AND j.rank_key <= i.rank_key) AS position,
                   CASE WHEN i.org_rank_key IS NULL THEN NULL
                        ELSE (SELECT count(*) FROM items j WHERE j.org_rank_key <= i.org_rank_key) END AS org_position,
                   (SELECT count(*) FROM pain_reports p WHERE p.item_id = i.id) AS pain_count,
                   ARRAY(SELECT DISTINCT p.team FROM pain_reports p WHERE p.item_id = i.id ORDER BY p.team)
                       AS pain_teams
              FROM items i""";

    private final Jdbi jdbi;

    public ItemStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * Stores new items, all or none: each parent must exist (or come earlier in the batch) and be one level up,
     * and each key must be new.
     *
     * @param batch the items, checked without the database
     * @param prefixes the field prefix of each, e.g. {@code [2].} in an array, empty for one item
     * @return the stored items, in the batch's order
     */
    public List<Item> create(List<NewItem.Checked> batch, List<String> prefixes, String by, Instant at) {
        return jdbi.inTransaction(h -> {
            List<FieldError> errors = new ArrayList<>();
            Map<String, Long> keys = new HashMap<>();
            List<Long> ids = new ArrayList<>();
            for (int n = 0; n < batch.size(); n++) {
                NewItem.Checked item = batch.get(n);
                NewItem input = item.input();
                String prefix = prefixes.get(n);
                Optional<Long> parentId = Optional.ofNullable(input.parent());
                if (input.parentKey() != null) {
                    parentId = Optional.ofNullable(keys.get(input.parentKey()))
                            .or(() -> idOfKey(h, input.parentKey()));
                    if (parentId.isEmpty()) {
                        errors.add(new FieldError(prefix + "parentKey", "no item has key '" + input.parentKey()
                                + "'"));
                        continue;
                    }
                }
                if (!parentFits(h, item.level(), parentId, prefix + (input.parentKey() != null ? "parentKey"
                        : "parent"), errors)) {
                    continue;
                }
                if (input.key() != null && (keys.containsKey(input.key()) || idOfKey(h, input.key()).isPresent())) {
                    errors.add(new FieldError(prefix + "key", "another item has key '" + input.key() + "'"));
                    continue;
                }
                if (!errors.isEmpty()) {
                    continue;
                }
                long id = insert(h, item, parentId, by, at);
                ids.add(id);
                if (input.key() != null) {
                    keys.put(input.key(), id);
                }
            }
            if (!errors.isEmpty()) {
                throw ProblemException.unprocessable("nothing was stored: " + errors.size()
                        + (errors.size() == 1 ? " field is" : " fields are") + " wrong", errors);
            }
            return ids.stream().map(id -> find(h, id).orElseThrow()).toList();
        });
    }

    private static boolean parentFits(Handle h, Level level, Optional<Long> parentId, String field,
            List<FieldError> errors) {
        Optional<Level> wanted = level.parentLevel();
        if (wanted.isEmpty()) {
            if (parentId.isPresent()) {
                errors.add(new FieldError(field, "a theme has no parent"));
                return false;
            }
            return true;
        }
        if (parentId.isEmpty()) {
            errors.add(new FieldError(field, "is required: a " + level.wire() + "'s parent is a "
                    + wanted.get().wire()));
            return false;
        }
        Optional<String> parentLevel = h.createQuery("SELECT level FROM items WHERE id = :id")
                .bind("id", parentId.get()).mapTo(String.class).findOne();
        if (parentLevel.isEmpty()) {
            errors.add(new FieldError(field, "no item has id " + parentId.get()));
            return false;
        }
        if (!parentLevel.get().equals(wanted.get().wire())) {
            errors.add(new FieldError(field, "a " + level.wire() + "'s parent must be a " + wanted.get().wire()
                    + ", item " + parentId.get() + " is a " + parentLevel.get()));
            return false;
        }
        return true;
    }

    private static Optional<Long> idOfKey(Handle h, String key) {
        return h.createQuery("SELECT id FROM items WHERE key = :key").bind("key", key).mapTo(Long.class).findOne();
    }

    private static long insert(Handle h, NewItem.Checked item, Optional<Long> parentId, String by, Instant at) {
        NewItem input = item.input();
        String rankKey = RankKeys.after(lastKey(h, item.level().wire(), item.owner().toString()));
        String orgKey = item.level() == Level.THEME ? RankKeys.after(lastOrgKey(h)) : null;
        RiceInputs rice = input.rice();
        WsjfInputs wsjf = input.wsjf();
        long id = scores(h.createUpdate("""
                        INSERT INTO items (key, title, level, parent_id, owner, horizon, investment, status,
                            estimate_weeks, quarter, services, rice_reach, rice_impact, rice_confidence, rice_effort,
                            rice_score, wsjf_business_value, wsjf_time_criticality, wsjf_risk_reduction,
                            wsjf_job_size, wsjf_score, rank_key, org_rank_key, created_by, created_at, updated_at)
                        VALUES (:key, :title, :level, :parent, :owner, :horizon, :investment, :status, :weeks,
                            :quarter, :services, :reach, :impact, :confidence, :effort, :riceScore, :bv, :tc, :rr,
                            :size, :wsjfScore, :rank, :orgRank, :by, :at, :at)"""), rice, wsjf)
                .bind("key", input.key()).bind("title", input.title().trim()).bind("level", item.level().wire())
                .bind("parent", parentId.orElse(null)).bind("owner", item.owner().toString())
                .bind("horizon", input.horizon()).bind("investment", input.investment())
                .bind("status", input.status() == null ? "proposed" : input.status())
                .bind("weeks", input.estimateWeeks()).bind("quarter", input.quarter())
                .bind("services", item.services().toArray(String[]::new))
                .bind("rank", rankKey).bind("orgRank", orgKey).bind("by", by).bind("at", at)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        ScoreHistory.record(h, id, rice, wsjf, by, at);
        return id;
    }

    /** Holds the lock of one stack rank until the transaction ends, so concurrent moves in it take turns. */
    public static void lockList(Handle h, String level, String owner) {
        h.createQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(:list, 0))")
                .bind("list", "priorities:" + level + ":" + owner).mapTo(Integer.class).one();
    }

    /** Holds the lock of the organisation's rank of themes. */
    public static void lockOrgList(Handle h) {
        h.createQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended('priorities:org', 0))")
                .mapTo(Integer.class).one();
    }

    static String lastKey(Handle h, String level, String owner) {
        lockList(h, level, owner);
        return h.createQuery("SELECT max(rank_key) FROM items WHERE level = :level AND owner = :owner")
                .bind("level", level).bind("owner", owner).mapTo(String.class).one();
    }

    static String lastOrgKey(Handle h) {
        lockOrgList(h);
        return h.createQuery("SELECT max(org_rank_key) FROM items").mapTo(String.class).one();
    }

    public Optional<Item> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    public static Optional<Item> find(Handle h, long id) {
        return h.createQuery(SELECT + " WHERE i.id = :id").bind("id", id).map((rs, ctx) -> ItemRows.item(rs))
                .findOne();
    }

    /** Which items a list shows; every part optional. */
    public record Filter(Optional<Level> level, Optional<EntityRef> owner, Optional<String> status,
            Optional<String> service, Optional<Long> parent, Optional<String> quarter) {

        public static Filter none() {
            return new Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty());
        }

        String where() {
            List<String> parts = new ArrayList<>();
            level.ifPresent(l -> parts.add("i.level = :level"));
            owner.ifPresent(o -> parts.add("i.owner = :owner"));
            status.ifPresent(s -> parts.add("i.status = :status"));
            service.ifPresent(s -> parts.add("i.services @> ARRAY[:service]::text[]"));
            parent.ifPresent(p -> parts.add("i.parent_id = :parent"));
            quarter.ifPresent(q -> parts.add("i.quarter = :quarter"));
            return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
        }

        void bind(Query query) {
            level.ifPresent(l -> query.bind("level", l.wire()));
            owner.ifPresent(o -> query.bind("owner", o.toString()));
            status.ifPresent(s -> query.bind("status", s));
            service.ifPresent(s -> query.bind("service", s));
            parent.ifPresent(p -> query.bind("parent", p));
            quarter.ifPresent(q -> query.bind("quarter", q));
        }
    }

    /** The orders a list may take: the rank decides, the scores suggest. */
    public enum Sort {
        RANK("array_position(ARRAY['theme','epic','feature','story','task'], i.level), i.owner, i.rank_key"),
        RICE("i.rice_score DESC NULLS LAST, i.id"),
        WSJF("i.wsjf_score DESC NULLS LAST, i.id");

        private final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }
    }

    public ItemList list(Filter filter, Sort sort, int page, int size, String score) {
        return jdbi.withHandle(h -> {
            Query count = h.createQuery("SELECT count(*) FROM items i" + filter.where());
            filter.bind(count);
            long total = count.mapTo(Long.class).one();
            Query query = h.createQuery(SELECT + filter.where() + " ORDER BY " + sort.orderBy
                    + " LIMIT :limit OFFSET :offset");
            filter.bind(query);
            List<Item> items = query.bind("limit", size).bind("offset", (long) (page - 1) * size)
                    .map((rs, ctx) -> ItemRows.item(rs)).list();
            return new ItemList(items, page, size, total, score);
        });
    }

    /**
     * Every item of an owner, each level in rank order, for the backlog tree; pain reports are summed for this
     * owner's items only, not the organisation's.
     */
    public List<Item> ofOwner(EntityRef owner) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT i.*,
                               row_number() OVER (PARTITION BY i.level ORDER BY i.rank_key) AS position,
                               NULL::bigint AS org_position,
                               coalesce(p.pain_count, 0) AS pain_count, coalesce(p.pain_teams, '{}') AS pain_teams
                          FROM items i
                          LEFT JOIN (SELECT item_id, count(*) AS pain_count,
                                            array_agg(DISTINCT team ORDER BY team) AS pain_teams
                                       FROM pain_reports
                                      WHERE item_id IN (SELECT id FROM items WHERE owner = :owner)
                                      GROUP BY item_id) p ON p.item_id = i.id
                         WHERE i.owner = :owner
                         ORDER BY array_position(ARRAY['theme','epic','feature','story','task'], i.level), i.rank_key""")
                .bind("owner", owner.toString()).map((rs, ctx) -> ItemRows.item(rs)).list());
    }

    /** Items by id, for parents of other owners shown in a tree. */
    public List<Item> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE i.id = ANY(:ids)")
                .bind("ids", ids.toArray(Long[]::new)).map((rs, ctx) -> ItemRows.item(rs)).list());
    }

    /** The organisation's top priorities: themes in their org-wide order. */
    public List<Item> topThemes(int limit) {
        return jdbi.withHandle(h -> h.createQuery(SELECT
                        + " WHERE i.org_rank_key IS NOT NULL AND i.status <> 'dropped' ORDER BY i.org_rank_key LIMIT :limit")
                .bind("limit", limit).map((rs, ctx) -> ItemRows.item(rs)).list());
    }

    /** Updates the plain fields of an item; status, rank and owner changes go through their own paths. */
    static void updateFields(Handle h, long id, String title, Long parent, String horizon, String investment,
            BigDecimal weeks, String quarter, List<String> services, RiceInputs rice, WsjfInputs wsjf, Instant at) {
        scores(h.createUpdate("""
                        UPDATE items SET title = coalesce(:title, title), parent_id = coalesce(:parent, parent_id),
                            horizon = coalesce(:horizon, horizon), investment = coalesce(:investment, investment),
                            estimate_weeks = coalesce(:weeks, estimate_weeks), quarter = coalesce(:quarter, quarter),
                            services = coalesce(:services, services),
                            rice_reach = coalesce(:reach, rice_reach), rice_impact = coalesce(:impact, rice_impact),
                            rice_confidence = coalesce(:confidence, rice_confidence),
                            rice_effort = coalesce(:effort, rice_effort),
                            rice_score = coalesce(:riceScore, rice_score),
                            wsjf_business_value = coalesce(:bv, wsjf_business_value),
                            wsjf_time_criticality = coalesce(:tc, wsjf_time_criticality),
                            wsjf_risk_reduction = coalesce(:rr, wsjf_risk_reduction),
                            wsjf_job_size = coalesce(:size, wsjf_job_size),
                            wsjf_score = coalesce(:wsjfScore, wsjf_score), updated_at = :at
                         WHERE id = :id"""), rice, wsjf)
                .bind("id", id).bind("title", title == null ? null : title.trim()).bind("parent", parent)
                .bind("horizon", horizon).bind("investment", investment).bind("weeks", weeks)
                .bind("quarter", quarter).bind("services", services == null ? null : services.toArray(String[]::new))
                .bind("at", at).execute();
    }

    /** Binds both scores' inputs and results; absent inputs bind nulls. */
    private static Update scores(Update update, RiceInputs rice, WsjfInputs wsjf) {
        return update.bind("reach", rice == null ? null : rice.reach())
                .bind("impact", rice == null ? null : rice.impact())
                .bind("confidence", rice == null ? null : rice.confidence())
                .bind("effort", rice == null ? null : rice.effort())
                .bind("riceScore", rice == null ? null : rice.score())
                .bind("bv", wsjf == null ? null : wsjf.businessValue().intValueExact())
                .bind("tc", wsjf == null ? null : wsjf.timeCriticality().intValueExact())
                .bind("rr", wsjf == null ? null : wsjf.riskReduction().intValueExact())
                .bind("size", wsjf == null ? null : wsjf.jobSize().intValueExact())
                .bind("wsjfScore", wsjf == null ? null : wsjf.score());
    }

    static boolean parentFits(Handle h, Level level, long parent, List<FieldError> errors) {
        return parentFits(h, level, Optional.of(parent), "parent", errors);
    }
}
