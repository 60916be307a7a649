package dev.vitals.plugins.cost.pages;

/**
 * One line of a breakdown table: a category, a provider or a service, its cost rounded to cents and its share.
 *
 * @param key what it is
 * @param href where it leads; empty text for no link
 * @param cost the cost
 * @param share its share of the total, e.g. {@code 12.5 %}
 */
public record Share(String key, String href, String cost, String share) {
}
