package dev.vitals.plugins.cost.pages;

/**
 * One line of the page's team table.
 *
 * @param team the team's key
 * @param cost the cost, rounded to cents for display
 */
public record TeamLine(String team, String cost) {
}
