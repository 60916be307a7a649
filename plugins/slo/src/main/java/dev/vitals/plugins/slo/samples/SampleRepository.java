package dev.vitals.plugins.slo.samples;

import dev.vitals.api.ProblemException;
import dev.vitals.plugins.slo.objectives.BudgetingMethod;
import dev.vitals.plugins.slo.objectives.Slo;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Jdbi;

/** Minute samples in schema {@code slo}. */
public final class SampleRepository {

    private static final String BATCH = """
            SELECT * FROM unnest(CAST(:slo AS text[]), CAST(:minute AS timestamptz[]), CAST(:good AS bigint[]),
                                 CAST(:total AS bigint[]), CAST(:value AS float8[]))
                AS b(slo, minute, good, total, value)""";

    private final Jdbi jdbi;

    public SampleRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Stores a validated batch in one transaction: rows already stored with the same numbers are skipped, and a row
     * whose key is stored with other numbers (or repeated in the batch with other numbers) refuses the whole batch.
     *
     * @return how many rows were new
     * @throws ProblemException 409 on a conflicting row
     */
    public int store(List<Sample> samples) {
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
     * The sums of every piece for several SLOs at once: each (SLO, piece) is one range scan of a primary key, summed
     * in PostgreSQL, so a row per piece crosses the wire instead of every rollup and minute row. The slice threshold
     * is read in the same statement, so minute rows and rollups are judged against the same one. Pieces without data
     * return no row.
     */
    private static final String SUMS = """
            WITH n AS (SELECT n.slo, n.i, th.slice_threshold
                       FROM unnest(CAST(:slos AS text[])) WITH ORDINALITY AS n(slo, i)
                       JOIN slos th ON th.name = n.slo),
                 p AS (SELECT * FROM unnest(CAST(:levels AS int[]), CAST(:froms AS timestamptz[]),
                                            CAST(:tos AS timestamptz[])) WITH ORDINALITY AS p(level, f, t, i))
            SELECT n.i AS slo_index, p.i AS piece_index, x.*
            FROM n CROSS JOIN p
            CROSS JOIN LATERAL (
                SELECT coalesce(sum(s.good), 0) AS good, coalesce(sum(s.total), 0) AS total, count(*) AS minutes,
                       count(*) FILTER (WHERE s.value <= n.slice_threshold) AS slice_good
                FROM samples s WHERE s.slo = n.slo AND s.minute >= p.f AND s.minute < p.t) AS x
            WHERE p.level = %d AND x.minutes > 0
            """.formatted(RollupCover.Level.MINUTE.ordinal())
            + rollupSums("sample_hours", "hour", RollupCover.Level.HOUR)
            + rollupSums("sample_days", "day", RollupCover.Level.DAY);

    /** The branch of {@link #SUMS} for one rollup table: its rows carry the four sums already. */
    private static String rollupSums(String table, String bucket, RollupCover.Level level) {
        return """
                UNION ALL
                SELECT n.i, p.i, x.*
                FROM n CROSS JOIN p
                CROSS JOIN LATERAL (
                    SELECT sum(r.good), sum(r.total), sum(r.minutes), sum(r.slice_good)
                    FROM %1$s r WHERE r.slo = n.slo AND r.%2$s >= p.f AND r.%2$s < p.t)
                    AS x(good, total, minutes, slice_good)
                WHERE p.level = %3$d AND x.minutes > 0
                """.formatted(table, bucket, level.ordinal());
    }

    /** How many SLOs one statement sums, so that a tick over every SLO can spread over connections and cores. */
    private static final int SLOS_PER_READ = 50;

    /**
     * The counts of the SLO over each range, in the same order, from one statement: whole UTC days and hours from the
     * rollups and the ragged edges from minute rows, as {@link RollupCover} composes them. Equal to counting the
     * minutes themselves, which the rollups are kept equal to.
     *
     * @return good and total per range: events for occurrences, minutes for timeslices
     */
    public List<Counts> counts(Slo slo, List<TimeRange> ranges) {
        return counts(List.of(slo), ranges, Runnable::run).join().get(slo.name());
    }

    /**
     * The counts of several SLOs over the same ranges, as {@link #counts(Slo, List)} gives them for one: ranges that
     * share a piece (every range ending at the same instant shares its end) sum it once, and each statement covers
     * {@value #SLOS_PER_READ} SLOs.
     *
     * @param statements runs the statements; an executor with several threads runs them side by side
     * @return when done, per SLO name, the counts per range in the order of {@code ranges}
     */
    public CompletableFuture<Map<String, List<Counts>>> counts(List<Slo> slos, List<TimeRange> ranges,
            Executor statements) {
        List<RollupCover> covers = ranges.stream().map(RollupCover::of).toList();
        Map<PieceKey, Integer> pieceIndex = new LinkedHashMap<>();
        covers.forEach(c -> c.pieces().forEach(p -> pieceIndex.putIfAbsent(
                new PieceKey(p.level(), p.from(), p.to()), pieceIndex.size())));
        List<PieceKey> pieces = List.copyOf(pieceIndex.keySet());
        return inStatements(slos.size(), SLOS_PER_READ, (from, to) -> {
            List<Slo> chunk = slos.subList(from, to);
            long[][][] sums = sums(chunk, pieces);
            List<List<Counts>> counts = new ArrayList<>(chunk.size());
            for (int i = 0; i < chunk.size(); i++) {
                counts.add(compose(chunk.get(i), covers, pieceIndex, sums[i]));
            }
            return counts;
        }, statements).thenApply(counts -> {
            Map<String, List<Counts>> result = new HashMap<>();
            for (int i = 0; i < slos.size(); i++) {
                result.put(slos.get(i).name(), counts.get(i));
            }
            return result;
        });
    }

    /**
     * Splits {@code count} items into runs of at most {@code perStatement}, reads each run with one statement on
     * {@code statements}, and joins the results in order.
     *
     * @param read reads the items in [from, to) and returns a result per item
     */
    private static <T> CompletableFuture<List<T>> inStatements(int count, int perStatement,
            BiFunction<Integer, Integer, List<T>> read, Executor statements) {
        List<CompletableFuture<List<T>>> runs = new ArrayList<>();
        for (int from = 0; from < count; from += perStatement) {
            int start = from;
            int end = Math.min(count, from + perStatement);
            runs.add(CompletableFuture.supplyAsync(() -> read.apply(start, end), statements));
        }
        return CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<T> result = new ArrayList<>(count);
            runs.forEach(r -> result.addAll(r.join()));
            return result;
        });
    }

    /** @return per SLO of {@code slos} and per piece: good, total, minutes and slice-good */
    private long[][][] sums(List<Slo> slos, List<PieceKey> pieces) {
        long[][][] sums = new long[slos.size()][pieces.size()][4];
        jdbi.useHandle(h -> h.createQuery(SUMS)
                .bindArray("slos", String.class, slos.stream().map(Slo::name).toList())
                .bindArray("levels", Integer.class, pieces.stream().map(p -> p.level().ordinal()).toList())
                .bindArray("froms", String.class, pieces.stream().map(p -> p.from().toString()).toList())
                .bindArray("tos", String.class, pieces.stream().map(p -> p.to().toString()).toList())
                .map((rs, ctx) -> {
                    long[] s = sums[rs.getInt("slo_index") - 1][rs.getInt("piece_index") - 1];
                    s[0] = rs.getLong("good");
                    s[1] = rs.getLong("total");
                    s[2] = rs.getLong("minutes");
                    s[3] = rs.getLong("slice_good");
                    return 0;
                }).list());
        return sums;
    }

    private static List<Counts> compose(Slo slo, List<RollupCover> covers, Map<PieceKey, Integer> pieceIndex,
            long[][] sums) {
        boolean occurrences = slo.method() == BudgetingMethod.OCCURRENCES;
        List<Counts> result = new ArrayList<>(covers.size());
        for (RollupCover cover : covers) {
            long good = 0;
            long total = 0;
            for (RollupCover.Piece piece : cover.pieces()) {
                long[] s = sums[pieceIndex.get(new PieceKey(piece.level(), piece.from(), piece.to()))];
                good += piece.sign() * (occurrences ? s[0] : s[3]);
                total += piece.sign() * (occurrences ? s[1] : s[2]);
            }
            result.add(new Counts(good, total));
        }
        return result;
    }

    /** A piece without its sign: what one range scan sums. */
    private record PieceKey(RollupCover.Level level, Instant from, Instant to) {
    }

    /** The minute rows of one SLO and range. */
    private static final String MINUTES = """
            WITH q AS (SELECT * FROM unnest(CAST(:slos AS text[]), CAST(:froms AS timestamptz[]),
                                            CAST(:tos AS timestamptz[])) WITH ORDINALITY AS q(slo, f, t, i))
            SELECT q.i AS read_index, s.minute, s.good, s.total, s.value <= th.slice_threshold AS slice_good
            FROM q JOIN slos th ON th.name = q.slo
            CROSS JOIN LATERAL (SELECT s.minute, s.good, s.total, s.value FROM samples s
                                WHERE s.slo = q.slo AND s.minute >= q.f AND s.minute < q.t) AS s""";

    /** How many (SLO, range) reads of single minutes one statement makes. */
    private static final int MINUTE_READS_PER_STATEMENT = 500;

    /**
     * The counts of every stored minute in short ranges, one range per SLO: the {@code k}-th range is read for the
     * {@code k}-th SLO. Minutes without data have no entry.
     *
     * @param statements runs the statements; an executor with several threads runs them side by side
     * @return when done, per read in the order given, the counts per minute start
     */
    CompletableFuture<List<Map<Instant, Counts>>> minutes(List<Slo> slos, List<TimeRange> ranges,
            Executor statements) {
        return inStatements(slos.size(), MINUTE_READS_PER_STATEMENT,
                (from, to) -> minutes(slos.subList(from, to), ranges.subList(from, to)), statements);
    }

    private List<Map<Instant, Counts>> minutes(List<Slo> slos, List<TimeRange> ranges) {
        List<Map<Instant, Counts>> result = new ArrayList<>(slos.size());
        slos.forEach(s -> result.add(new HashMap<>()));
        jdbi.useHandle(h -> h.createQuery(MINUTES)
                .bindArray("slos", String.class, slos.stream().map(Slo::name).toList())
                .bindArray("froms", String.class, ranges.stream().map(r -> r.from().toString()).toList())
                .bindArray("tos", String.class, ranges.stream().map(r -> r.to().toString()).toList())
                .map((rs, ctx) -> {
                    int read = rs.getInt("read_index") - 1;
                    Counts counts = slos.get(read).method() == BudgetingMethod.OCCURRENCES
                            ? new Counts(rs.getLong("good"), rs.getLong("total"))
                            : new Counts(rs.getBoolean("slice_good") ? 1 : 0, 1);
                    result.get(read).put(rs.getObject("minute", OffsetDateTime.class).toInstant(), counts);
                    return 0;
                }).list());
        return result;
    }

    public static OffsetDateTime utc(java.time.Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

}
