package dev.vitals.plugins.deploys.dora;

import dev.vitals.api.PluginConfig;

/**
 * Where the bands of each key begin. Defaults are the DORA research's; each is overridable through
 * {@code VITALS_DEPLOYS_<NAME>}, e.g. {@code VITALS_DEPLOYS_LEAD_TIME_ELITE_HOURS=12}.
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

    /** @param config the plugin's settings @return the defaults with what is configured instead */
    public static DoraThresholds from(PluginConfig config) {
        DoraThresholds d = DEFAULTS;
        return new DoraThresholds(
                read(config, "FREQUENCY_ELITE_DAYS_PER_WEEK", d.eliteDeployDaysPerWeek),
                read(config, "FREQUENCY_HIGH_DAYS_PER_WEEK", d.highDeployDaysPerWeek),
                read(config, "FREQUENCY_MEDIUM_DAYS_PER_MONTH", d.mediumDeployDaysPerMonth),
                read(config, "LEAD_TIME_ELITE_HOURS", d.leadTimeEliteHours),
                read(config, "LEAD_TIME_HIGH_HOURS", d.leadTimeHighHours),
                read(config, "LEAD_TIME_MEDIUM_HOURS", d.leadTimeMediumHours),
                read(config, "CHANGE_FAILURE_RATE_ELITE", d.failureRateElite),
                read(config, "CHANGE_FAILURE_RATE_HIGH", d.failureRateHigh),
                read(config, "CHANGE_FAILURE_RATE_MEDIUM", d.failureRateMedium),
                read(config, "RESTORE_ELITE_HOURS", d.restoreEliteHours),
                read(config, "RESTORE_HIGH_HOURS", d.restoreHighHours),
                read(config, "RESTORE_MEDIUM_HOURS", d.restoreMediumHours),
                read(config, "CHANGE_FAILURE_RATE_WARN", d.failureRateWarning));
    }

    private static double read(PluginConfig config, String key, double fallback) {
        return config.get(key).map(text -> {
            try {
                double value = Double.parseDouble(text.trim());
                if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
                    throw new NumberFormatException();
                }
                return value;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("VITALS_DEPLOYS_" + key + " must be a number ≥ 0, got '" + text
                        + "'");
            }
        }).orElse(fallback);
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
