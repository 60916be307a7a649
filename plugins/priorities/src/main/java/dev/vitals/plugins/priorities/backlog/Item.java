package dev.vitals.plugins.priorities.backlog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A backlog item as the API returns it. Scores are computed by the portal from the inputs beside them; a score is
 * {@code null} when its inputs are absent.
 *
 * @param id the portal's id
 * @param key the item's own key, if given
 * @param title what it is
 * @param level theme, epic, feature, story or task
 * @param parent the parent's id, null for themes
 * @param owner the owning team or program, e.g. {@code group:default/payments}
 * @param horizon immediate or future
 * @param investment foundation or innovation
 * @param status proposed, ready, in-progress, done or dropped
 * @param estimateWeeks the estimate in person-weeks
 * @param quarter the target quarter, e.g. {@code 2027-Q1}
 * @param services the services it names, by catalog key
 * @param rice the RICE inputs
 * @param riceScore reach × impact × confidence ÷ effort, to 4 places
 * @param wsjf the WSJF inputs
 * @param wsjfScore (business value + time criticality + risk reduction) ÷ job size, to 4 places
 * @param rank the item's place, from 1, in the stack rank of its level and owner
 * @param orgRank a theme's place, from 1, among the organisation's top priorities; null for other levels
 * @param pain the pain reports gathered on it
 * @param createdBy who created it
 * @param createdAt when
 * @param updatedAt when it last changed
 */
public record Item(long id, String key, String title, String level, Long parent, String owner, String horizon,
        String investment, String status, BigDecimal estimateWeeks, String quarter, List<String> services,
        RiceInputs rice, BigDecimal riceScore, WsjfInputs wsjf, BigDecimal wsjfScore, int rank, Integer orgRank,
        Pain pain, String createdBy, Instant createdAt, Instant updatedAt) {

    /**
     * @param count how many reports
     * @param teams the teams they come from, by reference
     */
    public record Pain(int count, List<String> teams) {
    }

    /** @return the item's level as a value */
    public Level levelValue() {
        return Level.parse(level).orElseThrow();
    }
}
