package dev.vitals.plugins.cost.imports;

import dev.vitals.plugins.cost.db.LongTransaction;
import dev.vitals.plugins.cost.focus.FocusFile;
import dev.vitals.plugins.cost.focus.FocusProblem;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Imports a FOCUS file all or nothing, in one transaction: its rows stream from the parser straight into the
 * charges through PostgreSQL's COPY (memory stays flat whatever the file's size), rows in another currency are then
 * converted into the reporting currency, and the rows of earlier imports of the same billing accounts and periods are
 * removed, so that importing a file again never counts it twice.
 */
public final class ChargeImport {

    private static final int FLUSH_AT = 1 << 16;
    private static final long PROGRESS_EVERY = 10_000;

    private final Jdbi jdbi;
    private final FocusFile focus;
    private final String reporting;
    private final ZoneId zone;

    public ChargeImport(Jdbi jdbi, FocusFile focus, String reporting, ZoneId zone) {
        this.jdbi = jdbi;
        this.focus = focus;
        this.reporting = reporting;
        this.zone = zone;
    }

    /**
     * @param csv the file's text
     * @param by who imports it
     * @param at when
     * @param progress told the number of rows read every ten thousand rows
     * @return what was stored
     * @throws FocusProblem when a row or the header cannot be imported; nothing is stored
     * @throws MissingRate when a billing currency has no rate for a month it bills; nothing is stored
     */
    public ImportResult run(Reader csv, String by, Instant at, LongConsumer progress) throws IOException {
        return jdbi.<ImportResult, IOException>inTransaction(h -> {
            // One import at a time: two files of the same billing period must not interleave their replacement.
            LongTransaction.allow(h);
            h.execute("SELECT pg_advisory_xact_lock(hashtext('cost.import'))");
            long id = h.createQuery("""
                    INSERT INTO imports (imported_at, imported_by, rows, reporting) VALUES (:at, :by, 0, :reporting)
                    RETURNING id""")
                    .bind("at", at).bind("by", by).bind("reporting", reporting)
                    .mapTo(Long.class).one();
            // Straight into the fact table, in the reporting currency at rate 1: one write of every row instead of
            // a staging table and a second copy. Rows in another currency are converted below; a failure anywhere
            // rolls the whole file back.
            Copied copied = copy(h, csv, progress, id);
            long rows = copied.rows();
            if (rows == 0) {
                throw new FocusProblem(2, Optional.empty(), "the file has a header but no rows: nothing to import");
            }
            // Each of these reads every row of the import again: a file billed in the reporting currency only,
            // the usual case, needs neither.
            if (copied.foreign()) {
                refuseMissingRates(h, id);
                convert(h, id);
            }
            h.createUpdate("UPDATE imports SET rows = :rows WHERE id = :id").bind("rows", rows).bind("id", id)
                    .execute();
            return store(h, id, rows);
        });
    }

    private Copied copy(Handle h, Reader csv, LongConsumer progress, long id) throws IOException {
        try {
            return copy(h.getConnection().unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY charges (" + CopyText.COLUMNS + ") FROM STDIN"), csv, progress, id);
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException("COPY into the charges failed", e, null);
        }
    }

    private Copied copy(CopyIn copy, Reader csv, LongConsumer progress, long id) throws IOException, SQLException {
        StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
        boolean[] foreign = {false};
        try {
            long rows = focus.read(csv, charge -> {
                foreign[0] |= !charge.billingCurrency().equals(reporting);
                CopyText.append(buffer, id, charge);
                if (buffer.length() >= FLUSH_AT) {
                    flush(copy, buffer);
                }
                long done = charge.row() - 1;        // the header is row 1
                if (done % PROGRESS_EVERY == 0) {
                    progress.accept(done);
                }
            });
            flush(copy, buffer);
            copy.endCopy();
            progress.accept(rows);
            return new Copied(rows, foreign[0]);
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void flush(CopyIn copy, StringBuilder buffer) {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        buffer.setLength(0);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("the database refused the rows: " + e.getMessage(), e));
        }
    }

    private void refuseMissingRates(Handle h, long id) {
        h.createQuery("""
                SELECT s.billing_currency, min(s.month) AS month, min(s.row_number) AS first_row
                FROM (SELECT billing_currency, row_number,
                             date_trunc('month', billing_period_start AT TIME ZONE 'UTC')::date AS month
                      FROM charges WHERE import_id = :id AND billing_currency <> :reporting) s
                LEFT JOIN rates r ON r.currency = s.billing_currency AND r.reporting = :reporting
                                 AND r.month = s.month
                WHERE r.rate IS NULL
                GROUP BY s.billing_currency, s.month
                ORDER BY first_row
                LIMIT 1""")
                .bind("id", id).bind("reporting", reporting)
                .map((rs, ctx) -> new MissingRate(rs.getString("billing_currency"),
                        YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getLong("first_row")))
                .findOne()
                .ifPresent(missing -> {
                    throw missing;
                });
    }

    /** Rows billed in another currency, at the rate of their billing period's month. */
    private void convert(Handle h, long id) {
        h.createUpdate("""
                UPDATE charges c SET rate = r.rate, billed = c.billed_cost * r.rate, cost = c.effective_cost * r.rate
                FROM rates r
                WHERE c.import_id = :id AND c.billing_currency <> :reporting AND r.currency = c.billing_currency
                  AND r.reporting = :reporting
                  AND r.month = date_trunc('month', c.billing_period_start AT TIME ZONE 'UTC')::date""")
                .bind("id", id).bind("reporting", reporting)
                .execute();
    }

    private ImportResult store(Handle h, long id, long rows) {
        List<BillingPeriod> periods = h.createQuery("""
                SELECT billing_account_id, billing_period_start, count(*) AS rows FROM charges WHERE import_id = :id
                GROUP BY billing_account_id, billing_period_start ORDER BY billing_account_id, billing_period_start""")
                .bind("id", id)
                .map((rs, ctx) -> new BillingPeriod(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getLong(3)))
                .list();
        String earlier = """
                SELECT c.* FROM charges c
                JOIN (SELECT DISTINCT billing_account_id, billing_period_start FROM charges WHERE import_id = :id) p
                  ON c.billing_account_id = p.billing_account_id AND c.billing_period_start = p.billing_period_start
                WHERE c.import_id <> :id""";
        // The days touched: those the replaced rows had and those the new ones have, so answers about both change.
        DaySpan span = h.createQuery("""
                SELECT min(d), max(d) FROM (
                    SELECT (charge_period_start AT TIME ZONE :zone)::date AS d FROM charges WHERE import_id = :id
                    UNION ALL
                    SELECT (e.charge_period_start AT TIME ZONE :zone)::date FROM (%s) e) days""".formatted(earlier))
                .bind("zone", zone.getId()).bind("id", id)
                .map((rs, ctx) -> new DaySpan(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)))
                .one();
        int replaced = h.createUpdate("""
                DELETE FROM charges c USING (SELECT DISTINCT billing_account_id, billing_period_start FROM charges
                                             WHERE import_id = :id) p
                WHERE c.billing_account_id = p.billing_account_id AND c.billing_period_start = p.billing_period_start
                  AND c.import_id <> :id""")
                .bind("id", id)
                .execute();
        // The days touched are allocated to services again before the next answer (costs.CostLedger).
        h.createUpdate("INSERT INTO allocation_dirty (first_start, last_start) VALUES (:first, :last)")
                .bind("first", span.first().atStartOfDay(zone).toOffsetDateTime())
                .bind("last", span.last().atStartOfDay(zone).toOffsetDateTime())
                .execute();
        return new ImportResult(id, rows, replaced, periods, span.first(), span.last());
    }

    /** The rows copied, and whether any is billed in another currency than the reporting one. */
    private record Copied(long rows, boolean foreign) {
    }

    private record DaySpan(LocalDate first, LocalDate last) {
    }
}
