package dev.vitals.web.faults;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;

/**
 * A FOCUS billing file of one billing account and one period (September 2024), made row by row as it is sent, never
 * held whole. It may stop part-way until {@link #release()}: the portal has then written part of it inside its import
 * transaction, and a test kills what it wants to kill at exactly that point, with no race against the import's end.
 * The pause comes late enough (megabytes in) that whatever the import buffers before writing has gone to the
 * database.
 */
final class FocusUpload {

    static final String HEADER = "BillingAccountId,BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,"
            + "ChargePeriodEnd,ChargeCategory,ChargeClass,ProviderName,BillingCurrency,Tags,BilledCost,EffectiveCost\n";
    private static final Instant SEPTEMBER = Instant.parse("2024-09-01T00:00:00Z");

    private final String account;
    private final int rows;
    private final int pauseAfter;
    private final CountDownLatch released = new CountDownLatch(1);

    private FocusUpload(String account, int rows, int pauseAfter) {
        this.account = account;
        this.rows = rows;
        this.pauseAfter = pauseAfter;
    }

    /** The whole file at once. */
    static FocusUpload whole(String account, int rows) {
        return new FocusUpload(account, rows, rows);
    }

    /** Sends {@code pauseAfter} rows, then waits for {@link #release()} before the rest. */
    static FocusUpload pausing(String account, int rows, int pauseAfter) {
        return new FocusUpload(account, rows, pauseAfter);
    }

    int rows() {
        return rows;
    }

    void release() {
        released.countDown();
    }

    HttpRequest.BodyPublisher body() {
        return HttpRequest.BodyPublishers.ofInputStream(Rows::new);
    }

    /**
     * Waits until the import's COPY has taken at least {@code rows} rows: they are in the database, uncommitted.
     *
     * @param db a superuser's connection, which sees every backend's progress
     */
    static void awaitCopied(Jdbi db, long rows) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            long copied = db.withHandle(h -> h.createQuery("""
                    SELECT coalesce(max(p.tuples_processed), 0) FROM pg_stat_progress_copy p
                      JOIN pg_stat_activity a ON a.pid = p.pid
                     WHERE a.datname = current_database() AND a.backend_xid IS NOT NULL""")
                    .mapTo(Long.class).one());
            if (copied >= rows) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the import's COPY did not take " + rows + " rows within 60 s");
    }

    /** The file's bytes, one row made at a time. */
    private final class Rows extends InputStream {

        private byte[] line = HEADER.getBytes(StandardCharsets.UTF_8);
        private int at;
        private int next;

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (at == line.length && !advance()) {
                return -1;
            }
            int n = Math.min(length, line.length - at);
            System.arraycopy(line, at, buffer, offset, n);
            at += n;
            return n;
        }

        private boolean advance() {
            if (next == rows) {
                return false;
            }
            if (next == pauseAfter) {
                try {
                    if (!released.await(120, TimeUnit.SECONDS)) {
                        return false;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            Instant start = SEPTEMBER.plusSeconds(3600L * (next % 720));
            line = ("%s,2024-09-01T00:00:00Z,2024-10-01T00:00:00Z,%s,%s,Usage,NULL,AWS,USD,"
                    + "\"{\"\"service\"\": \"\"alpha\"\"}\",1.25,1.00\n")
                    .formatted(account, start, start.plusSeconds(3600)).getBytes(StandardCharsets.UTF_8);
            at = 0;
            next++;
            return true;
        }
    }
}
