package dev.vitals.plugins.slo.api;

import dev.vitals.plugins.slo.objectives.PrometheusQueries;
import dev.vitals.plugins.slo.objectives.Slo;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * An SLO definition as the API gives it: the fields {@code POST /api/slo/slos} takes, with the team and the time of
 * the last change. Absent values are {@code null}. The objective and threshold are normal decimals of at most 6
 * places, written as plain JSON numbers exactly as they were typed (0.999, 300).
 *
 * @param name the unique key
 * @param service the service's catalog key, or null
 * @param component the availability component's catalog key, or null
 * @param team the owning team's catalog key, or null
 * @param objective the target share of good
 * @param window {@code 7d}, {@code 28d}, {@code 30d}, {@code month} or {@code quarter}
 * @param method {@code occurrences} or {@code timeslices}
 * @param sliceThreshold for timeslices, or null
 * @param description free text, or null
 * @param updatedAt when it last changed, ISO-8601
 * @param prometheus the queries its minutes are pulled with, or null
 */
public record SloJson(String name, Optional<String> service, Optional<String> component, Optional<String> team,
        BigDecimal objective, String window, String method, Optional<BigDecimal> sliceThreshold,
        Optional<String> description, String updatedAt, Optional<Queries> prometheus) {

    /**
     * The PromQL queries of a pulled SLO, as {@code "prometheus"} takes them.
     *
     * @param good occurrences: good events per minute, or null
     * @param total occurrences: all events per minute, or null
     * @param value timeslices: the measurement per minute, or null
     */
    public record Queries(Optional<String> good, Optional<String> total, Optional<String> value) {

        static Queries of(PrometheusQueries queries) {
            return new Queries(queries.good(), queries.total(), queries.value());
        }
    }

    /** @return the SLO as the API gives it */
    public static SloJson of(Slo slo) {
        return new SloJson(slo.name(), slo.service(), slo.component(), slo.team(), slo.objective(),
                slo.window().code(), slo.method().code(), slo.sliceThreshold(), slo.description(),
                slo.updatedAt().toString(), slo.prometheus().map(Queries::of));
    }
}
