package dev.vitals.plugins.slo.ingest;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the answer of {@code /api/v1/query_range}:
 * {@code {"status":"success","data":{"resultType":"matrix","result":[{"metric":{…},"values":[[1700000000,"12"],…]}]}}}
 * or {@code {"status":"error","errorType":"bad_data","error":"…"}}. Values are strings; several series are summed per
 * timestamp, and a timestamp where any series says {@code NaN} or ±Inf has no value, as Prometheus's own sum would.
 */
final class PrometheusRange {

    private PrometheusRange() {
    }

    /**
     * @param status the HTTP status of the answer
     * @param body the answer
     * @return the summed value at each step time the answer has one for
     * @throws PrometheusException when the answer is an error or not the documented shape
     */
    static Map<Instant, Double> parse(int status, String body) throws PrometheusException {
        Object parsed;
        try {
            // JSON is YAML; the plugin bundles SnakeYAML already, so no JSON library is added for this.
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(0);
            options.setCodePointLimit(64 * 1024 * 1024);
            parsed = new Yaml(new SafeConstructor(options)).load(body);
        } catch (YAMLException e) {
            throw new PrometheusException("Prometheus answered HTTP " + status + " with a body that is not JSON");
        }
        if (!(parsed instanceof Map<?, ?> answer)) {
            throw new PrometheusException("Prometheus answered HTTP " + status + " with a body that is not a JSON "
                    + "object");
        }
        if (!"success".equals(answer.get("status"))) {
            throw new PrometheusException("Prometheus refused the query (HTTP " + status + ", "
                    + answer.get("errorType") + "): " + answer.get("error"));
        }
        if (!(answer.get("data") instanceof Map<?, ?> data) || !"matrix".equals(data.get("resultType"))
                || !(data.get("result") instanceof List<?> series)) {
            throw new PrometheusException("Prometheus answered without a matrix; query_range returns one for every "
                    + "valid query");
        }
        Map<Instant, Double> sums = new TreeMap<>();
        Set<Instant> unknown = new HashSet<>();
        for (Object one : series) {
            if (!(one instanceof Map<?, ?> s) || !(s.get("values") instanceof List<?> values)) {
                throw new PrometheusException("a series of the answer has no values");
            }
            for (Object point : values) {
                if (!(point instanceof List<?> pair) || pair.size() != 2 || !(pair.get(0) instanceof Number time)) {
                    throw new PrometheusException("a point of the answer is not [time, \"value\"]: " + point);
                }
                Instant at = Instant.ofEpochMilli(Math.round(time.doubleValue() * 1000));
                double value;
                try {
                    value = Double.parseDouble(String.valueOf(pair.get(1)));
                } catch (NumberFormatException e) {
                    throw new PrometheusException("a value of the answer is not a number: " + pair.get(1));
                }
                if (Double.isNaN(value) || Double.isInfinite(value)) {
                    unknown.add(at);
                } else {
                    sums.merge(at, value, Double::sum);
                }
            }
        }
        unknown.forEach(sums::remove);
        return sums;
    }
}
