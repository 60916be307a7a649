package dev.vitals.plugins.slo.api;

import java.util.List;

/**
 * The answer of {@code POST /api/slo/import}.
 *
 * @param imported the SLOs stored, as the API gives them
 * @param notes what the file held that was passed over, and why
 */
public record ImportResult(List<SloJson> imported, List<String> notes) {
}
