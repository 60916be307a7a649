package dev.vitals.plugins.slo.openslo;

import dev.vitals.plugins.slo.objectives.BudgetingMethod;
import dev.vitals.plugins.slo.objectives.PrometheusQueries;
import dev.vitals.plugins.slo.objectives.Slo;
import dev.vitals.plugins.slo.objectives.SloWindow;
import java.util.Optional;

/** Writes an SLO as an OpenSLO v1 document, so it can be kept in a repository and imported elsewhere. */
public final class OpenSloExport {

    private OpenSloExport() {
    }

    public static String yaml(Slo slo) {
        StringBuilder out = new StringBuilder();
        out.append("apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: ").append(slo.name()).append('\n');
        out.append("spec:\n");
        slo.description().ifPresent(d -> out.append("  description: ").append(quoted(d)).append('\n'));
        out.append("  service: ").append(slo.owner()).append('\n');
        out.append("  indicator:\n    metadata:\n      name: ").append(slo.name()).append("-sli\n    spec:\n");
        Optional<PrometheusQueries> queries = slo.prometheus();
        if (slo.method() == BudgetingMethod.OCCURRENCES) {
            // Pulled queries already return each minute's events, which OpenSLO calls not a counter.
            out.append("      ratioMetric:\n        counter: ").append(queries.isEmpty()).append('\n');
            out.append("        good:\n").append(source(queries.flatMap(PrometheusQueries::good), "good", 10));
            out.append("        total:\n").append(source(queries.flatMap(PrometheusQueries::total), "total", 10));
        } else {
            out.append("      thresholdMetric:\n").append(source(queries.flatMap(PrometheusQueries::value), "value", 8));
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
        out.append("  objectives:\n    - target: ").append(slo.objective().toPlainString())
                .append('\n');
        if (slo.sliceThreshold().isPresent()) {
            out.append("      op: lte\n      value: ").append(slo.sliceThreshold().get().toPlainString())
                    .append("\n      timeSliceWindow: 1m\n");
        }
        return out.toString();
    }

    private static String source(Optional<String> query, String series, int indent) {
        String pad = " ".repeat(indent);
        return pad + "metricSource:\n" + pad + "  type: " + (query.isPresent() ? "Prometheus" : "Vitals") + "\n" + pad
                + "  spec:\n" + pad + "    " + query.map(q -> "query: " + quoted(q)).orElse("series: " + series)
                + "\n";
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
