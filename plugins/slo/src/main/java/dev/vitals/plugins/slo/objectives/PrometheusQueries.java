package dev.vitals.plugins.slo.objectives;

import java.util.Optional;

/**
 * Where a pulled SLO's minute data comes from: PromQL queries the pull job evaluates over a Prometheus-compatible
 * {@code /api/v1/query_range} at a 60 s step. Each query must return the figure of the minute that ends at each step,
 * not a running counter: for counters that is {@code sum(increase(http_requests_total{code!~"5.."}[1m]))}; for a
 * timeslices SLO a measurement such as {@code histogram_quantile(0.99, sum by (le) (rate(x_bucket[1m])))}. Several
 * series in an answer are summed.
 *
 * @param good occurrences: the good events of the minute
 * @param total occurrences: all events of the minute
 * @param value timeslices: the minute's measurement, judged against the slice threshold
 */
public record PrometheusQueries(Optional<String> good, Optional<String> total, Optional<String> value) {

    public static PrometheusQueries events(String good, String total) {
        return new PrometheusQueries(Optional.of(good), Optional.of(total), Optional.empty());
    }

    public static PrometheusQueries measurement(String value) {
        return new PrometheusQueries(Optional.empty(), Optional.empty(), Optional.of(value));
    }
}
