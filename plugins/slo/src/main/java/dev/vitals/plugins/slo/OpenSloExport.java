package dev.vitals.plugins.slo;

import java.util.Locale;

/** Writes an SLO as an OpenSLO v1 document, so it can be kept in a repository and imported elsewhere. */
final class OpenSloExport {

    private OpenSloExport() {
    }

    static String yaml(Slo slo) {
        StringBuilder out = new StringBuilder();
        out.append("apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: ").append(slo.name()).append('\n');
        out.append("spec:\n");
        slo.description().ifPresent(d -> out.append("  description: ").append(quoted(d)).append('\n'));
        out.append("  service: ").append(slo.owner()).append('\n');
        out.append("  indicator:\n    metadata:\n      name: ").append(slo.name()).append("-sli\n    spec:\n");
        if (slo.method() == BudgetingMethod.OCCURRENCES) {
            out.append("""
                          ratioMetric:
                            counter: true
                            good:
                              metricSource:
                                type: Vitals
                                spec:
                                  series: good
                            total:
                              metricSource:
                                type: Vitals
                                spec:
                                  series: total
                    """);
        } else {
            out.append("""
                          thresholdMetric:
                            metricSource:
                              type: Vitals
                              spec:
                                series: value
                    """);
        }
        out.append("  timeWindow:\n");
        switch (slo.window()) {
            case CALENDAR_MONTH, CALENDAR_QUARTER -> out.append("    - duration: ")
                    .append(slo.window() == SloWindow.CALENDAR_MONTH ? "1M" : "1Q")
                    .append("\n      isRolling: false\n");
            default -> out.append("    - duration: ").append(slo.window().code()).append("\n      isRolling: true\n");
        }
        out.append("  budgetingMethod: ").append(slo.method() == BudgetingMethod.OCCURRENCES ? "Occurrences"
                : "Timeslices").append('\n');
        out.append("  objectives:\n    - target: ").append(String.format(Locale.ROOT, "%s", slo.objective()))
                .append('\n');
        if (slo.sliceThreshold().isPresent()) {
            out.append("      op: lte\n      value: ").append(slo.sliceThreshold().getAsDouble())
                    .append("\n      timeSliceWindow: 1m\n");
        }
        return out.toString();
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
