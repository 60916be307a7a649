package dev.vitals.plugins.cost;

import dev.vitals.api.Setting;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The cost plugin's settings, {@code VITALS_COST_…}, read once when it starts. */
final class CostSettings {

    /** {@code VITALS_COST_REPORTING_CURRENCY}. */
    static final Setting<String> REPORTING_CURRENCY = Setting.string("reporting_currency", "ISO 4217 code of the "
            + "currency every cost is answered in; other billing currencies are converted at the monthly rates admins "
            + "set").withDefault("USD");
    /** {@code VITALS_COST_ALLOCATION_KEYS}. */
    static final Setting<String> ALLOCATION_KEYS = Setting.string("allocation_keys", "Comma-separated tag keys (or "
            + "x_ columns) whose value names a row's service, first match wins; the value is a service's key or its "
            + "vitals.dev/cost-tag annotation").withDefault("service,app,component,x_service");

    /** {@code VITALS_COST_DETECT_EVERY}. */
    static final Setting<Duration> DETECT_EVERY = Setting.duration("detect_every", "How often anomaly detection "
            + "looks for new imports (it assesses their days) and, once a day, re-assesses the last five weeks")
            .withDefault(Duration.ofMinutes(1));
    /** {@code VITALS_COST_NOTIFY_EVERY}. */
    static final Setting<Duration> NOTIFY_EVERY = Setting.duration("notify_every", "How often new anomalies and "
            + "alerts are posted to teams' webhooks").withDefault(Duration.ofSeconds(30));
    /** {@code VITALS_COST_ALERT_RELATIVE_PERCENT}. */
    static final Setting<BigDecimal> ALERT_RELATIVE_PERCENT = Setting.decimal("alert_relative_percent", "The rise "
            + "in percent over a period above which a team's cost alerts, until the team sets its own")
            .withDefault(new BigDecimal("20"));
    /** {@code VITALS_COST_ALERT_FLOOR_PER_DAY}. */
    static final Setting<BigDecimal> ALERT_FLOOR_PER_DAY = Setting.decimal("alert_floor_per_day", "The rise per day "
            + "in the reporting currency a period-over-period alert also needs, until the team sets its own")
            .withDefault(new BigDecimal("50"));

    private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");

    private CostSettings() {
    }

    /** @throws IllegalArgumentException naming the variable when the value is no currency code */
    static String reportingCurrency(String value) {
        String code = value.trim();
        if (!CURRENCY.matcher(code).matches()) {
            throw new IllegalArgumentException("VITALS_COST_REPORTING_CURRENCY must be an ISO 4217 code such as USD, "
                    + "not '" + value + "'");
        }
        return code.toUpperCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the variable when it lists no key */
    static List<String> allocationKeys(String value) {
        List<String> keys = Arrays.stream(value.split(",")).map(String::trim).filter(k -> !k.isEmpty()).toList();
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("VITALS_COST_ALLOCATION_KEYS must name at least one tag key");
        }
        return keys;
    }
}
