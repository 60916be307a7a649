package dev.vitals.plugins.priorities.backlog;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

/** Reads items from the columns {@link ItemStore#SELECT} names. */
final class ItemRows {

    private ItemRows() {
    }

    static Item item(ResultSet rs) throws SQLException {
        RiceInputs rice = rs.getBigDecimal("rice_reach") == null ? null
                : new RiceInputs(plain(rs, "rice_reach"), plain(rs, "rice_impact"), plain(rs, "rice_confidence"),
                        plain(rs, "rice_effort"));
        WsjfInputs wsjf = rs.getObject("wsjf_job_size") == null ? null
                : WsjfInputs.of(rs.getInt("wsjf_business_value"), rs.getInt("wsjf_time_criticality"),
                        rs.getInt("wsjf_risk_reduction"), rs.getInt("wsjf_job_size"));
        long parent = rs.getLong("parent_id");
        long orgPosition = rs.getLong("org_position");
        boolean noOrgRank = rs.wasNull();
        return new Item(rs.getLong("id"), rs.getString("key"), rs.getString("title"), rs.getString("level"),
                parent == 0 ? null : parent, rs.getString("owner"), rs.getString("horizon"),
                rs.getString("investment"), rs.getString("status"), plain(rs, "estimate_weeks"),
                rs.getString("quarter"), strings(rs.getArray("services")), rice, plain(rs, "rice_score"), wsjf,
                plain(rs, "wsjf_score"), rs.getInt("position"), noOrgRank ? null : (int) orgPosition,
                new Item.Pain(rs.getInt("pain_count"), strings(rs.getArray("pain_teams"))),
                rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static BigDecimal plain(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : Scores.plain(value);
    }

    static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return List.of((String[]) array.getArray());
    }
}
