package dev.vitals.plugins.slo;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shape of an SLO definition, the same one {@code POST /api/slo/slos} takes. */
final class SloJson {

    private SloJson() {
    }

    static Map<String, Object> of(Slo slo) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", slo.name());
        slo.service().ifPresent(s -> json.put("service", s));
        slo.component().ifPresent(c -> json.put("component", c));
        json.put("team", slo.team().orElse(null));
        // Normal BigDecimals of at most 6 decimal places: JSON numbers in plain form, as written (0.999, 300).
        json.put("objective", slo.objective());
        json.put("window", slo.window().code());
        json.put("method", slo.method().code());
        json.put("sliceThreshold", slo.sliceThreshold().orElse(null));
        json.put("description", slo.description().orElse(null));
        json.put("updatedAt", slo.updatedAt().toString());
        slo.prometheus().ifPresent(p -> {
            Map<String, Object> queries = new LinkedHashMap<>();
            p.good().ifPresent(q -> queries.put("good", q));
            p.total().ifPresent(q -> queries.put("total", q));
            p.value().ifPresent(q -> queries.put("value", q));
            json.put("prometheus", queries);
        });
        return json;
    }
}
