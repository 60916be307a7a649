package dev.vitals.plugins.priorities.backlog;

import java.util.List;

/**
 * One page of items.
 *
 * @param items the items of the page
 * @param page the page, from 1
 * @param size items per page
 * @param total items matching, on all pages
 * @param score the score the organisation ranks by, rice or wsjf
 */
public record ItemList(List<Item> items, int page, int size, long total, String score) {
}
