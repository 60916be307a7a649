package dev.vitals.plugins.slo;

import dev.vitals.api.ProblemException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** Minute samples in schema {@code slo}. */
final class SampleRepository {

    private static final String BATCH = """
            SELECT * FROM unnest(CAST(:slo AS text[]), CAST(:minute AS timestamptz[]), CAST(:good AS bigint[]),
                                 CAST(:total AS bigint[]), CAST(:value AS float8[]))
                AS b(slo, minute, good, total, value)""";

    private final Jdbi jdbi;

    SampleRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Stores a validated batch in one transaction: rows already stored with the same numbers are skipped, and a row
     * whose key is stored with other numbers (or repeated in the batch with other numbers) refuses the whole batch.
     *
     * @return how many rows were new
     * @throws ProblemException 409 on a conflicting row
     */
    int store(List<Sample> samples) {
        if (samples.isEmpty()) {
            return 0;
        }
        return jdbi.inTransaction(h -> {
            int added = bindBatch(h.createUpdate("INSERT INTO samples (slo, minute, good, total, value) " + BATCH
                    + " ON CONFLICT (slo, minute) DO NOTHING"), samples).execute();
            Optional<String> conflict = bindBatch(h.createQuery("WITH b AS (" + BATCH + """
                    ) SELECT b.slo || ' at ' || to_char(b.minute AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                    FROM b JOIN samples s USING (slo, minute)
                    WHERE (s.good, s.total, s.value) IS DISTINCT FROM (b.good, b.total, b.value)
                    LIMIT 1"""), samples).mapTo(String.class).findOne();
            if (conflict.isPresent()) {
                throw ProblemException.conflict("the minute of " + conflict.get() + " is stored with other numbers; "
                        + "a minute's numbers cannot change, so nothing of the batch was stored");
            }
            return added;
        });
    }

    private static <T extends org.jdbi.v3.core.statement.SqlStatement<T>> T bindBatch(T statement,
            List<Sample> samples) {
        return statement.bindArray("slo", String.class, samples.stream().map(Sample::slo).toList())
                .bindArray("minute", String.class, samples.stream().map(s -> s.minute().toString()).toList())
                .bindArray("good", Long.class, samples.stream().map(Sample::good).toList())
                .bindArray("total", Long.class, samples.stream().map(Sample::total).toList())
                .bindArray("value", Double.class, samples.stream().map(Sample::value).toList());
    }

    /** @return the counts of the SLO over each range, in the same order, from one scan */
    List<Counts> counts(Slo slo, List<TimeRange> ranges) {
        boolean occurrences = slo.method() == BudgetingMethod.OCCURRENCES;
        String good = occurrences ? "good" : "CASE WHEN value <= :threshold THEN 1 ELSE 0 END";
        String total = occurrences ? "total" : "1";
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < ranges.size(); i++) {
            String filter = " FILTER (WHERE minute >= :from" + i + " AND minute < :to" + i + ")";
            sql.append(i == 0 ? "" : ", ").append("coalesce(sum(").append(good).append(')').append(filter)
                    .append(", 0) AS good").append(i).append(", coalesce(sum(").append(total).append(')')
                    .append(filter).append(", 0) AS total").append(i);
        }
        sql.append(" FROM samples WHERE slo = :slo AND minute >= :min AND minute < :max");
        return jdbi.withHandle(h -> {
            Query query = h.createQuery(sql.toString()).bind("slo", slo.name())
                    .bind("min", utc(ranges.stream().map(TimeRange::from).min(java.util.Comparator.naturalOrder())
                            .orElseThrow()))
                    .bind("max", utc(ranges.stream().map(TimeRange::to).max(java.util.Comparator.naturalOrder())
                            .orElseThrow()));
            if (!occurrences) {
                query.bind("threshold", slo.sliceThreshold().orElseThrow());
            }
            for (int i = 0; i < ranges.size(); i++) {
                query.bind("from" + i, utc(ranges.get(i).from())).bind("to" + i, utc(ranges.get(i).to()));
            }
            return query.map((rs, ctx) -> {
                List<Counts> result = new java.util.ArrayList<>();
                for (int i = 0; i < ranges.size(); i++) {
                    result.add(new Counts(rs.getLong("good" + i), rs.getLong("total" + i)));
                }
                return result;
            }).one();
        });
    }

    static OffsetDateTime utc(java.time.Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

}
