package dev.vitals.plugins.deploys.dora;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** The report as {@code GET /api/deploys/dora} answers it; keys without data are {@code null}. */
public final class DoraJson {

    private DoraJson() {
    }

    public static Map<String, Object> of(DoraReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("from", report.period().from().toString());
        json.put("to", report.period().to().toString());
        json.put("timeZone", report.period().zone().getId());
        json.put("deployments", report.deployments());
        Map<String, Object> frequency = new LinkedHashMap<>();
        frequency.put("perWeek", number(report.perWeek()));
        frequency.put("medianDeployDaysPerWeek", number(report.medianDeployDaysPerWeek()));
        frequency.put("medianDeployDaysPerMonth", number(report.medianDeployDaysPerMonth()));
        frequency.put("band", band(report.frequencyBand()));
        json.put("deploymentFrequency", frequency);
        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("median", number(report.leadTimeHours()));
        lead.put("band", band(report.leadTimeBand()));
        json.put("leadTimeHours", lead);
        Map<String, Object> failure = new LinkedHashMap<>();
        failure.put("value", number(report.changeFailureRate()));
        failure.put("failed", report.failedDeployments());
        failure.put("band", band(report.changeFailureRateBand()));
        json.put("changeFailureRate", failure);
        Map<String, Object> restore = new LinkedHashMap<>();
        restore.put("median", number(report.timeToRestoreHours()));
        restore.put("incidents", report.incidentsResolved());
        restore.put("band", band(report.timeToRestoreBand()));
        json.put("timeToRestoreHours", restore);
        return json;
    }

    private static Double number(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    private static String band(Optional<Band> band) {
        return band.map(Band::label).orElse(null);
    }
}
