package dev.vitals.plugins.cost.allocation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.api.EntityRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** The allocation rules as stored: shared-cost rule versions, ResourceId prefixes, sub-accounts, re-allocations. */
public final class RuleBook {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RuleBook() {
    }

    /** @return every version of every shared-cost rule, oldest first */
    public static List<RuleVersion> versions(Handle h) {
        return h.createQuery("SELECT id, name, effective_from, body::text AS body, set_by, set_at "
                        + "FROM shared_rule_versions ORDER BY id")
                .map((rs, ctx) -> {
                    String name = rs.getString("name");
                    Optional<SharedRule> rule = Optional.ofNullable(rs.getString("body"))
                            .map(body -> SharedRule.parse(name, read(body)));
                    return new RuleVersion(rs.getLong("id"), name, rs.getObject("effective_from", LocalDate.class),
                            rule, rs.getString("set_by"), rs.getTimestamp("set_at").toInstant());
                })
                .list();
    }

    /** @return each rule in force now (its newest version), with that version, by name */
    public static List<RuleVersion> current(Handle h) {
        return versions(h).stream().collect(Collectors.toMap(RuleVersion::name, Function.identity(), (a, b) -> b,
                java.util.TreeMap::new)).values().stream().filter(v -> v.rule().isPresent()).toList();
    }

    /** Saves a version: the rule (or its deletion, when empty) allocates from {@code from} on. */
    public static void save(Handle h, String name, Optional<SharedRule> rule, LocalDate from, String by, Instant at) {
        h.createUpdate("INSERT INTO shared_rule_versions (name, effective_from, body, set_by, set_at) "
                        + "VALUES (:name, :from, CAST(:body AS jsonb), :by, :at)")
                .bind("name", name).bind("from", from).bind("body", rule.map(r -> r.json().toString()).orElse(null))
                .bind("by", by).bind("at", at)
                .execute();
    }

    /** @return the ResourceId prefixes and their services, longest prefix first */
    public static List<ResourceRule> resourceRules(Handle h) {
        return h.createQuery("SELECT prefix, service, set_by, set_at FROM resource_rules "
                        + "ORDER BY length(prefix) DESC, prefix")
                .map((rs, ctx) -> new ResourceRule(rs.getString("prefix"), EntityRef.parse(rs.getString("service")),
                        rs.getString("set_by"), rs.getTimestamp("set_at").toInstant()))
                .list();
    }

    public static void putResourceRule(Handle h, String prefix, EntityRef service, String by, Instant at) {
        h.createUpdate("""
                INSERT INTO resource_rules (prefix, service, set_by, set_at) VALUES (:prefix, :service, :by, :at)
                ON CONFLICT (prefix) DO UPDATE SET service = excluded.service, set_by = excluded.set_by,
                    set_at = excluded.set_at""")
                .bind("prefix", prefix).bind("service", service.toString()).bind("by", by).bind("at", at)
                .execute();
    }

    /** @return whether there was such a rule */
    public static boolean deleteResourceRule(Handle h, String prefix) {
        return h.createUpdate("DELETE FROM resource_rules WHERE prefix = :prefix").bind("prefix", prefix)
                .execute() > 0;
    }

    /** @return the sub-account rules by sub-account */
    public static Map<String, SubAccountRule> subAccountRules(Handle h) {
        return h.createQuery("SELECT sub_account_id, team, split::text AS split FROM sub_account_rules "
                        + "ORDER BY sub_account_id")
                .map((rs, ctx) -> new SubAccountRule(rs.getString("sub_account_id"),
                        EntityRef.parse(rs.getString("team")), Split.parse(read(rs.getString("split")), "split")))
                .list().stream().collect(Collectors.toMap(SubAccountRule::subAccountId, Function.identity(),
                        (a, b) -> a, java.util.TreeMap::new));
    }

    public static void putSubAccountRule(Handle h, SubAccountRule rule, String by, Instant at) {
        h.createUpdate("""
                INSERT INTO sub_account_rules (sub_account_id, team, split, set_by, set_at)
                VALUES (:id, :team, CAST(:split AS jsonb), :by, :at)
                ON CONFLICT (sub_account_id) DO UPDATE SET team = excluded.team, split = excluded.split,
                    set_by = excluded.set_by, set_at = excluded.set_at""")
                .bind("id", rule.subAccountId()).bind("team", rule.team().toString())
                .bind("split", rule.split().json().toString()).bind("by", by).bind("at", at)
                .execute();
    }

    /** @return whether there was such a rule */
    public static boolean deleteSubAccountRule(Handle h, String subAccountId) {
        return h.createUpdate("DELETE FROM sub_account_rules WHERE sub_account_id = :id").bind("id", subAccountId)
                .execute() > 0;
    }

    /** Records that the days were allocated again, by whom and why. */
    public static Reallocation record(Handle h, String subject, LocalDate first, LocalDate last, String by,
            Instant at) {
        h.createUpdate("INSERT INTO reallocations (subject, first_day, last_day, done_by, done_at) "
                        + "VALUES (:subject, :first, :last, :by, :at)")
                .bind("subject", subject).bind("first", first).bind("last", last).bind("by", by).bind("at", at)
                .execute();
        return new Reallocation(subject, first, last, by, at);
    }

    /** @return the last 100 re-allocations, newest first */
    public static List<Reallocation> reallocations(Handle h) {
        return h.createQuery("SELECT subject, first_day, last_day, done_by, done_at FROM reallocations "
                        + "ORDER BY id DESC LIMIT 100")
                .map((rs, ctx) -> new Reallocation(rs.getString("subject"), rs.getObject("first_day", LocalDate.class),
                        rs.getObject("last_day", LocalDate.class), rs.getString("done_by"),
                        rs.getTimestamp("done_at").toInstant()))
                .list();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
