package dev.vitals.plugins.cost;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-made FOCUS file with the columns allocation reads: ResourceId, SubAccountId, ServiceName and free Tags, one
 * hourly usage row per call, in one billing account, month and currency.
 */
public final class BillingRows {

    private static final String HEADER = "BillingAccountId,BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,"
            + "ChargePeriodEnd,ChargeCategory,ProviderName,BillingCurrency,BilledCost,EffectiveCost,ResourceId,"
            + "SubAccountId,ServiceName,Tags";

    private final String account;
    private final YearMonth month;
    private final String currency;
    private final List<String> rows = new ArrayList<>();

    public BillingRows(String account, String month, String currency) {
        this.account = account;
        this.month = YearMonth.parse(month);
        this.currency = currency;
    }

    /**
     * @param hourStart the charge period's start, e.g. 2024-09-02T10:00:00Z
     * @param cost BilledCost and EffectiveCost
     * @param tags the Tags object as JSON, e.g. {@code {"service": "checkout"}}; null for none
     */
    public BillingRows tagged(String hourStart, String cost, String tags) {
        return row(hourStart, cost, null, null, null, tags);
    }

    public BillingRows row(String hourStart, String cost, String resourceId, String subAccountId, String serviceName,
            String tags) {
        Instant start = Instant.parse(hourStart);
        rows.add(String.join(",", account, month.atDay(1) + "T00:00:00Z", month.plusMonths(1).atDay(1) + "T00:00:00Z",
                start.toString(), start.plusSeconds(3600).toString(), "Usage", "AWS", currency, cost, cost,
                cell(resourceId), cell(subAccountId), cell(serviceName),
                tags == null ? "NULL" : "\"" + tags.replace("\"", "\"\"") + "\""));
        return this;
    }

    private static String cell(String value) {
        return value == null ? "NULL" : value;
    }

    public String text() {
        return HEADER + "\n" + String.join("\n", rows) + "\n";
    }
}
