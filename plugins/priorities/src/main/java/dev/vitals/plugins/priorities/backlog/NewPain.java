package dev.vitals.plugins.priorities.backlog;

/**
 * The body of {@code POST /api/priorities/items/{id}/pain}: a pain report from someone of a team.
 *
 * @param team the reporter's team, e.g. {@code search}; the caller must be its editor
 * @param what what hurts, 1 to 2000 characters
 * @param howOften daily, weekly, monthly or rarely
 * @param link where to read more (a ticket, a thread), http or https
 */
public record NewPain(String team, String what, String howOften, String link) {
}
