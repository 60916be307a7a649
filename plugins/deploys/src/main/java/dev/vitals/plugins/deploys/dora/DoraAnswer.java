package dev.vitals.plugins.deploys.dora;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What {@code GET /api/deploys/dora} answers: whose keys (one of service, team, organisation), the period and the
 * four keys. A key without data is {@code null}, never zero.
 *
 * @param service the service's key, when asked for one
 * @param team the team's name, when asked for one
 * @param organisation true when asked for neither
 * @param from the first date
 * @param to the date after the last
 * @param timeZone the zone the dates are in
 * @param deployments counted deployments
 * @param deploymentFrequency the first key
 * @param leadTimeHours the second
 * @param changeFailureRate the third
 * @param timeToRestoreHours the fourth
 */
public record DoraAnswer(
        @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> service,
        @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> team,
        @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<Boolean> organisation,
        String from, String to, String timeZone, long deployments, Frequency deploymentFrequency, Median leadTimeHours,
        FailureRate changeFailureRate, Restore timeToRestoreHours) {

    /**
     * @param perWeek counted deployments × 7 ÷ days
     * @param medianDeployDaysPerWeek median deploy-days per ISO week
     * @param medianDeployDaysPerMonth median deploy-days per month
     * @param band elite, high, medium or low
     */
    public record Frequency(OptionalDouble perWeek, OptionalDouble medianDeployDaysPerWeek,
            OptionalDouble medianDeployDaysPerMonth, Optional<String> band) {
    }

    /** @param median hours @param band elite, high, medium or low */
    public record Median(OptionalDouble median, Optional<String> band) {
    }

    /** @param value failed ÷ counted @param failed failed deployments @param band elite, high, medium or low */
    public record FailureRate(OptionalDouble value, long failed, Optional<String> band) {
    }

    /** @param median hours @param incidents incidents resolved @param band elite, high, medium or low */
    public record Restore(OptionalDouble median, long incidents, Optional<String> band) {
    }

    /** Whose keys a report holds. @param service a service @param team a team @param organisation everyone */
    public record Scope(Optional<String> service, Optional<String> team, Optional<Boolean> organisation) {
    }

    /** @param scope whose keys @param report the keys @return the answer */
    public static DoraAnswer of(Scope scope, DoraReport report) {
        return new DoraAnswer(scope.service(), scope.team(), scope.organisation(), report.period().from().toString(),
                report.period().to().toString(), report.period().zone().getId(), report.deployments(),
                new Frequency(report.perWeek(), report.medianDeployDaysPerWeek(), report.medianDeployDaysPerMonth(),
                        label(report.frequencyBand())),
                new Median(report.leadTimeHours(), label(report.leadTimeBand())),
                new FailureRate(report.changeFailureRate(), report.failedDeployments(),
                        label(report.changeFailureRateBand())),
                new Restore(report.timeToRestoreHours(), report.incidentsResolved(),
                        label(report.timeToRestoreBand())));
    }

    private static Optional<String> label(Optional<Band> band) {
        return band.map(Band::label);
    }
}
