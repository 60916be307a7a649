package dev.vitals.plugins.cost;

import dev.vitals.api.Setting;
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
