package dev.vitals.core.catalog;

import java.util.List;

/**
 * One page of a list.
 *
 * @param items the entities on this page
 * @param total how many match in all
 * @param page the page number, from 1
 * @param size the page size
 */
public record CatalogPage(List<EntitySummary> items, long total, int page, int size) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
