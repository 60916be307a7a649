package dev.vitals.plugins.cost.imports;

import dev.vitals.plugins.cost.db.LongTransaction;
import dev.vitals.plugins.cost.focus.Charge;
import dev.vitals.plugins.cost.focus.FocusFile;
import dev.vitals.plugins.cost.focus.FocusProblem;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
            if (copied.seen().foreign) {
                refuseMissingRates(h, id);
                convert(h, id);
            }
            h.createUpdate("UPDATE imports SET rows = :rows WHERE id = :id").bind("rows", rows).bind("id", id)
                    .execute();
            return store(h, id, copied);
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
        Seen seen = new Seen(reporting);
        try {
            long rows = focus.read(csv, charge -> {
                seen.add(charge);
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
            return new Copied(rows, seen);
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
                UPDATE charges c SET rate = r.rate
                FROM rates r
                WHERE c.import_id = :id AND c.billing_currency <> :reporting AND r.currency = c.billing_currency
                  AND r.reporting = :reporting
                  AND r.month = date_trunc('month', c.billing_period_start AT TIME ZONE 'UTC')::date""")
                .bind("id", id).bind("reporting", reporting)
                .execute();
    }

    /**
     * Replaces the earlier imports of the file's billing accounts and periods and notes the days touched. What the
     * new rows hold was noted as they streamed in: reading them back would cost a pass over every row.
     */
    private ImportResult store(Handle h, long id, Copied copied) {
        Seen seen = copied.seen();
        // Sorted by the database, so that accounts come in the order its collation gives them, as they always did.
        List<BillingPeriod> periods = h.createQuery("""
                SELECT account, start, rows FROM unnest(:accounts, :starts, :rows) AS p(account, start, rows)
                ORDER BY account, start""")
                .bindArray("accounts", String.class, seen.accounts())
                .bindArray("starts", OffsetDateTime.class, seen.starts())
                .bindArray("rows", Long.class, seen.counts())
                .map((rs, ctx) -> new BillingPeriod(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getLong(3)))
                .list();
        Instant first = seen.firstCharge;
        Instant last = seen.lastCharge;
        long replaced = 0;
        for (BillingPeriod period : periods) {
            // Import ids grow, and this one was taken under the lock above, after every earlier import committed:
            // the earlier rows are exactly those with a smaller id, block ranges the new rows are not in (the new
            // rows' ranges are not summarised yet, so they are read once and re-checked).
            Gone gone = h.createQuery("""
                    WITH gone AS (
                        DELETE FROM charges
                        WHERE billing_account_id = :account AND billing_period_start = :start
                          AND import_id < :id
                        RETURNING charge_period_start)
                    SELECT count(*), min(charge_period_start), max(charge_period_start) FROM gone""")
                    .bind("account", period.billingAccountId())
                    .bind("start", period.start().atOffset(ZoneOffset.UTC))
                    .bind("id", id)
                    .map((rs, ctx) -> new Gone(rs.getLong(1), Optional.ofNullable(rs.getTimestamp(2))
                            .map(Timestamp::toInstant), Optional.ofNullable(rs.getTimestamp(3))
                            .map(Timestamp::toInstant)))
                    .one();
            replaced += gone.rows();
            first = gone.first().filter(first::isAfter).orElse(first);
            last = gone.last().filter(last::isBefore).orElse(last);
        }
        noteChargeStarts(h, id, seen);
        // The days touched: those the replaced rows had and those the new ones have, so answers about both change.
        LocalDate firstDay = LocalDate.ofInstant(first, zone);
        LocalDate lastDay = LocalDate.ofInstant(last, zone);
        // The days touched are allocated to services again before the next answer (costs.CostLedger).
        h.createUpdate("INSERT INTO allocation_dirty (first_start, last_start) VALUES (:first, :last)")
                .bind("first", firstDay.atStartOfDay(zone).toOffsetDateTime())
                .bind("last", lastDay.atStartOfDay(zone).toOffsetDateTime())
                .execute();
        return new ImportResult(id, copied.rows(), replaced, periods, firstDay, lastDay);
    }

    /**
     * Replaces the distinct charge period starts of the file's billing accounts and periods with the file's: the
     * first and last charge period, and the last before a day, are read from them (migration V9).
     */
    private static void noteChargeStarts(Handle h, long id, Seen seen) {
        h.createUpdate("""
                DELETE FROM charge_starts s USING unnest(:accounts, :starts) AS p(account, start)
                WHERE s.billing_account_id = p.account AND s.billing_period_start = p.start""")
                .bindArray("accounts", String.class, seen.accounts())
                .bindArray("starts", OffsetDateTime.class, seen.starts())
                .execute();
        if (seen.tooManyStarts) {
            h.createUpdate("""
                    INSERT INTO charge_starts (billing_account_id, billing_period_start, charge_period_start)
                    SELECT DISTINCT billing_account_id, billing_period_start, charge_period_start FROM charges
                    WHERE import_id = :id""")
                    .bind("id", id)
                    .execute();
            return;
        }
        ChargeStarts starts = seen.chargeStarts();
        h.createUpdate("""
                INSERT INTO charge_starts (billing_account_id, billing_period_start, charge_period_start)
                SELECT * FROM unnest(:accounts, :billing, :charge)""")
                .bindArray("accounts", String.class, (Object[]) starts.accounts())
                .bindArray("billing", OffsetDateTime.class, (Object[]) starts.billing())
                .bindArray("charge", OffsetDateTime.class, (Object[]) starts.charge())
                .execute();
    }

    /** The rows copied, and what they hold. */
    private record Copied(long rows, Seen seen) {
    }

    /** Distinct charge period starts as columns: billing account, billing period start, charge period start. */
    private record ChargeStarts(String[] accounts, OffsetDateTime[] billing, OffsetDateTime[] charge) {
    }

    /** What the earlier rows of a replaced billing period held. */
    private record Gone(long rows, Optional<Instant> first, Optional<Instant> last) {
    }

    /**
     * What the import's rows hold, noted as they stream in: their billing periods with their row counts and distinct
     * charge period starts, the span of their charge periods, and whether any is billed in another currency than the
     * reporting one.
     */
    private static final class Seen {

        /**
         * Distinct charge period starts held in memory at most: a month of hourly charges has 744 per billing account.
         * A file with more (charges by the second) has its starts read back from its rows once instead.
         */
        private static final int STARTS_HELD = 100_000;

        private final String reporting;
        private final Map<PeriodKey, Period> periods = new LinkedHashMap<>();
        private boolean foreign;
        private boolean tooManyStarts;
        private int startsHeld;
        private Instant firstCharge;
        private Instant lastCharge;
        private PeriodKey lastKey;
        private Period lastPeriod;

        Seen(String reporting) {
            this.reporting = reporting;
        }

        void add(Charge charge) {
            foreign |= !charge.billingCurrency().equals(reporting);
            // Exports write a billing period's rows together: the period of the row before is nearly always this one.
            if (lastKey == null || !lastKey.account().equals(charge.billingAccountId())
                    || !lastKey.start().equals(charge.billingPeriodStart())) {
                lastKey = new PeriodKey(charge.billingAccountId(), charge.billingPeriodStart());
                lastPeriod = periods.computeIfAbsent(lastKey, k -> new Period());
            }
            lastPeriod.rows++;
            Instant start = charge.chargePeriodStart();
            if (!tooManyStarts && lastPeriod.starts.add(start) && ++startsHeld > STARTS_HELD) {
                tooManyStarts = true;
                periods.values().forEach(p -> p.starts.clear());
            }
            if (firstCharge == null || start.isBefore(firstCharge)) {
                firstCharge = start;
            }
            if (lastCharge == null || start.isAfter(lastCharge)) {
                lastCharge = start;
            }
        }

        String[] accounts() {
            return periods.keySet().stream().map(PeriodKey::account).toArray(String[]::new);
        }

        OffsetDateTime[] starts() {
            return periods.keySet().stream().map(k -> k.start().atOffset(ZoneOffset.UTC))
                    .toArray(OffsetDateTime[]::new);
        }

        Long[] counts() {
            return periods.values().stream().map(p -> p.rows).toArray(Long[]::new);
        }

        /** @return the distinct charge period starts of each billing account and period */
        ChargeStarts chargeStarts() {
            List<String> accounts = new ArrayList<>();
            List<OffsetDateTime> billing = new ArrayList<>();
            List<OffsetDateTime> charge = new ArrayList<>();
            periods.forEach((key, period) -> period.starts.forEach(start -> {
                accounts.add(key.account());
                billing.add(key.start().atOffset(ZoneOffset.UTC));
                charge.add(start.atOffset(ZoneOffset.UTC));
            }));
            return new ChargeStarts(accounts.toArray(String[]::new), billing.toArray(OffsetDateTime[]::new),
                    charge.toArray(OffsetDateTime[]::new));
        }

        private record PeriodKey(String account, Instant start) {
        }

        private static final class Period {
            private long rows;
            private final Set<Instant> starts = new HashSet<>();
        }
    }
}
