package dev.vitals.plugins.slo.api;

import java.util.List;

/**
 * One page of {@code GET /api/slo/slos}.
 *
 * @param items the SLOs of the page, by name
 * @param total how many SLOs there are
 * @param page the page, from 1
 * @param size SLOs per page
 */
public record SloListJson(List<SloJson> items, long total, int page, int size) {
}
