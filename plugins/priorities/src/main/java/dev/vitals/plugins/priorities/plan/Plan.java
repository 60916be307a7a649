package dev.vitals.plugins.priorities.plan;

import dev.vitals.api.EntityRef;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Teams' estimated work per quarter and their targets, from the plugin's schema. */
public final class Plan {

    /**
     * The sums of the counted items (not dropped, estimated, and with no estimated child standing in for them) per
     * owner and quarter, as the triggers of migration V5 keep them in the statement of every item write: one row per
     * owner instead of an aggregate over every estimated item of the quarter on each request.
     */
    private static final String SUMS = """
            SELECT owner, immediate, future, foundation, innovation FROM plan_sums
             WHERE quarter = :quarter AND items > 0""";

    private final Jdbi jdbi;
    private final BigDecimal tolerance;

    public Plan(Jdbi jdbi, BigDecimal tolerance) {
        this.jdbi = jdbi;
        this.tolerance = tolerance;
    }

    public Capacity capacity(EntityRef team, String quarter) {
        Weeks weeks = jdbi.withHandle(h -> h.createQuery(SUMS + " AND owner = :owner")
                .bind("quarter", quarter).bind("owner", team.toString())
                .map((rs, ctx) -> weeks(rs)).findOne()).orElse(Weeks.NONE);
        return weeks.against(team.toString(), quarter, targets(team), tolerance);
    }

    /** @return every team's capacity in the quarter, in the order of {@code teams} */
    public List<Capacity> capacities(List<EntityRef> teams, String quarter) {
        Map<String, Weeks> byTeam = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery(SUMS + " AND owner LIKE 'group:%'")
                .bind("quarter", quarter)
                .map((rs, ctx) -> Map.entry(rs.getString("owner"), weeks(rs)))
                .forEach(e -> byTeam.put(e.getKey(), e.getValue())));
        Map<String, Targets> targets = allTargets();
        return teams.stream().map(team -> byTeam.getOrDefault(team.toString(), Weeks.NONE).against(team.toString(),
                quarter, targets.getOrDefault(team.toString(), Targets.DEFAULT), tolerance)).toList();
    }

    private static Weeks weeks(ResultSet rs) throws SQLException {
        return new Weeks(rs.getBigDecimal("immediate"), rs.getBigDecimal("future"), rs.getBigDecimal("foundation"),
                rs.getBigDecimal("innovation"));
    }

    public Targets targets(EntityRef team) {
        return jdbi.withHandle(h -> h.createQuery("SELECT immediate, foundation FROM team_targets WHERE team = :team")
                .bind("team", team.toString())
                .map((rs, ctx) -> new Targets(plainOf(rs.getBigDecimal("immediate")),
                        plainOf(rs.getBigDecimal("foundation"))))
                .findOne()).orElse(Targets.DEFAULT);
    }

    private Map<String, Targets> allTargets() {
        Map<String, Targets> all = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT team, immediate, foundation FROM team_targets")
                .map((rs, ctx) -> Map.entry(rs.getString("team"), new Targets(plainOf(rs.getBigDecimal("immediate")),
                        plainOf(rs.getBigDecimal("foundation")))))
                .forEach(e -> all.put(e.getKey(), e.getValue())));
        return all;
    }

    public void setTargets(EntityRef team, Targets targets, String by, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO team_targets (team, immediate, foundation, updated_by, updated_at)
                        VALUES (:team, :immediate, :foundation, :by, :at)
                        ON CONFLICT (team) DO UPDATE SET immediate = excluded.immediate,
                            foundation = excluded.foundation, updated_by = excluded.updated_by,
                            updated_at = excluded.updated_at""")
                .bind("team", team.toString()).bind("immediate", targets.immediate())
                .bind("foundation", targets.foundation()).bind("by", by).bind("at", at).execute());
    }

    /** @return when the team's targets were last set and by whom, if ever */
    public Optional<String> targetsSetBy(EntityRef team) {
        return jdbi.withHandle(h -> h.createQuery("SELECT updated_by, updated_at FROM team_targets WHERE team = :team")
                .bind("team", team.toString())
                .map((rs, ctx) -> rs.getString("updated_by") + " at "
                        + rs.getObject("updated_at", OffsetDateTime.class).toInstant())
                .findOne());
    }

    private static BigDecimal plainOf(BigDecimal value) {
        return dev.vitals.plugins.priorities.backlog.Scores.plain(value);
    }
}
