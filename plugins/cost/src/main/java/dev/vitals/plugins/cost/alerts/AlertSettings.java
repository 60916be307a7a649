package dev.vitals.plugins.cost.alerts;

import dev.vitals.api.EntityRef;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/** Teams' alert thresholds and webhooks; a team without a row has the portal's defaults and no webhook. */
public final class AlertSettings {

    private final Jdbi jdbi;
    private final AlertRules defaults;

    public AlertSettings(Jdbi jdbi, AlertRules defaults) {
        this.jdbi = jdbi;
        this.defaults = defaults;
    }

    public AlertRules rules(Optional<EntityRef> team) {
        return team.flatMap(this::row).map(Row::rules).orElse(defaults);
    }

    public Optional<URI> webhook(EntityRef team) {
        return row(team).flatMap(Row::webhook);
    }

    /** @return the settings as the API shows them, the webhook masked */
    public TeamSettings shown(EntityRef team) {
        Optional<Row> row = row(team);
        AlertRules rules = row.map(Row::rules).orElse(defaults);
        return new TeamSettings(team.key(), rules.relativePercent().stripTrailingZeros().toPlainString(),
                rules.floorPerDay().stripTrailingZeros().toPlainString(),
                rules.periods().stream().map(Period::word).toList(),
                row.flatMap(Row::webhook).map(AlertSettings::masked), row.map(Row::changedBy),
                row.map(Row::changedAt));
    }

    public void save(EntityRef team, AlertRules rules, Optional<Optional<URI>> webhook, String by, Instant at) {
        Optional<URI> hook = webhook.orElseGet(() -> webhook(team));
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO team_alert_settings (team, relative, floor, periods, webhook, changed_by, changed_at)
                VALUES (:team, :relative, :floor, :periods, :webhook, :by, :at)
                ON CONFLICT (team) DO UPDATE SET relative = excluded.relative, floor = excluded.floor,
                    periods = excluded.periods, webhook = excluded.webhook, changed_by = excluded.changed_by,
                    changed_at = excluded.changed_at""")
                .bind("team", team.toString()).bind("relative", rules.relativePercent())
                .bind("floor", rules.floorPerDay())
                .bindArray("periods", String.class, rules.periods().stream().map(Period::word).toList())
                .bind("webhook", hook.map(URI::toString).orElse(null)).bind("by", by).bind("at", at).execute());
    }

    /**
     * The scheme and host, and the last four characters: enough to recognise the hook, too little to post to it (a
     * Slack webhook's path is its secret).
     */
    static String masked(URI url) {
        String text = url.toString();
        return url.getScheme() + "://" + url.getHost() + "/…" + text.substring(Math.max(0, text.length() - 4));
    }

    private Optional<Row> row(EntityRef team) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT relative, floor, periods, webhook, changed_by, changed_at FROM team_alert_settings
                WHERE team = :team""")
                .bind("team", team.toString())
                .map((rs, ctx) -> {
                    Set<Period> periods = EnumSet.noneOf(Period.class);
                    Arrays.stream((String[]) rs.getArray("periods").getArray()).map(Period::of)
                            .forEach(p -> p.ifPresent(periods::add));
                    return new Row(new AlertRules(rs.getBigDecimal("relative"), rs.getBigDecimal("floor"), periods),
                            Optional.ofNullable(rs.getString("webhook")).map(URI::create), rs.getString("changed_by"),
                            rs.getObject("changed_at", java.time.OffsetDateTime.class).toInstant());
                }).findOne());
    }

    private record Row(AlertRules rules, Optional<URI> webhook, String changedBy, Instant changedAt) {
    }
}
