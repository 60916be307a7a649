package dev.vitals.plugins.deploys.dora;

import dev.vitals.api.ui.BandBadge;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The four keys of one service, team or the organisation, formatted for a page. "no data" where a key has none.
 *
 * @param title whose keys these are
 * @param link where the title leads
 * @param report the keys
 */
public record DoraCard(String title, String link, DoraReport report) {

    public String frequency() {
        return value(report.perWeek(), "%.1f / week");
    }

    public String deployDays() {
        return value(report.medianDeployDaysPerWeek(), "%.1f deploy-days / week (median)");
    }

    public String leadTime() {
        return hours(report.leadTimeHours());
    }

    public String failureRate() {
        return report.changeFailureRate().isPresent()
                ? String.format(Locale.ROOT, "%.1f %% (%d of %d)", report.changeFailureRate().getAsDouble() * 100,
                        report.failedDeployments(), report.deployments())
                : "no data";
    }

    public String timeToRestore() {
        return hours(report.timeToRestoreHours());
    }

    public BandBadge frequencyBand() {
        return band(report.frequencyBand());
    }

    public BandBadge leadTimeBand() {
        return band(report.leadTimeBand());
    }

    public BandBadge failureRateBand() {
        return band(report.changeFailureRateBand());
    }

    public BandBadge timeToRestoreBand() {
        return band(report.timeToRestoreBand());
    }

    static BandBadge band(Optional<Band> band) {
        return band.map(Band::badge).orElse(BandBadge.none());
    }

    static String hours(OptionalDouble hours) {
        if (hours.isEmpty()) {
            return "no data";
        }
        double h = hours.getAsDouble();
        return h < 48 ? String.format(Locale.ROOT, "%.1f h", h) : String.format(Locale.ROOT, "%.1f days", h / 24);
    }

    private static String value(OptionalDouble value, String format) {
        return value.isPresent() ? String.format(Locale.ROOT, format, value.getAsDouble()) : "no data";
    }
}
