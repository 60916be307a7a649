package dev.vitals.plugins.priorities.backlog;

import java.time.Instant;
import java.util.List;

/**
 * A pain report on an item.
 *
 * @param id its id
 * @param item the item's id
 * @param reporter who reported it
 * @param team the reporter's team
 * @param what what hurts
 * @param howOften daily, weekly, monthly or rarely
 * @param link where to read more, if anywhere
 * @param reportedAt when
 */
public record PainReport(long id, long item, String reporter, String team, String what, String howOften, String link,
        Instant reportedAt) {

    /**
     * The reports of one item, with their count and teams.
     *
     * @param item the item's id
     * @param count how many
     * @param teams the teams they come from
     * @param reports the reports, newest first
     */
    public record Reports(long item, int count, List<String> teams, List<PainReport> reports) {
    }
}
