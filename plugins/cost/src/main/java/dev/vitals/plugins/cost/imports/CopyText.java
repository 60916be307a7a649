package dev.vitals.plugins.cost.imports;

import dev.vitals.plugins.cost.focus.Charge;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** A charge as one line of PostgreSQL's COPY text format: tab between columns, {@code \N} for null, escapes. */
final class CopyText {

    /** The charges' columns in the order {@link #append} writes them. */
    static final String COLUMNS = "import_id, row_number, billing_account_id, billing_period_start, billing_period_end, "
            + "charge_period_start, charge_period_end, charge_category, charge_class, provider_name, "
            + "invoice_issuer_name, invoice_id, sub_account_id, service_category, service_name, billing_currency, "
            + "billed_cost, effective_cost, rate, billed, cost, allocation_tag, tags, extra, resource_id";

    private CopyText() {
    }

    /** A charge of the import, in the reporting currency at rate 1 until it is converted. */
    static void append(StringBuilder line, long importId, Charge c) {
        line.append(importId).append('\t').append(c.row());
        field(line, c.billingAccountId());
        instant(line, c.billingPeriodStart());
        instant(line, c.billingPeriodEnd());
        instant(line, c.chargePeriodStart());
        instant(line, c.chargePeriodEnd());
        field(line, c.chargeCategory());
        field(line, c.chargeClass());
        field(line, c.providerName());
        field(line, c.invoiceIssuerName());
        field(line, c.invoiceId());
        field(line, c.subAccountId());
        field(line, c.serviceCategory());
        field(line, c.serviceName());
        field(line, c.billingCurrency());
        String billed = c.billedCost().toPlainString();
        String effective = c.effectiveCost().toPlainString();
        field(line, billed);
        field(line, effective);
        line.append("\t1");
        field(line, billed);
        field(line, effective);
        field(line, c.allocationTag());
        field(line, c.tags());
        field(line, c.extra());
        field(line, c.resourceId());
        line.append('\n');
    }

    /**
     * An instant as PostgreSQL reads it, {@code 2024-10-01 00:00:00Z}, written digit by digit for whole seconds of
     * years 1 to 9999: {@link Instant#toString} goes through a formatter, four times a row.
     */
    private static void instant(StringBuilder line, Instant at) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(at.getEpochSecond(), at.getNano(), ZoneOffset.UTC);
        if (at.getNano() != 0 || t.getYear() < 1 || t.getYear() > 9999) {
            field(line, at.toString());
            return;
        }
        line.append('\t');
        pad(line, t.getYear(), 4).append('-');
        pad(line, t.getMonthValue(), 2).append('-');
        pad(line, t.getDayOfMonth(), 2).append(' ');
        pad(line, t.getHour(), 2).append(':');
        pad(line, t.getMinute(), 2).append(':');
        pad(line, t.getSecond(), 2).append('Z');
    }

    private static StringBuilder pad(StringBuilder line, int value, int width) {
        for (int limit = 10, digits = 1; digits < width; limit *= 10, digits++) {
            if (value < limit) {
                line.append('0');
            }
        }
        return line.append(value);
    }

    private static void field(StringBuilder line, Optional<String> value) {
        if (value.isEmpty()) {
            line.append("\t\\N");
        } else {
            field(line, value.get());
        }
    }

    private static void field(StringBuilder line, String value) {
        line.append('\t');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(ch);
            }
        }
    }
}
