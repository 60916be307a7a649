package dev.vitals.plugins.priorities.backlog;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Every score an item was given, RICE and WSJF alike, whichever the organisation ranks by: changing the setting
 * (or an item's inputs) keeps what was there before.
 */
public final class ScoreHistory {

    /**
     * One score as it was given.
     *
     * @param method rice or wsjf
     * @param score the score
     * @param inputs its inputs in words, e.g. {@code reach 1000 × impact 2 × confidence 0.8 ÷ effort 2}
     * @param recordedBy who gave it
     * @param recordedAt when
     */
    public record Entry(String method, BigDecimal score, String inputs, String recordedBy, Instant recordedAt) {
    }

    /**
     * @param item the item's id
     * @param entries its scores, oldest first
     */
    public record Entries(long item, List<Entry> entries) {
    }

    private ScoreHistory() {
    }

    static void record(Handle h, long item, RiceInputs rice, WsjfInputs wsjf, String by, Instant at) {
        if (rice != null) {
            h.createUpdate("""
                            INSERT INTO score_history (item_id, method, reach, impact, confidence, effort, score,
                                recorded_by, recorded_at)
                            VALUES (:item, 'rice', :reach, :impact, :confidence, :effort, :score, :by, :at)""")
                    .bind("item", item).bind("reach", rice.reach()).bind("impact", rice.impact())
                    .bind("confidence", rice.confidence()).bind("effort", rice.effort()).bind("score", rice.score())
                    .bind("by", by).bind("at", at).execute();
        }
        if (wsjf != null) {
            h.createUpdate("""
                            INSERT INTO score_history (item_id, method, business_value, time_criticality,
                                risk_reduction, job_size, score, recorded_by, recorded_at)
                            VALUES (:item, 'wsjf', :bv, :tc, :rr, :size, :score, :by, :at)""")
                    .bind("item", item).bind("bv", wsjf.businessValue().intValueExact())
                    .bind("tc", wsjf.timeCriticality().intValueExact()).bind("rr", wsjf.riskReduction().intValueExact())
                    .bind("size", wsjf.jobSize().intValueExact()).bind("score", wsjf.score()).bind("by", by)
                    .bind("at", at).execute();
        }
    }

    public static Entries of(Jdbi jdbi, long item) {
        return new Entries(item, jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM score_history WHERE item_id = :item ORDER BY recorded_at, id""")
                .bind("item", item).map((rs, ctx) -> {
                    String method = rs.getString("method");
                    String inputs = method.equals("rice")
                            ? "reach " + plain(rs.getBigDecimal("reach")) + " × impact " + plain(rs.getBigDecimal("impact"))
                                    + " × confidence " + plain(rs.getBigDecimal("confidence")) + " ÷ effort "
                                    + plain(rs.getBigDecimal("effort"))
                            : "(business value " + rs.getInt("business_value") + " + time criticality "
                                    + rs.getInt("time_criticality") + " + risk reduction " + rs.getInt("risk_reduction")
                                    + ") ÷ job size " + rs.getInt("job_size");
                    return new Entry(method, Scores.plain(rs.getBigDecimal("score")), inputs,
                            rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
                }).list()));
    }

    private static String plain(BigDecimal value) {
        return Scores.plain(value).toPlainString();
    }
}
