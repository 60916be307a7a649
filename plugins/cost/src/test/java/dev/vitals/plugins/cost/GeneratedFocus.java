package dev.vitals.plugins.cost;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Enumeration;
import java.util.Iterator;

/**
 * Large FOCUS files for tests and measurements, in account {@code acct-big}, September 2024: row i (from 1) costs
 * i/1000 and starts at hour i mod 720 of the month; even rows are tagged {@code application: BlueAssetEdge}.
 */
public final class GeneratedFocus {

    private GeneratedFocus() {
    }

    /** A FOCUS file made row by row as it is read, so the test holds no more of it than the portal does. */
    public static InputStream stream(int rows) {
        return stream(rows, "acct-big");
    }

    /** The same rows for another billing account, which an import keeps beside those of {@code acct-big}. */
    public static InputStream stream(int rows, String account) {
        String header = "BillingAccountId,BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,ChargePeriodEnd,"
                + "ChargeCategory,ProviderName,BillingCurrency,BilledCost,EffectiveCost,Tags\r\n";
        Iterator<InputStream> parts = new Iterator<>() {
            private int next = 0;

            @Override
            public boolean hasNext() {
                return next <= rows;
            }

            @Override
            public InputStream next() {
                if (next == 0) {
                    next++;
                    return new ByteArrayInputStream(header.getBytes(StandardCharsets.UTF_8));
                }
                StringBuilder chunk = new StringBuilder();
                for (int i = 0; i < 1000 && next <= rows; i++, next++) {
                    String tags = next % 2 == 0 ? "\"{\"\"application\"\": \"\"BlueAssetEdge\"\"}\"" : "NULL";
                    int hour = next % 720;
                    String start = LocalDate.parse("2024-09-01").atStartOfDay().plusHours(hour) + ":00Z";
                    String end = LocalDate.parse("2024-09-01").atStartOfDay().plusHours(hour + 1) + ":00Z";
                    String cost = BigDecimal.valueOf(next, 3).toPlainString();
                    chunk.append(account).append(",2024-09-01T00:00:00Z,2024-10-01T00:00:00Z,").append(start).append(',')
                            .append(end).append(",Usage,AWS,USD,").append(cost).append(',').append(cost).append(',')
                            .append(tags).append("\r\n");
                }
                return new ByteArrayInputStream(chunk.toString().getBytes(StandardCharsets.UTF_8));
            }
        };
        return new SequenceInputStream(new Enumeration<>() {
            @Override
            public boolean hasMoreElements() {
                return parts.hasNext();
            }

            @Override
            public InputStream nextElement() {
                return parts.next();
            }
        });
    }

}
