package dev.vitals.plugins.deploys.dora;

import dev.vitals.api.PluginSettings;
import dev.vitals.api.Setting;
import java.math.BigDecimal;
import java.util.List;

/**
 * Where the bands of each key begin. Defaults are the DORA research's; each is overridable through
 * {@link #settings()}, {@code VITALS_DEPLOYS_<NAME>}, e.g. {@code VITALS_DEPLOYS_LEAD_TIME_ELITE_HOURS=12}.
 *
 * @param eliteDeployDaysPerWeek median deploy-days per ISO week for elite ({@code FREQUENCY_ELITE_DAYS_PER_WEEK}, 3)
 * @param highDeployDaysPerWeek median deploy-days per ISO week for high ({@code FREQUENCY_HIGH_DAYS_PER_WEEK}, 1)
 * @param mediumDeployDaysPerMonth median deploy-days per month for medium ({@code FREQUENCY_MEDIUM_DAYS_PER_MONTH}, 1)
 * @param leadTimeEliteHours lead time below this is elite ({@code LEAD_TIME_ELITE_HOURS}, 24)
 * @param leadTimeHighHours below this high ({@code LEAD_TIME_HIGH_HOURS}, 168)
 * @param leadTimeMediumHours below this medium ({@code LEAD_TIME_MEDIUM_HOURS}, 730)
 * @param failureRateElite at most this is elite ({@code CHANGE_FAILURE_RATE_ELITE}, 0.05)
 * @param failureRateHigh at most this high ({@code CHANGE_FAILURE_RATE_HIGH}, 0.10)
 * @param failureRateMedium at most this medium ({@code CHANGE_FAILURE_RATE_MEDIUM}, 0.15)
 * @param restoreEliteHours time to restore below this is elite ({@code RESTORE_ELITE_HOURS}, 1)
 * @param restoreHighHours below this high ({@code RESTORE_HIGH_HOURS}, 24)
 * @param restoreMediumHours below this medium ({@code RESTORE_MEDIUM_HOURS}, 168)
 * @param failureRateWarning a service above this over the last 30 days gets a warning ({@code CHANGE_FAILURE_RATE_WARN},
 *     0.15)
 */
public record DoraThresholds(double eliteDeployDaysPerWeek, double highDeployDaysPerWeek,
        double mediumDeployDaysPerMonth, double leadTimeEliteHours, double leadTimeHighHours,
        double leadTimeMediumHours, double failureRateElite, double failureRateHigh, double failureRateMedium,
        double restoreEliteHours, double restoreHighHours, double restoreMediumHours, double failureRateWarning) {

    public static final DoraThresholds DEFAULTS = new DoraThresholds(3, 1, 1, 24, 168, 730, 0.05, 0.10, 0.15, 1, 24,
            168, 0.15);

    private static final List<Setting<BigDecimal>> SETTINGS_IN_ORDER = List.of(
            band("frequency_elite_days_per_week", "Median deploy-days per ISO week for the elite band", "3"),
            band("frequency_high_days_per_week", "Median deploy-days per ISO week for the high band", "1"),
            band("frequency_medium_days_per_month", "Median deploy-days per month for the medium band", "1"),
            band("lead_time_elite_hours", "Lead time below this many hours is elite", "24"),
            band("lead_time_high_hours", "Lead time below this many hours is high", "168"),
            band("lead_time_medium_hours", "Lead time below this many hours is medium", "730"),
            band("change_failure_rate_elite", "A change failure rate at most this is elite", "0.05"),
            band("change_failure_rate_high", "A change failure rate at most this is high", "0.10"),
            band("change_failure_rate_medium", "A change failure rate at most this is medium", "0.15"),
            band("restore_elite_hours", "Time to restore below this many hours is elite", "1"),
            band("restore_high_hours", "Time to restore below this many hours is high", "24"),
            band("restore_medium_hours", "Time to restore below this many hours is medium", "168"),
            band("change_failure_rate_warn", "A service above this change failure rate over 30 days gets a warning",
                    "0.15"));

    /** @return the settings that move the bands, {@code VITALS_DEPLOYS_LEAD_TIME_ELITE_HOURS} and the rest */
    public static List<Setting<BigDecimal>> settings() {
        return SETTINGS_IN_ORDER;
    }

    /**
     * @param settings the plugin's settings
     * @return the thresholds they give, the defaults where nothing is set
     * @throws IllegalArgumentException naming the environment variable of a negative value
     */
    public static DoraThresholds from(PluginSettings settings) {
        double[] v = new double[SETTINGS_IN_ORDER.size()];
        for (int i = 0; i < v.length; i++) {
            Setting<BigDecimal> setting = SETTINGS_IN_ORDER.get(i);
            BigDecimal value = settings.get(setting);
            if (value.signum() < 0) {
                throw new IllegalArgumentException(setting.environmentVariable("deploys") + " must be a number ≥ 0,"
                        + " got " + value.toPlainString());
            }
            v[i] = value.doubleValue();
        }
        return new DoraThresholds(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12]);
    }

    private static Setting<BigDecimal> band(String name, String description, String fallback) {
        return Setting.decimal(name, description).withDefault(new BigDecimal(fallback));
    }

    Band frequency(double medianDaysPerWeek, double medianDaysPerMonth) {
        if (medianDaysPerWeek >= eliteDeployDaysPerWeek) {
            return Band.ELITE;
        }
        if (medianDaysPerWeek >= highDeployDaysPerWeek) {
            return Band.HIGH;
        }
        return medianDaysPerMonth >= mediumDeployDaysPerMonth ? Band.MEDIUM : Band.LOW;
    }

    Band leadTime(double hours) {
        return below(hours, leadTimeEliteHours, leadTimeHighHours, leadTimeMediumHours);
    }

    Band failureRate(double rate) {
        if (rate <= failureRateElite) {
            return Band.ELITE;
        }
        if (rate <= failureRateHigh) {
            return Band.HIGH;
        }
        return rate <= failureRateMedium ? Band.MEDIUM : Band.LOW;
    }

    Band restore(double hours) {
        return below(hours, restoreEliteHours, restoreHighHours, restoreMediumHours);
    }

    private static Band below(double value, double elite, double high, double medium) {
        if (value < elite) {
            return Band.ELITE;
        }
        if (value < high) {
            return Band.HIGH;
        }
        return value < medium ? Band.MEDIUM : Band.LOW;
    }
}
