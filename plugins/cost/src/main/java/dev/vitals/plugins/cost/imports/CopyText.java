package dev.vitals.plugins.cost.imports;

import dev.vitals.plugins.cost.focus.Charge;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** A charge as one line of PostgreSQL's COPY text format: tab between columns, {@code \N} for null, escapes. */
final class CopyText {

    /** The charges' columns in the order {@link #append} writes them. */
    static final String COLUMNS = "import_id, row_number, billing_account_id, billing_period_start, billing_period_end, "
            + "charge_period_start, charge_period_end, charge_category, charge_class, provider_name, "
            + "invoice_issuer_name, invoice_id, sub_account_id, service_category, service_name, billing_currency, "
            + "billed_cost, effective_cost, rate, allocation_tag, tags, extra, resource_id";

    private static final long SECONDS_PER_DAY = 86_400;

    private CopyText() {
    }

    /** A charge of the import at rate 1 to the reporting currency until it is converted. */
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
        field(line, c.billedCost().toPlainString());
        field(line, c.effectiveCost().toPlainString());
        line.append("\t1");
        field(line, c.allocationTag());
        field(line, c.tags());
        field(line, c.extra());
        field(line, c.resourceId());
        line.append('\n');
    }

    /**
     * An instant as PostgreSQL reads it, {@code 2024-10-01 00:00:00Z}, written digit by digit for whole seconds of
     * years 1 to 9999: {@link Instant#toString} goes through a formatter, and appending each part as a number
     * counted its digits and copied them, four times a row.
     */
    private static void instant(StringBuilder line, Instant at) {
        long seconds = at.getEpochSecond();
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        int year = date.getYear();
        if (at.getNano() != 0 || year < 1 || year > 9999) {
            field(line, at.toString());
            return;
        }
        int time = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        line.append('\t');
        two(line, year / 100);
        two(line, year % 100).append('-');
        two(line, date.getMonthValue()).append('-');
        two(line, date.getDayOfMonth()).append(' ');
        two(line, time / 3600).append(':');
        two(line, time / 60 % 60).append(':');
        two(line, time % 60).append('Z');
    }

    private static StringBuilder two(StringBuilder line, int value) {
        return line.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
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
        int plain = 0;
        while (plain < value.length() && !escaped(value.charAt(plain))) {
            plain++;
        }
        // Nearly every value needs no escape: copied whole, not character by character.
        if (plain == value.length()) {
            line.append(value);
            return;
        }
        line.append(value, 0, plain);
        for (int i = plain; i < value.length(); i++) {
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

    private static boolean escaped(char ch) {
        return ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r';
    }
}
