package dev.vitals.plugins.cost.imports;

import dev.vitals.plugins.cost.focus.FocusFile;
import dev.vitals.plugins.cost.focus.FocusProblem;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
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
 * Imports a FOCUS file all or nothing, in one transaction: its rows stream from the parser into a staging table
 * through PostgreSQL's COPY (memory stays flat whatever the file's size), then one set-based statement converts them
 * into the reporting currency and stores them, replacing the rows of earlier imports of the same billing accounts
 * and periods, so that importing a file again never counts it twice.
 */
public final class ChargeImport {

    /**
     * How long one import may take. The portal's one-minute statement limit suits requests; a file of millions of
     * rows streams into one COPY for longer, so the import raises it for its own transaction only.
     */
    static final Duration TIME_LIMIT = Duration.ofMinutes(30);

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
            allowTime(h);
            h.execute("SELECT pg_advisory_xact_lock(hashtext('cost.import'))");
            h.execute("""
                    CREATE TEMP TABLE staging (
                        row_number bigint, billing_account_id text, billing_period_start timestamptz,
                        billing_period_end timestamptz, charge_period_start timestamptz,
                        charge_period_end timestamptz, charge_category text, charge_class text, provider_name text,
                        invoice_issuer_name text, invoice_id text, sub_account_id text, service_category text,
                        service_name text, billing_currency text, billed_cost numeric, effective_cost numeric,
                        allocation_tag text, tags jsonb, extra jsonb, resource_id text
                    ) ON COMMIT DROP""");
            long rows = copy(h, csv, progress);
            if (rows == 0) {
                throw new FocusProblem(2, Optional.empty(), "the file has a header but no rows: nothing to import");
            }
            refuseMissingRates(h);
            return store(h, rows, by, at);
        });
    }

    /** The statement limit for this transaction, and the socket's read limit past it (the pool resets it). */
    private static void allowTime(Handle h) {
        h.execute("SELECT set_config('statement_timeout', ?, true)", TIME_LIMIT.toMillis() + "ms");
        try {
            h.getConnection().setNetworkTimeout(Runnable::run, (int) TIME_LIMIT.plusMinutes(1).toMillis());
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException("cannot give the import its time", e, null);
        }
    }

    private long copy(Handle h, Reader csv, LongConsumer progress) throws IOException {
        try {
            return copy(h.getConnection().unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY staging (" + CopyText.COLUMNS + ") FROM STDIN"), csv, progress);
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException("COPY into the staging table failed", e, null);
        }
    }

    private long copy(CopyIn copy, Reader csv, LongConsumer progress) throws IOException, SQLException {
        StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
        try {
            long rows = focus.read(csv, charge -> {
                CopyText.append(buffer, charge);
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
            return rows;
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

    private void refuseMissingRates(Handle h) {
        h.createQuery("""
                SELECT s.billing_currency, min(s.month) AS month, min(s.row_number) AS first_row
                FROM (SELECT billing_currency, row_number,
                             date_trunc('month', billing_period_start AT TIME ZONE 'UTC')::date AS month
                      FROM staging WHERE billing_currency <> :reporting) s
                LEFT JOIN rates r ON r.currency = s.billing_currency AND r.reporting = :reporting
                                 AND r.month = s.month
                WHERE r.rate IS NULL
                GROUP BY s.billing_currency, s.month
                ORDER BY first_row
                LIMIT 1""")
                .bind("reporting", reporting)
                .map((rs, ctx) -> new MissingRate(rs.getString("billing_currency"),
                        YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getLong("first_row")))
                .findOne()
                .ifPresent(missing -> {
                    throw missing;
                });
    }

    private ImportResult store(Handle h, long rows, String by, Instant at) {
        long id = h.createQuery("""
                INSERT INTO imports (imported_at, imported_by, rows, reporting) VALUES (:at, :by, :rows, :reporting)
                RETURNING id""")
                .bind("at", at).bind("by", by).bind("rows", rows).bind("reporting", reporting)
                .mapTo(Long.class).one();
        h.execute("ANALYZE staging");
        List<BillingPeriod> periods = h.createQuery("""
                SELECT billing_account_id, billing_period_start, count(*) AS rows FROM staging
                GROUP BY billing_account_id, billing_period_start ORDER BY billing_account_id, billing_period_start""")
                .map((rs, ctx) -> new BillingPeriod(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getLong(3)))
                .list();
        // The days touched: those the replaced rows had and those the new ones have, so answers about both change.
        DaySpan span = h.createQuery("""
                SELECT min(d), max(d) FROM (
                    SELECT (charge_period_start AT TIME ZONE :zone)::date AS d FROM staging
                    UNION ALL
                    SELECT (c.charge_period_start AT TIME ZONE :zone)::date FROM charges c
                    WHERE (c.billing_account_id, c.billing_period_start) IN
                          (SELECT DISTINCT billing_account_id, billing_period_start FROM staging)) days""")
                .bind("zone", zone.getId())
                .map((rs, ctx) -> new DaySpan(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)))
                .one();
        int replaced = h.createUpdate("""
                DELETE FROM charges c USING (SELECT DISTINCT billing_account_id, billing_period_start FROM staging) p
                WHERE c.billing_account_id = p.billing_account_id AND c.billing_period_start = p.billing_period_start""")
                .execute();
        h.createUpdate("""
                INSERT INTO charges (import_id, row_number, billing_account_id, billing_period_start,
                        billing_period_end, charge_period_start, charge_period_end, charge_category, charge_class,
                        provider_name, invoice_issuer_name, invoice_id, sub_account_id, service_category, service_name,
                        billing_currency, billed_cost, effective_cost, rate, billed, cost, allocation_tag, tags, extra,
                        resource_id)
                SELECT :id, s.row_number, s.billing_account_id, s.billing_period_start, s.billing_period_end,
                       s.charge_period_start, s.charge_period_end, s.charge_category, s.charge_class, s.provider_name,
                       s.invoice_issuer_name, s.invoice_id, s.sub_account_id, s.service_category, s.service_name,
                       s.billing_currency, s.billed_cost, s.effective_cost, coalesce(r.rate, 1),
                       s.billed_cost * coalesce(r.rate, 1), s.effective_cost * coalesce(r.rate, 1),
                       s.allocation_tag, s.tags, s.extra, s.resource_id
                FROM staging s
                LEFT JOIN rates r ON s.billing_currency <> :reporting AND r.currency = s.billing_currency
                                 AND r.reporting = :reporting
                                 AND r.month = date_trunc('month', s.billing_period_start AT TIME ZONE 'UTC')::date""")
                .bind("id", id).bind("reporting", reporting)
                .execute();
        // The days touched are allocated to services again before the next answer (costs.CostLedger).
        h.createUpdate("INSERT INTO allocation_dirty (first_start, last_start) VALUES (:first, :last)")
                .bind("first", span.first().atStartOfDay(zone).toOffsetDateTime())
                .bind("last", span.last().atStartOfDay(zone).toOffsetDateTime())
                .execute();
        return new ImportResult(id, rows, replaced, periods, span.first(), span.last());
    }

    private record DaySpan(LocalDate first, LocalDate last) {
    }
}
