package dev.vitals.plugins.deploys.migration;

import dev.vitals.api.PluginSettings;
import dev.vitals.api.Setting;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The date by which every service should deploy independently, if the organisation set one. */
public final class MigrationTarget {

    /** {@code VITALS_DEPLOYS_MIGRATION_TARGET}: a date such as {@code 2026-06-30}. */
    public static final Setting<String> SETTING = Setting.string("migration_target",
            "The date by which every service should deploy independently, e.g. 2026-06-30");

    private MigrationTarget() {
    }

    /**
     * @param settings the plugin's settings
     * @return the target date, when set
     * @throws IllegalArgumentException when it is set but not a date
     */
    public static Optional<LocalDate> from(PluginSettings settings) {
        return settings.find(SETTING).filter(text -> !text.isBlank()).map(text -> {
            try {
                return LocalDate.parse(text.trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(SETTING.environmentVariable("deploys")
                        + " must be a date like 2026-06-30, got " + text);
            }
        });
    }
}
