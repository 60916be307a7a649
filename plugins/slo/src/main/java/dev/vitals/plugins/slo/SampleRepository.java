package dev.vitals.plugins.slo;

import dev.vitals.api.ProblemException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
            if (added == samples.size()) {
                // Every row was new, so none can disagree with a stored one or with another row of the batch.
                return added;
            }
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

    /**
     * The rows of each level the covers read, for several SLOs at once, with the four sums every level keeps. The
     * slice threshold is read in the same statement, so minute rows and rollups are judged against the same one.
     * OFFSET 0 keeps each lateral read a range scan of the primary key per SLO and interval even under a generic
     * plan, which would otherwise read every minute of each SLO and filter the ranges afterwards.
     */
    private static final String READ = """
            SELECT s.slo, 0 AS level, s.minute AS bucket, coalesce(s.good, 0) AS good, coalesce(s.total, 0) AS total,
                   1 AS minutes, CASE WHEN s.value <= th.slice_threshold THEN 1 ELSE 0 END AS slice_good
            FROM slos th
            CROSS JOIN unnest(CAST(:minuteFrom AS timestamptz[]), CAST(:minuteTo AS timestamptz[])) AS r(f, t)
            CROSS JOIN LATERAL (SELECT * FROM samples s
                                WHERE s.slo = th.name AND s.minute >= r.f AND s.minute < r.t OFFSET 0) AS s
            WHERE th.name = ANY(CAST(:slos AS text[]))
            UNION ALL
            SELECT h.slo, 1, h.hour, h.good, h.total, h.minutes, h.slice_good
            FROM unnest(CAST(:slos AS text[])) AS n(slo)
            CROSS JOIN unnest(CAST(:hourFrom AS timestamptz[]), CAST(:hourTo AS timestamptz[])) AS r(f, t)
            CROSS JOIN LATERAL (SELECT * FROM sample_hours h
                                WHERE h.slo = n.slo AND h.hour >= r.f AND h.hour < r.t OFFSET 0) AS h
            UNION ALL
            SELECT d.slo, 2, d.day, d.good, d.total, d.minutes, d.slice_good
            FROM unnest(CAST(:slos AS text[])) AS n(slo)
            CROSS JOIN unnest(CAST(:dayFrom AS timestamptz[]), CAST(:dayTo AS timestamptz[])) AS r(f, t)
            CROSS JOIN LATERAL (SELECT * FROM sample_days d
                                WHERE d.slo = n.slo AND d.day >= r.f AND d.day < r.t OFFSET 0) AS d""";


    /** How many SLOs one statement reads, so that a page of every SLO holds a bounded number of rows at a time. */
    private static final int SLOS_PER_READ = 200;

    /**
     * The counts of the SLO over each range, in the same order, from one statement: whole UTC days and hours from the
     * rollups and the ragged edges from minute rows, as {@link RollupCover} composes them. Equal to counting the
     * minutes themselves, which the rollups are kept equal to.
     *
     * @return good and total per range: events for occurrences, minutes for timeslices
     */
    List<Counts> counts(Slo slo, List<TimeRange> ranges) {
        return counts(List.of(slo), ranges).get(slo.name());
    }

    /**
     * The counts of several SLOs over the same ranges, as {@link #counts(Slo, List)} gives them for one, from one
     * statement per {@value #SLOS_PER_READ} SLOs.
     *
     * @return per SLO name, the counts per range in the order of {@code ranges}
     */
    Map<String, List<Counts>> counts(List<Slo> slos, List<TimeRange> ranges) {
        List<RollupCover> covers = ranges.stream().map(RollupCover::of).toList();
        List<List<TimeRange>> reads = RollupCover.reads(covers);
        Map<String, List<Counts>> result = new HashMap<>();
        for (int from = 0; from < slos.size(); from += SLOS_PER_READ) {
            List<Slo> chunk = slos.subList(from, Math.min(slos.size(), from + SLOS_PER_READ));
            Map<String, List<List<Bucket>>> rows = read(chunk, reads);
            for (Slo slo : chunk) {
                List<List<Bucket>> levels = rows.getOrDefault(slo.name(), List.of(List.of(), List.of(), List.of()));
                result.put(slo.name(), sum(slo, covers, levels));
            }
        }
        return result;
    }

    private Map<String, List<List<Bucket>>> read(List<Slo> slos, List<List<TimeRange>> reads) {
        String[] names = {"minute", "hour", "day"};
        return jdbi.withHandle(h -> {
            Query query = h.createQuery(READ).bindArray("slos", String.class, slos.stream().map(Slo::name).toList());
            for (int level = 0; level < names.length; level++) {
                query.bindArray(names[level] + "From", String.class,
                                reads.get(level).stream().map(r -> r.from().toString()).toList())
                        .bindArray(names[level] + "To", String.class,
                                reads.get(level).stream().map(r -> r.to().toString()).toList());
            }
            Map<String, List<List<Bucket>>> bySlo = new HashMap<>();
            query.map((rs, ctx) -> {
                bySlo.computeIfAbsent(rs.getString("slo"), k -> List.of(new ArrayList<>(), new ArrayList<>(),
                        new ArrayList<>())).get(rs.getInt("level")).add(new Bucket(
                        rs.getObject("bucket", OffsetDateTime.class).toInstant().getEpochSecond(), rs.getLong("good"),
                        rs.getLong("total"), rs.getLong("minutes"), rs.getLong("slice_good")));
                return 0;
            }).list();
            return bySlo;
        });
    }

    private static List<Counts> sum(Slo slo, List<RollupCover> covers, List<List<Bucket>> levels) {
        Sums[] sums = new Sums[levels.size()];
        for (int level = 0; level < levels.size(); level++) {
            sums[level] = new Sums(levels.get(level));
        }
        boolean occurrences = slo.method() == BudgetingMethod.OCCURRENCES;
        List<Counts> result = new ArrayList<>(covers.size());
        for (RollupCover cover : covers) {
            long good = 0;
            long total = 0;
            for (RollupCover.Piece piece : cover.pieces()) {
                long[] s = sums[piece.level().ordinal()].between(piece.from(), piece.to());
                good += piece.sign() * (occurrences ? s[0] : s[3]);
                total += piece.sign() * (occurrences ? s[1] : s[2]);
            }
            result.add(new Counts(good, total));
        }
        return result;
    }

    private record Bucket(long start, long good, long total, long minutes, long sliceGood) {
    }

    /** Running sums over one level's buckets, so any run of them adds up in two look-ups. */
    private static final class Sums {
        private final long[] starts;
        private final long[][] running;

        Sums(List<Bucket> buckets) {
            List<Bucket> sorted = buckets.stream().sorted(java.util.Comparator.comparingLong(Bucket::start))
                    .toList();
            starts = sorted.stream().mapToLong(Bucket::start).toArray();
            running = new long[4][sorted.size() + 1];
            for (int i = 0; i < sorted.size(); i++) {
                Bucket b = sorted.get(i);
                running[0][i + 1] = running[0][i] + b.good();
                running[1][i + 1] = running[1][i] + b.total();
                running[2][i + 1] = running[2][i] + b.minutes();
                running[3][i + 1] = running[3][i] + b.sliceGood();
            }
        }

        /** @return good, total, minutes and slice-good of the buckets that start in [from, to) */
        long[] between(Instant from, Instant to) {
            int a = lowerBound(from.getEpochSecond());
            int b = lowerBound(to.getEpochSecond());
            return new long[] {running[0][b] - running[0][a], running[1][b] - running[1][a],
                    running[2][b] - running[2][a], running[3][b] - running[3][a]};
        }

        private int lowerBound(long key) {
            int i = java.util.Arrays.binarySearch(starts, key);
            return i >= 0 ? i : -i - 1;
        }
    }

    static OffsetDateTime utc(java.time.Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

}
