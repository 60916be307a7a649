package dev.vitals.plugins.cost.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.plugins.cost.allocation.RuleMatch;
import dev.vitals.plugins.cost.allocation.SharedRule;
import dev.vitals.plugins.cost.web.Money;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The costliest unallocated rows of a period, grouped by what they carry (tags, FOCUS service, accounts), each with
 * the tag or rule that would catch it.
 */
public final class UnallocatedRows {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LIMIT = 20;

    private final Jdbi jdbi;
    private final ZoneId zone;
    private final List<String> allocationKeys;

    public UnallocatedRows(Jdbi jdbi, ZoneId zone, List<String> allocationKeys) {
        this.jdbi = jdbi;
        this.zone = zone;
        this.allocationKeys = allocationKeys;
    }

    /** @return the tag keys a row's service is read from, first match wins */
    public List<String> allocationKeys() {
        return allocationKeys;
    }

    /**
     * @param rules the shared-cost rules in force, whose rows are allocated
     * @return the costliest unallocated groups of rows over [from, to)
     */
    public List<UnallocatedLine> top(LocalDate from, LocalDate to, List<SharedRule> rules) {
        List<Row> rows = jdbi.withHandle(h -> h.createQuery("""
                SELECT c.tags::text AS tags, c.service_name, c.billing_account_id, c.sub_account_id,
                       count(*) AS rows, sum(c.cost) AS cost
                FROM charges c
                WHERE c.charge_period_start >= :from AND c.charge_period_start < :to
                  AND NOT EXISTS (SELECT 1 FROM allocation_tags t WHERE t.tag = lower(c.allocation_tag))
                  AND NOT EXISTS (SELECT 1 FROM resource_rules x WHERE starts_with(c.resource_id, x.prefix))
                  AND NOT EXISTS (SELECT 1 FROM sub_account_rules a WHERE a.sub_account_id = c.sub_account_id)
                GROUP BY 1, 2, 3, 4
                ORDER BY cost DESC
                LIMIT 200""")
                .bind("from", from.atStartOfDay(zone).toOffsetDateTime())
                .bind("to", to.atStartOfDay(zone).toOffsetDateTime())
                .map((rs, ctx) -> new Row(tags(rs.getString("tags")), Optional.ofNullable(rs.getString("service_name")),
                        rs.getString("billing_account_id"), Optional.ofNullable(rs.getString("sub_account_id")),
                        rs.getLong("rows"), rs.getBigDecimal("cost")))
                .list());
        List<UnallocatedLine> lines = new ArrayList<>();
        for (Row row : rows) {
            if (rules.stream().noneMatch(rule -> matches(rule.match(), row)) && lines.size() < LIMIT) {
                lines.add(new UnallocatedLine(row.tags().map(JsonNode::toString).orElse(""),
                        row.serviceName().orElse(""), row.account() + row.subAccount().map(s -> " / " + s).orElse(""),
                        row.rows(), Money.text(row.cost()), catcher(row)));
            }
        }
        return lines;
    }

    /** What would catch the row: the tag it carries, named by a service, or a rule. */
    private String catcher(Row row) {
        if (row.tags().isPresent()) {
            for (String key : allocationKeys) {
                Iterator<Map.Entry<String, JsonNode>> fields = row.tags().get().fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> tag = fields.next();
                    if (tag.getKey().strip().equalsIgnoreCase(key)) {
                        return "tag " + tag.getKey() + "=" + tag.getValue().asText() + " names no service: give the "
                                + "service the annotation vitals.dev/cost-tag: " + tag.getValue().asText()
                                .toLowerCase(Locale.ROOT);
                    }
                }
            }
            Iterator<Map.Entry<String, JsonNode>> fields = row.tags().get().fields();
            if (fields.hasNext()) {
                Map.Entry<String, JsonNode> tag = fields.next();
                return "a shared-cost rule on tag " + tag.getKey() + "=" + tag.getValue().asText() + ", or a tag "
                        + allocationKeys.get(0) + "=<service> on the resources";
            }
        }
        return row.subAccount().map(s -> "a sub-account rule for " + s + ", or a tag " + allocationKeys.get(0)
                + "=<service> on the resources").orElse("a tag " + allocationKeys.get(0) + "=<service> on the "
                + "resources, or a ResourceId prefix rule");
    }

    private static boolean matches(RuleMatch match, Row row) {
        return switch (match.kind()) {
            case TAG -> row.tags().map(t -> t.has(match.key()) && t.get(match.key()).asText().equals(match.value()))
                    .orElse(false);
            case SERVICE_NAME -> row.serviceName().map(match.value()::equals).orElse(false);
            case ACCOUNT -> row.account().equals(match.value())
                    || row.subAccount().map(match.value()::equals).orElse(false);
        };
    }

    private static Optional<JsonNode> tags(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(text)).filter(JsonNode::isObject);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private record Row(Optional<JsonNode> tags, Optional<String> serviceName, String account,
            Optional<String> subAccount, long rows, BigDecimal cost) {
    }
}
