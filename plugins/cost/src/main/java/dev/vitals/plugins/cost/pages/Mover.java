package dev.vitals.plugins.cost.pages;

/**
 * A service whose cost moved most between last week and this week, as the overview shows it (rounded to cents).
 *
 * @param service the service's key
 * @param href its Cost tab
 * @param lastWeek the cost of the 7 days before this week
 * @param thisWeek the cost of the last 7 known days
 * @param change this week minus last week, with its sign
 * @param percent the change against last week, e.g. {@code +12.5 %}; {@code new} when last week cost nothing
 */
public record Mover(String service, String href, String lastWeek, String thisWeek, String change, String percent) {
}
