package dev.vitals.plugins.cost;

import java.util.ArrayList;
import java.util.List;

/** A hand-made FOCUS file for tests: the mandatory columns, ChargeClass, InvoiceId and Tags, one row per call. */
public final class FocusCsv {

    public static final String HEADER = "BillingAccountId,BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,"
            + "ChargePeriodEnd,ChargeCategory,ChargeClass,ProviderName,ServiceCategory,InvoiceId,BillingCurrency,"
            + "BilledCost,EffectiveCost,Tags";

    private final List<String> rows = new ArrayList<>();
    private String account = "acct-1";
    private String month = "2024-09";
    private String provider = "AWS";
    private String currency = "USD";
    private String category = "Compute";

    public FocusCsv account(String value) {
        account = value;
        return this;
    }

    /** @param value the billing period, e.g. 2024-09 */
    public FocusCsv billingMonth(String value) {
        month = value;
        return this;
    }

    public FocusCsv provider(String value) {
        provider = value;
        return this;
    }

    public FocusCsv currency(String value) {
        currency = value;
        return this;
    }

    public FocusCsv category(String value) {
        category = value;
        return this;
    }

    /**
     * A usage row of one hour.
     *
     * @param hourStart the charge period's start, ISO UTC, e.g. 2024-09-18T22:00:00Z
     * @param cost BilledCost and EffectiveCost
     * @param service the value of tag {@code service}; null for none
     */
    public FocusCsv usage(String hourStart, String cost, String service) {
        return row(hourStart, "Usage", "NULL", cost, cost, service);
    }

    /** A correction row billed in this file's period that restates the hour starting at {@code hourStart}. */
    public FocusCsv correction(String hourStart, String cost, String service) {
        return row(hourStart, "Adjustment", "Correction", cost, cost, service);
    }

    public FocusCsv row(String hourStart, String category, String chargeClass, String billed, String effective,
            String service) {
        java.time.Instant start = java.time.Instant.parse(hourStart);
        java.time.YearMonth period = java.time.YearMonth.parse(month);
        rows.add(String.join(",", account, period.atDay(1) + "T00:00:00Z", period.plusMonths(1).atDay(1) + "T00:00:00Z",
                start.toString(), start.plusSeconds(3600).toString(), category, chargeClass, provider, this.category,
                "INV-" + account + "-" + month, currency, billed, effective,
                service == null ? "NULL" : "\"{\"\"service\"\": \"\"" + service + "\"\"}\""));
        return this;
    }

    public String text() {
        return HEADER + "\n" + String.join("\n", rows) + "\n";
    }
}
